import type { CaseRecord, RecordKind } from './model';
import { RecordFamily } from './workspace-model';

export type CompletenessStatus = 'present' | 'missing' | 'not-applicable';

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
  /** Files kept with records (attachments); DICOM or images attached to imaging records count as images. */
  attachments?: { recordId: string; mediaType: string; name: string }[];
}

const familyKinds: Partial<Record<RecordFamily, RecordKind>> = {
  notes: 'note',
  pathology: 'pathology',
  'imaging-reports': 'imaging',
  labs: 'lab',
  medications: 'medication',
  'treatment-plan': 'plan',
  operative: 'surgical',
  'family-history': 'family-history',
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
  return (
    file.mediaType === 'application/dicom' ||
    file.mediaType.startsWith('image/') ||
    /\.(dcm|dicom)$/i.test(file.name) ||
    /^DICOMDIR$/i.test(file.name)
  );
}

/**
 * The records-package checklist (DOMAIN.md). A family is present when the case holds at least one
 * record of it; it says nothing about whether those records are the right or latest ones.
 */
export function completeness(
  records: Pick<CaseRecord, 'id' | 'kind' | 'structured'>[],
  caseState: CompletenessState,
): CompletenessItem[] {
  const imagingIds = new Set(records.filter((r) => r.kind === 'imaging').map((r) => r.id));
  const imageCount = (caseState.attachments ?? []).filter((a) => imagingIds.has(a.recordId) && isImageFile(a)).length;

  return RecordFamily.options.map((family) => {
    const kind = familyKinds[family];
    const count =
      family === 'imaging-images'
        ? imageCount
        : records.filter(
            (r) => r.kind === kind || (family === 'medications' && r.kind !== 'medication' && r.structured?.type === 'medications'),
          ).length;
    if (caseState.notApplicable[family]) return { family, status: 'not-applicable', count, hint: null };
    if (count > 0) return { family, status: 'present', count, hint: null };
    // A report without its images is a known gap: say so specifically (DOMAIN.md, Imaging).
    const hint = family === 'imaging-images' && imagingIds.size > 0 ? 'hint_imaging_images_for_reports' : hints[family];
    return { family, status: 'missing', count, hint };
  });
}
