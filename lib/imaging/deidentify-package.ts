import type { StructuredData } from '../core/model';
import { isDicomFile } from './dicom-header';
import { deidentifyDicom, uidReplacer } from './deidentify';
import { hashBlob } from './import-study';

/** The parts of the exporter's attachments and records that de-identification reads and replaces. */
export interface ImageAttachment {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: Blob | Uint8Array;
}

const asBlob = (data: Blob | Uint8Array) => (data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]));

/**
 * For a redacted package: every DICOM file (by media type or by its DICM prefix) de-identified with the
 * Basic Profile, and the study and series UIDs the records keep replaced the same way, so the FHIR
 * ImagingStudy still names the files' study. Throws DeidentificationRefused when a file cannot be
 * de-identified: the caller refuses the export. A new random salt per export unlinks the new UIDs.
 */
export async function deidentifyImages<A extends ImageAttachment, R extends { structured?: StructuredData }>(
  attachments: A[],
  records: R[],
  salt: Uint8Array = crypto.getRandomValues(new Uint8Array(32)),
): Promise<{ attachments: A[]; records: R[]; deidentified: number }> {
  const replaceUid = uidReplacer(salt);
  let deidentified = 0;
  const out: A[] = [];
  for (const attachment of attachments) {
    const blob = asBlob(attachment.data);
    if (
      !/^text\//.test(attachment.mediaType) &&
      (attachment.mediaType === 'application/dicom' || (await isDicomFile(blob)))
    ) {
      const data = await deidentifyDicom(blob, attachment.name, replaceUid);
      out.push({ ...attachment, data, size: data.size, sha256: await hashBlob(data) });
      deidentified++;
    } else out.push(attachment);
  }
  const studyRecords = records.map((record) => {
    const s = record.structured;
    if (s?.type !== 'imaging-study') return record;
    return {
      ...record,
      structured: {
        ...s,
        ...(s.studyInstanceUid ? { studyInstanceUid: replaceUid(s.studyInstanceUid) } : {}),
        series: s.series.map((series) => (series.uid ? { ...series, uid: replaceUid(series.uid) } : series)),
      },
    };
  });
  return { attachments: out, records: studyRecords, deidentified };
}
