// A synthetic patient ("Alex Testperson"): no real data. Used by the export and import tests.
import type { Case, CaseRecord } from '../../../lib/core/model';
import type { PackageAttachment, PackageInput } from '../../../lib/export/package-input';
import { sha256Hex } from '../../../lib/core/hash';

export const CASE: Case = {
  id: 'case-1',
  title: 'Second opinion: lung nodule',
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};

const base = (id: string, kind: CaseRecord['kind'], title: string, clinicalDate: string | undefined): CaseRecord => ({
  id,
  caseId: CASE.id,
  kind,
  title,
  clinicalDate,
  provenance: {
    portal: 'epic-mychart',
    origin: 'https://mychart.example.org',
    path: `/MyChart/app/${id}`,
    pageTitle: `${title} - MyChart`,
  },
  snapshotHtml: `<h2>${title}</h2><p>Snapshot of ${id}</p>`,
  text: `${title}\nSnapshot of ${id}`,
  capturedAt: '2026-11-10T12:00:00.000Z',
  updatedAt: '2026-11-10T12:00:00.000Z',
  contentHash: Array.from(id, (c) => c.charCodeAt(0).toString(16))
    .join('')
    .padEnd(64, '0')
    .slice(0, 64),
  note: '',
});

export const RECORDS: CaseRecord[] = [
  {
    ...base('rec-cbc-1', 'lab', 'Complete blood count', '2026-10-14'),
    structured: {
      type: 'lab',
      panel: { name: 'CBC with differential', collected: '2026-10-14T08:30:00-04:00', performingLab: 'Example Lab' },
      results: [
        {
          test: 'Hemoglobin',
          value: '11.2',
          numericValue: 11.2,
          unit: 'g/dL',
          referenceRange: '12.0-16.0',
          low: 12,
          high: 16,
          flag: 'L',
          loinc: '718-7',
        },
        {
          test: 'WBC',
          value: '7.1',
          numericValue: 7.1,
          unit: 'x10^3/uL',
          referenceRange: '4.0-11.0',
          low: 4,
          high: 11,
          flag: 'N',
          loinc: '6690-2',
        },
        { test: 'Platelets', value: '480', numericValue: 480, unit: 'K/uL', flag: 'H' },
        { test: 'Morphology', value: 'Normocytic', notes: 'Reviewed by pathologist' },
        { test: 'CRP', value: '<0.5', numericValue: 0.5, comparator: '<', unit: 'mg/L', referenceRange: '<5.0' },
        { test: 'Weird unit test', value: '3', numericValue: 3, unit: 'bananas/hour' },
      ],
    },
  },
  {
    ...base('rec-cbc-2', 'lab', 'Complete blood count', '2026-11-03'),
    structured: {
      type: 'lab',
      panel: { name: 'CBC', collected: '2026-11-03' },
      results: [
        {
          test: 'Hemoglobin',
          value: '10.1',
          numericValue: 10.1,
          unit: 'g/dL',
          referenceRange: '12.0-16.0',
          flag: 'L',
          loinc: '718-7',
          date: '2026-11-03',
        },
        { test: 'Potassium', value: '6.9', numericValue: 6.9, unit: 'mmol/L', flag: 'critical', date: '2026-11-03' },
      ],
    },
  },
  {
    ...base('rec-ct', 'imaging', 'CT chest with contrast', '2026-10-20'),
    structured: {
      type: 'report',
      exam: 'CT CHEST W CONTRAST',
      modality: 'CT',
      sections: [
        { heading: 'Findings', text: 'A 9 mm nodule in the right upper lobe.' },
        { heading: 'Impression', text: 'Indeterminate nodule; follow-up suggested.' },
      ],
    },
  },
  { ...base('rec-path', 'pathology', 'Bronchoscopy biopsy', '2026-11-01') },
  {
    ...base('rec-note', 'note', 'Pulmonology visit', '2026-10-25'),
    structured: {
      type: 'note',
      author: 'Dr. Example Physician',
      noteType: 'Progress note',
      paragraphs: ['Discussed options.'],
    },
  },
  {
    ...base('rec-meds', 'medication', 'Medication list', undefined),
    structured: {
      type: 'medications',
      medications: [
        { name: 'Albuterol inhaler', dose: '90 mcg', route: 'inhaled', frequency: 'as needed', status: 'active' },
        { name: 'Prednisone', dose: '10 mg', status: 'discontinued', startDate: '2026-09-01' },
      ],
    },
  },
  { ...base('rec-plan', 'plan', 'Proposed treatment plan', '2026-11-05'), note: 'Surgeon suggested lobectomy.' },
];

const pdfBytes = new TextEncoder().encode(
  '%PDF-1.4\n% synthetic attachment\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
);
// 1x1 PNG.
const pngBytes = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const textBytes = new TextEncoder().encode('Radiology CD index\n'.repeat(50));

export async function attachments(): Promise<PackageAttachment[]> {
  const make = async (
    id: string,
    recordId: string,
    name: string,
    mediaType: string,
    data: Uint8Array,
    asBlob = false,
  ) => ({
    id,
    recordId,
    name,
    mediaType,
    size: data.byteLength,
    sha256: await sha256Hex(data),
    data: asBlob ? new Blob([data as Uint8Array<ArrayBuffer>]) : data,
  });
  return [
    await make('att-1', 'rec-ct', 'CT Report (final).PDF', 'application/pdf', pdfBytes, true),
    await make('att-2', 'rec-ct', 'key image.png', 'image/png', pngBytes),
    await make('att-3', 'rec-ct', 'key image.png', 'image/png', pngBytes),
    await make('att-4', 'rec-path', 'CON', 'text/plain', textBytes),
  ];
}

export async function packageInput(overrides: Partial<PackageInput> = {}): Promise<PackageInput> {
  return {
    caseData: CASE,
    records: RECORDS,
    generatedAt: new Date('2026-11-25T10:00:00.000Z'),
    generator: { name: 'Second Look', version: '0.1.0' },
    sanitize: (html) => html,
    story: {
      reason: 'I want to know whether surgery is needed now.',
      summary: 'Cough since August.\n\nA CT found a nodule.',
      sections: [{ label: 'Goals', text: 'Avoid surgery if it is safe to wait.' }],
      timeSensitive: true,
    },
    questions: [
      { id: 'q2', text: 'What are the alternatives to lobectomy?', priority: 2, family: 'treatment' },
      { id: 'q1', text: 'Do you agree with the diagnosis?', priority: 1, family: 'diagnosis', recordIds: ['rec-ct'] },
      { id: 'q3', text: 'How many cases like mine have you treated?', priority: 3 },
    ],
    completeness: [
      { family: 'Lab results', status: 'complete', count: 2, hint: '' },
      { family: 'Imaging images', status: 'missing', count: 0, hint: 'Request the CT images (DICOM) from radiology.' },
    ],
    attachments: await attachments(),
    ...overrides,
  };
}

export async function collect<T>(entries: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const entry of entries) out.push(entry);
  return out;
}
