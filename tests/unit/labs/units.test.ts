import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { conversionFactor, labUnit, type AnalyteChemistry } from '../../../lib/labs';

// @lhncbc/ucum-lhc (NLM's UCUM library) is the reference here only: shipping it would add ~274 KB.
const require = createRequire(import.meta.url);
const { UcumLhcUtils } = require('@lhncbc/ucum-lhc') as {
  UcumLhcUtils: {
    getInstance(): {
      convertUnitTo(
        from: string,
        value: number,
        to: string,
        options?: { molecularWeight?: number; charge?: number },
      ): { status: string; toVal: number | null };
    };
  };
};
const ucum = UcumLhcUtils.getInstance();

function factor(from: string, to: string, chemistry?: AnalyteChemistry): number | undefined {
  const a = labUnit(from);
  const b = labUnit(to);
  return a && b ? conversionFactor(a, b, chemistry) : undefined;
}

const GLUCOSE = { molarMass: 180.16 };
const CREATININE = { molarMass: 113.12 };
const CHOLESTEROL = { molarMass: 386.65 };
const CALCIUM = { molarMass: 40.078, charge: 2 };
const POTASSIUM = { molarMass: 39.098, charge: 1 };

// Printed unit, target, analyte, and the value 1 unit becomes: worked out by hand.
const BY_HAND: [string, string, AnalyteChemistry | undefined, number][] = [
  ['mg/dL', 'mmol/L', GLUCOSE, 10 / 180.16], // 1 mg/dL = 10 mg/L = 10/180.16 mmol/L
  ['mmol/L', 'mg/dL', GLUCOSE, 18.016],
  ['mg/dL', 'umol/L', CREATININE, 10_000 / 113.12], // 88.4
  ['mg/dL', 'mmol/L', CHOLESTEROL, 10 / 386.65], // 0.02586
  ['g/L', 'g/dL', undefined, 0.1],
  ['mg/L', 'mg/dL', undefined, 0.1],
  ['ng/mL', 'ug/L', undefined, 1],
  ['K/uL', 'x10^9/L', undefined, 1],
  ['x10^6/uL', '10^12/L', undefined, 1],
  ['mEq/L', 'mmol/L', POTASSIUM, 1],
  ['mEq/L', 'mmol/L', CALCIUM, 0.5],
  ['mg/dL', 'mmol/L', CALCIUM, 10 / 40.078],
  ['mIU/L', 'uIU/mL', undefined, 1],
];

describe('lab unit conversion', () => {
  it.each(BY_HAND)('1 %s = the hand-worked factor in %s', (from, to, chemistry, expected) => {
    expect(factor(from, to, chemistry)).toBeCloseTo(expected, 10);
  });

  // Every conversion above that UCUM defines, checked against NLM's library. Arbitrary units
  // ([IU]) are left out: ucum-lhc refuses every conversion of them, even mIU/L to uIU/mL.
  it.each(BY_HAND.filter(([from]) => !/iu/i.test(from)))('agrees with @lhncbc/ucum-lhc: %s -> %s', (from, to, c) => {
    const result = ucum.convertUnitTo(labUnit(from)!.ucum, 1, labUnit(to)!.ucum, {
      molecularWeight: c?.molarMass,
      charge: c?.charge,
    });
    expect(result.status).toBe('succeeded');
    expect(factor(from, to, c)).toBeCloseTo(result.toVal!, 9);
  });

  it('refuses what is not one measure: % and mmol/mol, mass without a molar mass, counts and mass, IU and U', () => {
    // UCUM itself would turn 7 % into 70 mmol/mol: for HbA1c that is wrong (7 % NGSP is 53 mmol/mol IFCC).
    expect(ucum.convertUnitTo('%', 7, 'mmol/mol').toVal).toBe(70);
    expect(factor('%', 'mmol/mol')).toBeUndefined();
    expect(factor('mg/dL', 'mmol/L')).toBeUndefined();
    expect(factor('mg/dL', 'mmol/L', {})).toBeUndefined();
    expect(factor('K/uL', 'g/dL')).toBeUndefined();
    expect(factor('IU/L', 'U/L')).toBeUndefined();
    expect(factor('mEq/L', 'mmol/L', GLUCOSE)).toBeUndefined();
    expect(factor('mg', 'mg/dL')).toBeUndefined();
    expect(labUnit('Negative')).toBeUndefined();
    expect(labUnit('mL/min/1.73m2')).toBeUndefined();
  });
});
