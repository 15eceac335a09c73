import type { CaseRecord, RecordKind } from './model';
import { RecordFamily } from './workspace-model';

/**
 * Which record kinds count towards which checklist family. A procedure list (C-CDA "Procedures") names
 * the operations with their dates, so it counts as operative records. Allergies, problems,
 * immunizations, vital signs, visits and social history are kept and exported but belong to none of
 * the eight families: counting them (allergies as the medication list, a problem list as a diagnosis
 * report, a visit list as doctors' notes) would tell the patient a record is there when it is not.
 */
const familyKinds: Partial<Record<RecordFamily, RecordKind[]>> = {
  notes: ['note'],
  pathology: ['pathology'],
  'imaging-reports': ['imaging'],
  labs: ['lab'],
  medications: ['medication'],
  'treatment-plan': ['plan'],
  operative: ['surgical', 'procedure'],
  'family-history': ['family-history'],
};

/** DICOM, the only files that count as a study's images: a key image (JPEG/PNG) in a report is not one. */
export function isImageFile(file: { mediaType: string; name: string }): boolean {
  return file.mediaType === 'application/dicom' || /\.(dcm|dicom)$/i.test(file.name) || /^DICOMDIR$/i.test(file.name);
}

/** The checklist family a record counts towards (imaging records count as reports; images are files). */
export function recordFamily(record: Pick<CaseRecord, 'kind' | 'structured'>): RecordFamily | null {
  if (record.structured?.type === 'medications') return 'medications';
  // An imported DICOM study is the images, not a report: its files count under imaging-images.
  if (record.structured?.type === 'imaging-study') return null;
  const entry = Object.entries(familyKinds).find(([, kinds]) => kinds.includes(record.kind));
  return entry ? RecordFamily.parse(entry[0]) : null;
}
