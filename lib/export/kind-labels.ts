import type { RecordKind } from '../core/model';

export const KIND_LABELS: Record<RecordKind, string> = {
  note: "Doctors' notes",
  pathology: 'Diagnosis and pathology reports',
  imaging: 'Imaging reports',
  lab: 'Lab results',
  medication: 'Medication lists',
  plan: 'Treatment plans',
  surgical: 'Surgical and operative reports',
  'family-history': 'Family history',
  allergy: 'Allergies',
  problem: 'Problems and diagnoses',
  procedure: 'Procedures',
  immunization: 'Immunizations',
  'vital-signs': 'Vital signs',
  encounter: 'Visits and encounters',
  'social-history': 'Social history',
  other: 'Other records',
};
