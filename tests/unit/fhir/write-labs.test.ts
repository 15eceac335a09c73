// One lab Observation writer for both bundles; they differ only where a number's unit is not UCUM.
import { describe, expect, it } from 'vitest';
import type { LabResultRow } from '../../../lib/core/model';
import { labObservation as packageObservation } from '../../../lib/export/fhir-labs';
import { recordResources } from '../../../lib/fhir/record-resources';
import { ucumUnit } from '../../../lib/fhir';
import { labRecord } from '../fixtures/records';

const UCUM = 'http://unitsofmeasure.org';
const casts: LabResultRow = {
  test: 'Hyaline casts',
  value: '3',
  numericValue: 3,
  unit: 'per hpf',
  low: 0,
  high: 2,
  referenceRange: '0-2',
  flag: 'H',
};
const glucose: LabResultRow = {
  test: 'Glucose',
  value: '95',
  numericValue: 95,
  unit: 'mg/dL',
  loinc: '2345-7',
  referenceRange: '70-99',
  low: 70,
  high: 99,
};

function bothBundles(row: LabResultRow) {
  const record = labRecord('r1', '2026-03-02', [row]);
  if (record.structured?.type !== 'lab') throw new Error('a lab record');
  const ours = packageObservation(row, record.structured, record);
  const shared = recordResources(record, { reference: 'urn:uuid:patient' }, '2026-03-03T10:00:00Z')
    .map((w) => w.resource)
    .find((r) => r.resourceType === 'Observation')!;
  return { ours: ours as Record<string, unknown>, shared: shared as Record<string, unknown> };
}

describe('lab Observation writer', () => {
  it('a unit that is not UCUM: the package writes the printed value and unit, the patient-shared bundle a Quantity without a code', () => {
    expect(ucumUnit('per hpf')).toBeUndefined();
    const { ours, shared } = bothBundles(casts);
    expect(ours.valueQuantity).toBeUndefined();
    expect(ours.valueString).toBe('3 per hpf');
    expect(ours.referenceRange).toEqual([{ low: { value: 0 }, high: { value: 2 }, text: '0-2' }]);
    expect(shared.valueString).toBeUndefined();
    expect(shared.valueQuantity).toEqual({ value: 3, unit: 'per hpf' });
    expect(shared.referenceRange).toEqual([
      { low: { value: 0, unit: 'per hpf' }, high: { value: 2, unit: 'per hpf' }, text: '0-2' },
    ]);
    // Everything else is the same writer's.
    for (const element of ['status', 'category', 'code', 'effectiveDateTime', 'interpretation'])
      expect(ours[element], element).toEqual(shared[element]);
    expect(shared.subject).toEqual({ reference: 'urn:uuid:patient' });
    expect(ours.subject).toBeUndefined();
  });

  it('a UCUM unit: both bundles write the same coded Quantity and range', () => {
    const { ours, shared } = bothBundles(glucose);
    const quantity = { value: 95, unit: 'mg/dL', system: UCUM, code: 'mg/dL' };
    expect(ours.valueQuantity).toEqual(quantity);
    expect(shared.valueQuantity).toEqual(quantity);
    expect(ours.referenceRange).toEqual(shared.referenceRange);
    expect(ours.referenceRange).toEqual([
      {
        low: { value: 70, unit: 'mg/dL', system: UCUM, code: 'mg/dL' },
        high: { value: 99, unit: 'mg/dL', system: UCUM, code: 'mg/dL' },
        text: '70-99',
      },
    ]);
    expect(ours.code).toEqual({ coding: [{ system: 'http://loinc.org', code: '2345-7' }], text: 'Glucose' });
    expect(ours.effectiveDateTime).toBe('2026-03-02');
  });
});
