// A synthetic case ("Alex Testperson") holding every record kind and structured shape, for the patient-shared bundle tests.
import type { CaseRecord } from '../../../lib/core/model';
import type { PatientSharedChoice } from '../../../lib/export/package-input';
import { RECORDS } from '../helpers/synthetic-case';

const base = RECORDS[0]!;
const record = (id: string, kind: CaseRecord['kind'], title: string, rest: Partial<CaseRecord>): CaseRecord => ({
  ...base,
  id,
  kind,
  title,
  clinicalDate: undefined,
  structured: undefined,
  contentHash: id
    .padEnd(64, 'a')
    .replace(/[^0-9a-f]/g, 'b')
    .slice(0, 64),
  ...rest,
});

export const EVERY_KIND: CaseRecord[] = [
  ...RECORDS,
  record('rec-vitals', 'vital-signs', 'Vital signs', {
    clinicalDate: '2026-10-25',
    structured: {
      type: 'lab',
      panel: { name: 'Vital signs', collected: '2026-10-25' },
      results: [
        { test: 'Heart rate', value: '88', numericValue: 88, unit: '/min', loinc: '8867-4', readBy: 'coded-entry' },
        // Dated on its own with the panel's date: the round trip keeps the difference from an undated row.
        { test: 'Body weight', value: '71.2', numericValue: 71.2, unit: 'kg', loinc: '29463-7', date: '2026-10-25' },
      ],
    },
  }),
  record('rec-problems', 'problem', 'Problem list', {
    structured: {
      type: 'problems',
      problems: [
        {
          name: 'Pulmonary nodule',
          code: { system: 'http://snomed.info/sct', code: '427359005' },
          status: 'active',
          onset: '2026-08-15',
        },
        { name: 'Community acquired pneumonia', status: 'resolved', onset: '2025-01-03', resolved: '2025-02-01' },
      ],
    },
  }),
  record('rec-allergies', 'allergy', 'Allergies', {
    structured: {
      type: 'allergies',
      allergies: [
        { substance: 'Penicillin', reaction: 'Hives', severity: 'severe', status: 'active', onset: '2010-05-01' },
      ],
    },
  }),
  record('rec-immunizations', 'immunization', 'Immunizations', {
    structured: {
      type: 'immunizations',
      immunizations: [
        {
          vaccine: 'Influenza vaccine',
          code: { system: 'http://hl7.org/fhir/sid/cvx', code: '141' },
          date: '2025-10-01',
          status: 'completed',
          lotNumber: 'FLU123',
        },
      ],
    },
  }),
  record('rec-procedures', 'procedure', 'Procedures', {
    structured: {
      type: 'procedures',
      procedures: [
        {
          name: 'Bronchoscopy',
          date: '2026-11-01',
          status: 'completed',
          performer: 'Dr. Example Surgeon',
          bodySite: 'Right upper lobe',
        },
      ],
    },
  }),
  record('rec-encounters', 'encounter', 'Visits', {
    structured: {
      type: 'encounters',
      encounters: [
        {
          type: 'Office visit',
          date: '2026-10-25',
          end: '2026-10-25',
          location: 'Example Pulmonology Clinic',
          provider: 'Dr. Example Physician',
          reason: 'Cough',
        },
      ],
    },
  }),
  record('rec-family', 'family-history', 'Family history', {
    structured: {
      type: 'family-history',
      members: [{ relationship: 'Father', condition: 'Lung cancer', onsetAge: '67', deceased: true }],
    },
  }),
  record('rec-social', 'social-history', 'Social history', {
    structured: {
      type: 'entries',
      entries: [{ name: 'Tobacco smoking status', value: 'Former smoker', date: '2026-10-25' }],
    },
  }),
  record('rec-surgical', 'surgical', 'Operative note', {
    clinicalDate: '2026-11-01',
    structured: { type: 'note', noteType: 'Operative note', paragraphs: ['Bronchoscopy without complication.'] },
  }),
  record('rec-study', 'imaging', 'CT chest images', {
    clinicalDate: '2026-10-20',
    structured: {
      type: 'imaging-study',
      studyInstanceUid: '1.2.826.0.1.3680043.2.1125.1',
      description: 'CT CHEST',
      modalities: ['CT'],
      date: '2026-10-20',
      series: [{ uid: '1.2.826.0.1.3680043.2.1125.1.2', modality: 'CT', description: 'Axial 1mm', instances: 120 }],
      instances: 120,
    },
  }),
  record('rec-other', 'other', 'Letter from the insurer', { text: 'Your request was received.' }),
];

export const PATIENT_SHARED: PatientSharedChoice = {
  include: true,
  patient: { name: 'Alex Testperson', birthDate: '1970-01-01', sex: 'female' },
  story: {
    reason: 'doubts',
    diagnosis: 'A nodule in the right lung.',
    goals: 'Avoid surgery if it is safe to wait.',
    timeSensitive: 'yes',
  },
  questions: [
    { text: 'Do you agree with the diagnosis?', family: 'diagnosis', priority: 1 },
    { text: 'What are the alternatives to lobectomy?', family: 'treatment', priority: 2 },
  ],
};
