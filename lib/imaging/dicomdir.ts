import type { DataSet, Element } from 'dicom-parser';
import { DicomError, readDicomHeader, type FileLike } from './dicom-header';
import { dicomDate, type DicomInstance } from './dicom-instance';

/** One file a DICOMDIR lists, with what the directory says about its study and series. */
export interface DicomdirEntry {
  /** The Referenced File ID's components, as on the medium (e.g. ["77654033", "CR1", "6154"]). */
  path: string[];
  instance: DicomInstance;
}

export interface Dicomdir {
  entries: DicomdirEntry[];
  patients: number;
}

const str = (dataSet: DataSet, tag: string): string | undefined => {
  try {
    return dataSet.string(tag)?.replace(/\0/g, '').trim() || undefined;
  } catch {
    return undefined;
  }
};

const RECORD_SEQUENCE = 'x00041220';
const FIRST_ROOT = 'x00041200';
const NEXT = 'x00041400';
const LOWER = 'x00041420';

/**
 * Reads a DICOMDIR (PS3.10 media directory): PATIENT -> STUDY -> SERIES -> instance records, followed
 * through their offsets (0004,1400 next, 0004,1420 lower level) as the standard defines, or in file
 * order when the offsets are absent.
 */
export async function readDicomdir(file: FileLike): Promise<Dicomdir> {
  const { dataSet } = await readDicomHeader(file);
  const sequence = dataSet.elements[RECORD_SEQUENCE];
  if (!sequence?.items) throw new DicomError('unreadable', 'DICOMDIR has no directory record sequence');
  const items: Element[] = sequence.items;
  const byOffset = new Map<number, DataSet>();
  for (const item of items) if (item.dataSet) byOffset.set(item.dataOffset - 8, item.dataSet);

  const entries: DicomdirEntry[] = [];
  let patients = 0;
  const visitLevel = (first: number, context: Partial<DicomInstance>, depth: number, seen: Set<number>) => {
    for (let offset = first; offset > 0 && depth < 10;) {
      if (seen.has(offset)) throw new DicomError('unreadable', 'DICOMDIR records form a loop');
      seen.add(offset);
      const record = byOffset.get(offset);
      if (!record) throw new DicomError('unreadable', `DICOMDIR offset ${offset} is not a record`);
      const next = visit(record, context);
      const lower = record.uint32(LOWER) ?? 0;
      if (lower) visitLevel(lower, next, depth + 1, seen);
      offset = record.uint32(NEXT) ?? 0;
    }
  };
  const visit = (record: DataSet, context: Partial<DicomInstance>): Partial<DicomInstance> => {
    const type = str(record, 'x00041430')?.toUpperCase();
    if (type === 'PATIENT') {
      patients++;
      return { patientKey: `patient ${patients}` };
    }
    if (type === 'STUDY')
      return {
        ...context,
        studyUid: str(record, 'x0020000d'),
        studyDescription: str(record, 'x00081030'),
        studyDate: dicomDate(str(record, 'x00080020')),
      };
    if (type === 'SERIES') {
      const number = Number(str(record, 'x00200011'));
      return {
        ...context,
        seriesUid: str(record, 'x0020000e'),
        modality: str(record, 'x00080060'),
        seriesDescription: str(record, 'x0008103e'),
        seriesNumber: Number.isFinite(number) && str(record, 'x00200011') ? number : undefined,
      };
    }
    const fileId = str(record, 'x00041500');
    if (fileId)
      entries.push({
        path: fileId.split('\\').filter(Boolean),
        instance: {
          patientKey: context.patientKey ?? 'patient 0',
          ...context,
          sopInstanceUid: str(record, 'x00041511'),
          sopClassUid: str(record, 'x00041510'),
        },
      });
    return context;
  };

  const root = dataSet.uint32(FIRST_ROOT) ?? 0;
  if (root && byOffset.has(root)) visitLevel(root, {}, 0, new Set());
  else {
    // No usable offsets: the records in file order, each level following the one above it.
    let context: Partial<DicomInstance> = {};
    const levels: Record<string, Partial<DicomInstance>> = {};
    for (const item of items) {
      if (!item.dataSet) continue;
      const type = str(item.dataSet, 'x00041430')?.toUpperCase() ?? '';
      const parent =
        type === 'PATIENT' ? {} : type === 'STUDY' ? levels.PATIENT : type === 'SERIES' ? levels.STUDY : levels.SERIES;
      context = visit(item.dataSet, parent ?? context);
      if (type === 'PATIENT' || type === 'STUDY' || type === 'SERIES') levels[type] = context;
    }
  }
  return { entries, patients };
}
