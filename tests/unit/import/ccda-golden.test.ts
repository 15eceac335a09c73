import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCcda } from '../../../lib/import/ccda';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';
import { updateGolden } from '../helpers/golden';

/**
 * Golden output for every third-party C-CDA sample (read in place): records, lab rows with LOINC,
 * values, units, ranges and notes, narrative text. The XML parser was swapped (xmldom for the
 * platform's DOMParser); these files were checked identical to xmldom's output when they were written.
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/import/ccda-golden.test.ts` rewrites them and fails, printing the
 * diff to review (tests/unit/helpers/golden.ts).
 */
const CCDA = `${THIRD_PARTY}/ccda`;
const GOLDEN = join(import.meta.dirname, '../../fixtures/ccda');
const samples = readdirSync(CCDA).filter((f) => f.endsWith('.xml'));

const labRows = (doc: ReturnType<typeof parseCcda>, kind = 'lab') =>
  doc.records.flatMap((r) => (r.kind === kind && r.structured?.type === 'lab' ? r.structured.results : []));

describe('C-CDA golden output', () => {
  it('covers all twelve third-party samples', () => expect(samples).toHaveLength(12));

  it.each(samples)('%s', (name) => {
    const actual = parseCcda(readFileSync(join(CCDA, name), 'utf8'), parseXmlDocument);
    const expectedPath = join(GOLDEN, name.replace(/\.xml$/, '.expected.json'));
    updateGolden(expectedPath, actual);
    if (!existsSync(expectedPath))
      throw new Error(`${expectedPath} is missing: run with UPDATE_GOLDEN=1 and review it`);
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as typeof actual;
    // The fields a doctor reads first, so a failure names them before the whole-document diff.
    expect(labRows(actual).map((r) => [r.loinc, r.value, r.unit, r.notes])).toEqual(
      labRows(expected).map((r) => [r.loinc, r.value, r.unit, r.notes]),
    );
    expect(actual).toEqual(expected);
  });

  it('reads the coded lab results of the samples that have them', () => {
    const rows = samples.flatMap((name) =>
      labRows(parseCcda(readFileSync(join(CCDA, name), 'utf8'), parseXmlDocument)),
    );
    expect(rows).toHaveLength(36);
    expect(rows.filter((r) => r.loinc).length).toBeGreaterThan(30);
    expect(rows.find((r) => r.loinc === '2947-0')).toMatchObject({ value: '140', unit: 'mmol/L' });
  });

  it('reads vital signs as their own kind, apart from the lab results', () => {
    // HL7 CCD sample, Vital Signs section: organizer of 1999-11-14, Height 177 cm and weight 86 kg.
    const vitals = labRows(
      parseCcda(readFileSync(join(CCDA, 'sample_ccdas_HL7_Samples_CCD.sample.xml'), 'utf8'), parseXmlDocument),
      'vital-signs',
    );
    expect(vitals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loinc: '8302-2', value: '177', unit: 'cm', date: '1999-11-14' }),
        expect.objectContaining({ loinc: '3141-9', value: '86', unit: 'kg', date: '1999-11-14' }),
      ]),
    );
  });
});
