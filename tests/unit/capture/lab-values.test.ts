import { describe, expect, it } from 'vitest';
import { parseDate, parseHl7Date } from '../../../lib/reading/dates';
import { parseFlag, parseLabValue, parseReferenceRange, splitFlag } from '../../../lib/reading/lab-values';

describe('parseLabValue', () => {
  it.each([
    ['11.9 K/uL', { value: '11.9', numericValue: 11.9, unit: 'K/uL' }],
    ['>60 mL/min/1.73m2', { value: '>60', numericValue: 60, comparator: '>', unit: 'mL/min/1.73m2' }],
    ['<0.5', { value: '<0.5', numericValue: 0.5, comparator: '<' }],
    ['>= 1,250 mg/dL', { value: '>=1,250', numericValue: 1250, comparator: '>=', unit: 'mg/dL' }],
    ['≤ 5 U/L', { value: '≤5', numericValue: 5, comparator: '<=', unit: 'U/L' }],
    ['7.2 %', { value: '7.2', numericValue: 7.2, unit: '%' }],
    ['4.5 x10E3/uL', { value: '4.5', numericValue: 4.5, unit: 'x10E3/uL' }],
    ['-2.1', { value: '-2.1', numericValue: -2.1 }],
    ['11.9*', { value: '11.9', numericValue: 11.9, footnote: '*' }],
    ['Negative', { value: 'Negative' }],
    ['Reviewed by pathologist', { value: 'Reviewed by pathologist' }],
    ['2-5 /hpf', { value: '2-5 /hpf' }],
  ])('%s', (cell, expected) => expect(parseLabValue(cell)).toEqual(expected));
});

describe('parseReferenceRange', () => {
  it.each([
    ['3.40 - 10.80 K/uL', { referenceRange: '3.40 - 10.80 K/uL', low: 3.4, high: 10.8, unit: 'K/uL' }],
    ['Normal value: 3.40 - 10.80 K/uL', { referenceRange: '3.40 - 10.80 K/uL', low: 3.4, high: 10.8, unit: 'K/uL' }],
    ['65-110 mg/dL', { referenceRange: '65-110 mg/dL', low: 65, high: 110, unit: 'mg/dL' }],
    ['<200', { referenceRange: '<200', high: 200 }],
    ['>=60', { referenceRange: '>=60', low: 60 }],
    ['Negative', { referenceRange: 'Negative' }],
    ['0.5 to 1.5', { referenceRange: '0.5 to 1.5', low: 0.5, high: 1.5 }],
    ['M: 13.5-17.5 F: 12.0-15.5', { referenceRange: 'M: 13.5-17.5 F: 12.0-15.5' }],
  ])('%s', (cell, expected) => expect(parseReferenceRange(cell)).toEqual(expected));
});

describe('flags', () => {
  it.each([
    ['H', 'H'],
    ['L', 'L'],
    ['HH', 'HH'],
    ['LL', 'LL'],
    ['A', 'A'],
    ['High', 'H'],
    ['Low', 'L'],
    ['Abnormal', 'A'],
    ['*HI*', 'H'],
    ['*LOW*', 'L'],
    ['↑', 'H'],
    ['↓', 'L'],
    ['(H)', 'H'],
    ['Critical', 'critical'],
    ['Critical High', 'HH'],
    ['Normal', 'N'],
    ['', undefined],
    ['Final', undefined],
  ])('text %s', (text, flag) => expect(parseFlag(text)).toBe(flag));

  it('reads classes when there is no text', () => {
    expect(parseFlag('', 'flag abnormal')).toBe('A');
    expect(parseFlag('', 'row critical')).toBe('critical');
    expect(parseFlag('High', 'flag abnormal')).toBe('H');
  });

  it('splits markers out of value cells', () => {
    expect(splitFlag('185 mg/dL *HI*')).toEqual({ text: '185 mg/dL', flag: 'H' });
    expect(splitFlag('11.9 K/uL High')).toEqual({ text: '11.9 K/uL', flag: 'H' });
    expect(splitFlag('↓ 3.1 g/dL')).toEqual({ text: '3.1 g/dL', flag: 'L' });
    expect(splitFlag('5.6 (L)')).toEqual({ text: '5.6', flag: 'L' });
    // "L" after a number may be litres: not a flag.
    expect(splitFlag('2.5 L')).toEqual({ text: '2.5 L' });
    expect(splitFlag('High')).toEqual({ text: 'High' });
  });
});

describe('dates', () => {
  it.each([
    ['10/28/2026 8:14 AM', '2026-10-28'],
    ['2026-10-28T08:14:00-05:00', '2026-10-28'],
    ['Oct 28, 2026', '2026-10-28'],
    ['28-Oct-2026', '2026-10-28'],
    ['October 28th 2026', '2026-10-28'],
    ['10-28-26', '2026-10-28'],
    ['02/30/2026', undefined],
  ])('%s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('reads HL7 timestamps', () => {
    expect(parseHl7Date('20261028081400-0500')).toBe('2026-10-28');
    expect(parseHl7Date('2026')).toBeUndefined();
  });
});

describe('flag letters after units', () => {
  it('reads a trailing L after a unit as a flag', () => {
    expect(splitFlag('3.1 mmol/L L')).toEqual({ text: '3.1 mmol/L', flag: 'L' });
  });
});
