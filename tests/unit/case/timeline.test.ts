import { describe, expect, it } from 'vitest';
import {
  caseTimeline,
  filterTimeline,
  timelineCounts,
  timelinePage,
  type TimelineOpinion,
} from '../../../lib/case/timeline';
import { caseRecord, labRecord } from '../fixtures/records';

const at = (portal: string, origin: string) => ({ portal, portalName: portal, origin, path: '/x', pageTitle: 'p' });

const records = [
  labRecord('lab2', '2026-10-02', [{ test: 'Glucose', value: '131', unit: 'mg/dL', flag: 'H' }]),
  labRecord('lab1', '2026-09-15', [{ test: 'Glucose', value: '99', unit: 'mg/dL' }], 'athena'),
  caseRecord({
    id: 'ct',
    kind: 'imaging',
    title: 'CT CHEST',
    clinicalDate: '2026-09-20',
    provenance: at('Athena', 'https://a.example'),
  }),
  caseRecord({ id: 'undated', kind: 'note', title: 'Letter without a date' }),
  caseRecord({
    id: 'meds',
    kind: 'medication',
    title: 'Medications',
    clinicalDate: '2026-10-05',
    structured: {
      type: 'medications',
      medications: [
        { name: 'Metformin 500 mg', dose: '500 mg', frequency: 'twice daily', startDate: '2026-06-01' },
        { name: 'Lisinopril', status: 'Discontinued', startDate: '2025-01-10' },
        { name: 'Aspirin', status: 'active' },
      ],
    },
  }),
  caseRecord({
    id: 'visits',
    kind: 'encounter',
    title: 'Visits',
    clinicalDate: '2026-10-05',
    structured: {
      type: 'encounters',
      encounters: [
        { type: 'Office visit', date: '2026-09-01T09:30:00-05:00', provider: 'Dr. Rivera', location: 'Clinic B' },
      ],
    },
  }),
  caseRecord({
    id: 'dicom',
    kind: 'imaging',
    title: 'CT study (DICOM)',
    clinicalDate: '2026-09-20',
    structured: { type: 'imaging-study', studies: [] } as never,
  }),
];
const opinions: TimelineOpinion[] = [
  {
    id: 'o1',
    clinician: 'Dr. Okafor',
    institution: 'University Hospital',
    date: '2026-11-02',
    recommendedTreatment: 'Biopsy first\nthen review',
  },
  { id: 'o2', clinician: 'Dr. Lane', institution: '', date: '', recommendedTreatment: '' },
];

describe('case timeline', () => {
  const timeline = caseTimeline(records, opinions);

  it('puts everything in the order it happened, across kinds and portals, undated last', () => {
    expect(timeline.map((e) => [e.date?.slice(0, 10), e.kind, e.event, e.title])).toEqual([
      ['2025-01-10', 'medication', 'medication-started', 'Lisinopril'],
      ['2026-06-01', 'medication', 'medication-started', 'Metformin 500 mg'],
      ['2026-09-01', 'encounter', 'encounter', 'Office visit'],
      ['2026-09-15', 'result', 'record', 'CBC 2026-09-15'],
      ['2026-09-20', 'report', 'record', 'CT CHEST'],
      ['2026-09-20', 'image', 'record', 'CT study (DICOM)'],
      ['2026-10-02', 'result', 'record', 'CBC 2026-10-02'],
      // Same day and kind: by title.
      ['2026-10-05', 'medication', 'medication-listed', 'Aspirin'],
      ['2026-10-05', 'medication', 'medication-stopped', 'Lisinopril'],
      ['2026-11-02', 'opinion', 'opinion', 'Dr. Okafor, University Hospital'],
      [undefined, 'note', 'record', 'Letter without a date'],
      [undefined, 'opinion', 'opinion', 'Dr. Lane'],
    ]);
  });

  it('keeps where each entry came from and a short detail', () => {
    const visit = timeline.find((e) => e.event === 'encounter')!;
    expect(visit.detail).toBe('Dr. Rivera, Clinic B');
    expect(visit.recordId).toBe('visits');
    expect(timeline.find((e) => e.title === 'CT CHEST')!.source).toBe('Athena (https://a.example)');
    expect(timeline.find((e) => e.event === 'medication-stopped')!.detail).toBe('Discontinued');
    expect(timeline.find((e) => e.title === 'Metformin 500 mg')!.detail).toBe('500 mg, twice daily');
    expect(timeline.find((e) => e.kind === 'opinion')!.detail).toBe('Biopsy first');
  });

  it('is the same whatever order the records come in', () => {
    expect(caseTimeline([...records].reverse(), [...opinions].reverse())).toEqual(timeline);
  });

  it('filters by kind, and shows everything when no kind is chosen', () => {
    expect(filterTimeline(timeline, new Set(['result'])).map((e) => e.title)).toEqual([
      'CBC 2026-09-15',
      'CBC 2026-10-02',
    ]);
    expect(filterTimeline(timeline, new Set(['report', 'opinion'])).map((e) => e.kind)).toEqual([
      'report',
      'opinion',
      'opinion',
    ]);
    expect(filterTimeline(timeline, new Set())).toHaveLength(timeline.length);
    expect(timelineCounts(timeline)).toEqual({
      result: 2,
      report: 1,
      note: 1,
      image: 1,
      medication: 4,
      encounter: 1,
      opinion: 2,
      other: 0,
    });
  });

  it('pages a long timeline and clamps a page past the end', () => {
    const many = Array.from({ length: 250 }, (_, i) => i);
    expect(timelinePage(many, 0, 100)).toEqual({ items: many.slice(0, 100), page: 0, pages: 3 });
    expect(timelinePage(many, 2, 100).items).toEqual(many.slice(200));
    expect(timelinePage(many, 9, 100).page).toBe(2);
    expect(timelinePage([], 0, 100)).toEqual({ items: [], page: 0, pages: 1 });
  });

  it('an empty case has an empty timeline', () => {
    expect(caseTimeline([], [])).toEqual([]);
  });
});
