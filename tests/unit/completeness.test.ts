import { describe, expect, it } from 'vitest';
import { completeness } from '../../lib/case/completeness';
import { caseRecord } from './fixtures/records';

const byFamily = (items: ReturnType<typeof completeness>) => Object.fromEntries(items.map((i) => [i.family, i]));

describe('completeness', () => {
  it('lists every family as missing with a hint for an empty case', () => {
    const items = completeness([], { notApplicable: {} });
    expect(items).toHaveLength(9);
    expect(items.every((i) => i.status === 'missing' && i.count === 0 && i.hint)).toBe(true);
    expect(byFamily(items)['imaging-images']?.hint).toBe('hint_imaging_images');
  });

  it('counts records per family, honours not-applicable and calls out imaging reports without images', () => {
    const records = [
      caseRecord({ id: 'n1', kind: 'note' }),
      caseRecord({ id: 'n2', kind: 'note' }),
      caseRecord({ id: 'i1', kind: 'imaging' }),
      caseRecord({ id: 'm1', kind: 'other', structured: { type: 'medications', medications: [{ name: 'Drug A' }] } }),
    ];
    const items = byFamily(completeness(records, { notApplicable: { operative: true } }));
    expect(items.notes).toEqual({ family: 'notes', status: 'present', count: 2, hint: null });
    expect(items['imaging-reports']).toMatchObject({ status: 'present', count: 1 });
    expect(items['imaging-images']).toEqual({
      family: 'imaging-images',
      status: 'report-only',
      count: 0,
      hint: 'hint_imaging_images_for_reports',
    });
    expect(items.medications).toMatchObject({ status: 'present', count: 1 });
    expect(items.operative).toEqual({ family: 'operative', status: 'not-applicable', count: 0, hint: null });
    expect(items.labs?.hint).toBe('hint_labs');
  });

  it('counts DICOM attached to imaging records as the images, not key images inside a report', () => {
    const records = [caseRecord({ id: 'i1', kind: 'imaging' }), caseRecord({ id: 'x', kind: 'note' })];
    const items = byFamily(
      completeness(records, {
        notApplicable: {},
        attachments: [
          { recordId: 'i1', mediaType: 'application/octet-stream', name: 'IM0001.DCM' },
          { recordId: 'i1', mediaType: 'image/png', name: 'key.png' },
          { recordId: 'x', mediaType: 'image/png', name: 'photo.png' },
          { recordId: 'i1', mediaType: 'application/pdf', name: 'report.pdf' },
        ],
      }),
    );
    expect(items['imaging-images']).toMatchObject({ status: 'present', count: 1, hint: null });
  });
});
