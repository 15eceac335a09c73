import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../tools/extract';
import { THIRD_PARTY } from '../../harness/shared';

const ROOT = join(import.meta.dirname, '../../..');
const CCDA = `${THIRD_PARTY}/ccda/hl7_BMP_with_Troponin.xml`;

describe('npm run extract', () => {
  it('extracts a demo page and a C-CDA file into one JSON document', async () => {
    const output = await main([
      join(ROOT, 'tests/demo-portal/mychart/test-results/cbc.html'),
      CCDA,
      '--url',
      'https://portal.example.org/MyChart/app/test-results',
    ]);
    expect(output.errors).toBeUndefined();
    const [cbc, ...ccda] = output.records;
    expect(cbc).toMatchObject({
      source: 'epic-mychart',
      kind: 'lab',
      title: 'CBC with Differential',
      clinicalDate: '2026-10-28',
    });
    expect(cbc?.results?.[0]).toEqual({
      test: 'WBC',
      value: '11.9',
      unit: 'K/uL',
      referenceRange: '3.40 - 10.80 K/uL',
      flag: 'H',
      date: '2026-10-28',
    });
    expect(ccda.map((r) => r.title)).toContain('Basic Metabolic Panel');
    expect(ccda[0]?.results?.[0]).toMatchObject({
      test: 'Na',
      value: '140',
      unit: 'mmol/L',
      flag: 'N',
      date: '2012-10-02',
    });
    expect(() => JSON.stringify(output)).not.toThrow();
  });

  it('reads pages in other encodings (meta charset, BOM)', async () => {
    const page = `<html><head><meta charset="windows-1252"><title>Results</title></head><body><main><h1>R\u00e9sultats de Zo\u00eb</h1>
      <table><thead><tr><th>Test</th><th>Value</th><th>Range</th><th>Flag</th></tr></thead>
      <tbody><tr><td>Prot\u00e9ine C</td><td>12 mg/L</td><td>&lt;5 mg/L</td><td>H</td></tr></tbody></table></main></body></html>`;
    const latin1 = Uint8Array.from(page, (c) => c.charCodeAt(0));
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page.replace('windows-1252', 'utf-8'))]);
    for (const bytes of [latin1, bom]) {
      const output = await main(['page.html'], () => bytes);
      expect(output.records[0]?.title).toBe('R\u00e9sultats de Zo\u00eb');
      expect(output.records[0]?.results?.[0]).toMatchObject({ test: 'Prot\u00e9ine C', value: '12', flag: 'H' });
    }
  });

  it('reads XDM zips and reports unreadable files without stopping', async () => {
    const metadata =
      '<SubmitObjectsRequest><Slot name="URI"><ValueList><Value>DOC0001.XML</Value></ValueList></Slot></SubmitObjectsRequest>';
    const zip = zipSync({
      'IHE_XDM/SUBSET01/METADATA.XML': strToU8(metadata),
      'IHE_XDM/SUBSET01/DOC0001.XML': readFileSync(CCDA.replace('hl7_BMP_with_Troponin', 'hl7_Progress_Note')),
    });
    const files: Record<string, Uint8Array> = { 'record.zip': zip, 'bad.xml': strToU8('<!DOCTYPE x><x/>') };
    const output = await main(['record.zip', 'bad.xml'], (p) => files[p]!);
    expect(output.records.every((r) => r.source === 'xdm')).toBe(true);
    expect(output.records.length).toBeGreaterThan(0);
    expect(output.errors).toEqual([{ file: 'bad.xml', error: expect.stringMatching(/DOCTYPE/) }]);
  });

  it('lists every section of each C-CDA document with what became of it', async () => {
    const output = await main([`${THIRD_PARTY}/ccda/sample_ccdas_HL7_Samples_CCD.sample.xml`]);
    const [doc] = output.documents ?? [];
    expect(doc?.title).toBe('Good Health Health Summary');
    expect(doc?.sections).toHaveLength(14);
    expect(doc?.sections.find((s) => s.code === '48765-2')).toMatchObject({ outcome: 'structured', kind: 'allergy' });
    expect(doc?.sections.find((s) => s.title === 'Insurance Providers')).toMatchObject({ outcome: 'verbatim' });
    expect(output.records.find((r) => r.kind === 'allergy')?.structured).toMatchObject({ type: 'allergies' });
  });

  it('reads VA.gov JSON and names XDM documents the zip lacks, keeping the rest', async () => {
    const metadata =
      '<SubmitObjectsRequest><Slot name="URI"><ValueList><Value>DOC0001.XML</Value><Value>DOC0002.XML</Value></ValueList></Slot></SubmitObjectsRequest>';
    const zip = zipSync({
      'IHE_XDM/SUBSET01/METADATA.XML': strToU8(metadata),
      'IHE_XDM/SUBSET01/DOC0001.XML': readFileSync(`${THIRD_PARTY}/ccda/hl7_Progress_Note.xml`),
    });
    const files: Record<string, Uint8Array> = {
      'record.zip': zip,
      'chemHem.json': readFileSync(`${THIRD_PARTY}/va/vets-website_chemHem.json`),
    };
    const output = await main(['record.zip', 'chemHem.json'], (p) => files[p]!);
    expect(output.records.filter((r) => r.source === 'xdm').length).toBeGreaterThan(0);
    expect(output.records.find((r) => r.source === 'va-mhv')?.results?.map((r) => [r.test, r.value, r.unit])).toEqual([
      ['POTASSIUM', '3.5', 'mEq/L'],
      ['SODIUM:SCNC:PT:SER/PLAS:QN:', '138', 'mEq/L'],
    ]);
    expect(output.errors).toEqual([
      { file: 'record.zip!IHE_XDM/SUBSET01/DOC0002.XML', error: 'listed in METADATA.XML but not in the zip' },
    ]);
  });
});
