import type { CaseRecord, RecordKind } from '../core/model';
import { RecordFamily } from '../core/workspace-model';
import { isTitleOnly, type TitleOnlyInput } from './title-only';

/** What the checklist reads of a record; with its title and snapshot, a title-only record is not counted. */
export type CompletenessRecord = Pick<CaseRecord, 'id' | 'kind' | 'structured'> & Partial<TitleOnlyInput>;

/** `report-only`: imaging reports are there but no study (the images) is: the gap DOMAIN.md names. */
export type CompletenessStatus = 'present' | 'missing' | 'report-only' | 'not-applicable';

/** Catalogue keys of the hints (public/_locales/<lang>/messages.json); translate them where shown. */
export type CompletenessHint =
  | 'hint_notes'
  | 'hint_pathology'
  | 'hint_imaging_reports'
  | 'hint_imaging_images'
  | 'hint_imaging_images_for_reports'
  | 'hint_labs'
  | 'hint_medications'
  | 'hint_treatment_plan'
  | 'hint_operative'
  | 'hint_family_history';

export interface CompletenessItem {
  family: RecordFamily;
  status: CompletenessStatus;
  /** How many records (for imaging images: image files) the case holds for this family. */
  count: number;
  /** How to get what is missing; null when the family is present or not applicable. */
  hint: CompletenessHint | null;
}

/** What the checklist needs beyond the records: the user's marks and the image files kept. */
export interface CompletenessState {
  notApplicable: Partial<Record<RecordFamily, boolean>>;
  /** Files kept with records (attachments); only DICOM attached to imaging records counts as the images:
   * a key image (JPEG/PNG) inside a report is not the study a radiologist can reread. */
  attachments?: { recordId: string; mediaType: string; name: string }[];
}

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

const hints: Record<RecordFamily, CompletenessHint> = {
  notes: 'hint_notes',
  pathology: 'hint_pathology',
  'imaging-reports': 'hint_imaging_reports',
  'imaging-images': 'hint_imaging_images',
  labs: 'hint_labs',
  medications: 'hint_medications',
  'treatment-plan': 'hint_treatment_plan',
  operative: 'hint_operative',
  'family-history': 'hint_family_history',
};

function isImageFile(file: { mediaType: string; name: string }): boolean {
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

/** The image files the checklist counts: DICOM kept with an imaging record. */
export function imageFiles<T extends { recordId: string; mediaType: string; name: string }>(
  records: Pick<CaseRecord, 'id' | 'kind'>[],
  attachments: T[],
): T[] {
  const imagingIds = new Set(records.filter((r) => r.kind === 'imaging').map((r) => r.id));
  return attachments.filter((a) => imagingIds.has(a.recordId) && isImageFile(a));
}

/**
 * The records-package checklist (DOMAIN.md). A family is present when the case holds at least one
 * record of it that holds more than its title; it says nothing about whether those records are the right
 * or latest ones.
 */
export function completeness(records: CompletenessRecord[], caseState: CompletenessState): CompletenessItem[] {
  const files = new Map<string, number>();
  for (const file of caseState.attachments ?? []) files.set(file.recordId, (files.get(file.recordId) ?? 0) + 1);
  // A record that kept only its title (its document was not copied) does not make its family present.
  records = records.filter(
    (r) =>
      r.title === undefined || r.snapshotHtml === undefined || !isTitleOnly(r as TitleOnlyInput, files.get(r.id) ?? 0),
  );
  const hasImagingReports = records.some((r) => r.kind === 'imaging' && r.structured?.type !== 'imaging-study');
  const imageCount = imageFiles(records, caseState.attachments ?? []).length;

  return RecordFamily.options.map((family) => {
    const count = family === 'imaging-images' ? imageCount : records.filter((r) => recordFamily(r) === family).length;
    if (caseState.notApplicable[family]) return { family, status: 'not-applicable', count, hint: null };
    if (count > 0) return { family, status: 'present', count, hint: null };
    // A report without its images is a known gap: say so specifically (DOMAIN.md, Imaging).
    if (family === 'imaging-images' && hasImagingReports)
      return { family, status: 'report-only', count, hint: 'hint_imaging_images_for_reports' };
    return { family, status: 'missing', count, hint: hints[family] };
  });
}
