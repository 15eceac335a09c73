import { describe, expect, it } from 'vitest';
import { labTrends, normalizeTestName, sparklinePoints } from '../../lib/labs/lab-trends';
import { labRecord } from './fixtures/records';

describe('labTrends', () => {
  it('merges the same test across records and portals by name and unit, oldest first', () => {
    const trends = labTrends([
      labRecord(
        'b',
        '2026-10-01',
        [{ test: 'HEMOGLOBIN', value: '11.2', numericValue: 11.2, unit: 'g/dL', low: 12, high: 16 }],
        'healthelife',
      ),
      labRecord('a', '2026-09-01', [
        { test: 'Hemoglobin', value: '12.5', numericValue: 12.5, unit: 'g/dl', low: 12, high: 16, flag: 'N' },
      ]),
    ]);
    expect(trends).toHaveLength(1);
    expect(trends[0]).toMatchObject({ test: 'HEMOGLOBIN', unit: 'g/dL', otherUnits: false });
    expect(trends[0]!.points.map((p) => [p.date, p.value, p.outOfRange, p.portal])).toEqual([
      ['2026-09-01', '12.5', false, 'mychart'],
      ['2026-10-01', '11.2', true, 'healthelife'],
    ]);
  });

  it('lines up mg/dL and mmol/L of one analyte, converting the value and keeping what the lab printed', () => {
    const trends = labTrends([
      labRecord('a', '2026-09-01', [{ test: 'Glucose', value: '5.5', numericValue: 5.5, unit: 'mmol/L' }]),
      labRecord('b', '2026-10-01', [{ test: 'Glucose, Random', value: '99', numericValue: 99, unit: 'mg/dL' }]),
      labRecord('c', '2026-11-01', [{ test: 'GLU', value: '6.1', numericValue: 6.1, unit: 'mmol/L' }]),
    ]);
    expect(trends).toHaveLength(1);
    // Two of three were printed in mmol/L, so the trend is in mmol/L; 99 mg/dL / 18.016 = 5.495.
    expect(trends[0]).toMatchObject({ unit: 'mmol/L', otherUnits: false });
    expect(trends[0]!.points.map((p) => [p.value, p.numericValue, p.original])).toEqual([
      ['5.5', 5.5, undefined],
      ['5.5', 5.5, { value: '99', unit: 'mg/dL' }],
      ['6.1', 6.1, undefined],
    ]);
  });

  it('never converts % to mmol/mol (HbA1c NGSP and IFCC are different scales), and marks both rows', () => {
    const trends = labTrends([
      labRecord('a', '2026-09-01', [{ test: 'Hemoglobin A1c', value: '7.2', numericValue: 7.2, unit: '%' }]),
      labRecord('b', '2026-10-01', [{ test: 'HbA1c', value: '55', numericValue: 55, unit: 'mmol/mol' }]),
    ]);
    expect(trends.map((t) => [t.unit, t.otherUnits, t.points.length])).toEqual([
      ['%', true, 1],
      ['mmol/mol', true, 1],
    ]);
  });

  it('merges by LOINC across different names, and lets same-named rows without LOINC join', () => {
    const trends = labTrends([
      labRecord('a', '2026-09-01', [{ test: 'WBC', value: '4.0', unit: '10*3/uL', loinc: '6690-2' }]),
      labRecord('b', '2026-10-01', [
        { test: 'White blood cells', value: '3.1', unit: '10*3/uL', loinc: '6690-2', flag: 'L' },
      ]),
      labRecord('c', '2026-11-01', [{ test: 'wbc', value: '3.5', unit: '10*3/uL' }]),
      labRecord('d', '2026-11-02', [{ test: 'junk', value: 'x', unparsed: true }]),
    ]);
    expect(trends).toHaveLength(1);
    expect(trends[0]!.points.map((p) => [p.value, p.outOfRange])).toEqual([
      ['4.0', false],
      ['3.1', true],
      ['3.5', false],
    ]);
  });

  it('ignores records that are not lab panels and normalises names', () => {
    expect(labTrends([])).toEqual([]);
    expect(normalizeTestName('  Hemoglobin A1c (HbA1c):  ')).toBe('hemoglobin a1c hba1c');
  });
});

describe('sparklinePoints', () => {
  it('fits values into the box, highest at the top', () => {
    expect(sparklinePoints([1, 3, 2], 100, 20, 0)).toEqual([
      { x: 0, y: 20 },
      { x: 50, y: 0 },
      { x: 100, y: 10 },
    ]);
    expect(sparklinePoints([5, 5], 10, 10, 0)).toEqual([
      { x: 0, y: 5 },
      { x: 10, y: 5 },
    ]);
    expect(sparklinePoints([], 10, 10)).toEqual([]);
  });
});
