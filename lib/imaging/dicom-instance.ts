import type { DataSet } from 'dicom-parser';

/** What the study list needs from one instance: nothing that names the patient. */
export interface DicomInstance {
  studyUid?: string;
  seriesUid?: string;
  sopInstanceUid?: string;
  sopClassUid?: string;
  modality?: string;
  studyDescription?: string;
  seriesDescription?: string;
  seriesNumber?: number;
  bodyPart?: string;
  /** ISO date (YYYY-MM-DD) from Study Date. */
  studyDate?: string;
  /** Tells patients apart without keeping who they are: a hash of name, id and birth date, in memory only. */
  patientKey: string;
}

const text = (dataSet: DataSet, tag: string, max: number): string | undefined => {
  let value: string | undefined;
  try {
    value = dataSet.string(tag);
  } catch {
    return undefined;
  }
  const cleaned = value?.replace(/\0/g, '').trim();
  return cleaned ? cleaned.slice(0, max) : undefined;
};

/** DICOM DA (YYYYMMDD) as an ISO date; undefined when it is not a real date. A DICOM time carries no time
 * zone, so the clinical date stays a date rather than a guessed instant. */
export function dicomDate(da: string | undefined): string | undefined {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(da ?? '');
  if (!d) return undefined;
  const [, y, m, day] = d;
  const date = new Date(`${y}-${m}-${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${day}`) return undefined;
  return `${y}-${m}-${day}`;
}

/** The patient-free attributes of one instance. */
export function instanceOf(dataSet: DataSet): DicomInstance {
  const seriesNumber = Number(text(dataSet, 'x00200011', 12));
  return {
    studyUid: text(dataSet, 'x0020000d', 64),
    seriesUid: text(dataSet, 'x0020000e', 64),
    sopInstanceUid: text(dataSet, 'x00080018', 64) ?? text(dataSet, 'x00020003', 64),
    sopClassUid: text(dataSet, 'x00080016', 64) ?? text(dataSet, 'x00020002', 64),
    modality: text(dataSet, 'x00080060', 16),
    studyDescription: text(dataSet, 'x00081030', 500),
    seriesDescription: text(dataSet, 'x0008103e', 500),
    seriesNumber: Number.isFinite(seriesNumber) && text(dataSet, 'x00200011', 12) ? seriesNumber : undefined,
    bodyPart: text(dataSet, 'x00180015', 200),
    studyDate: dicomDate(text(dataSet, 'x00080020', 8)),
    patientKey: [text(dataSet, 'x00100010', 200), text(dataSet, 'x00100020', 200), text(dataSet, 'x00100030', 8)].join(
      '\u0001',
    ),
  };
}
