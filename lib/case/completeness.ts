import type { CaseRecord } from '../core/model';
import { RecordFamily } from '../core/workspace-model';
import { isTitleOnly, type TitleOnlyInput } from '../core/title-only';
import { isImageFile, recordFamily } from '../core/record-family';
import type { CaseSummary } from '../core/case-summary';

export { recordFamily };

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

  return checklistItems(
    (family) => (family === 'imaging-images' ? imageCount : records.filter((r) => recordFamily(r) === family).length),
    hasImagingReports,
    caseState.notApplicable,
  );
}

/** The same checklist from a case's kept summary: what the panel shows without reading any record. */
export function checklistFromSummary(
  summary: CaseSummary,
  notApplicable: Partial<Record<RecordFamily, boolean>>,
): CompletenessItem[] {
  return checklistItems(
    (family) => (family === 'imaging-images' ? summary.imageFiles : (summary.families[family] ?? 0)),
    summary.imagingReports > 0,
    notApplicable,
  );
}

function checklistItems(
  countOf: (family: RecordFamily) => number,
  hasImagingReports: boolean,
  notApplicable: Partial<Record<RecordFamily, boolean>>,
): CompletenessItem[] {
  return RecordFamily.options.map((family) => {
    const count = countOf(family);
    if (notApplicable[family]) return { family, status: 'not-applicable', count, hint: null };
    if (count > 0) return { family, status: 'present', count, hint: null };
    // A report without its images is a known gap: say so specifically (DOMAIN.md, Imaging).
    if (family === 'imaging-images' && hasImagingReports)
      return { family, status: 'report-only', count, hint: 'hint_imaging_images_for_reports' };
    return { family, status: 'missing', count, hint: hints[family] };
  });
}
