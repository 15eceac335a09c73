import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { summaryPdf } from '../../../lib/export/summary-pdf';
import { winAnsiText } from '../../../lib/export/pdf-text';
import type { CaseRecord } from '../../../lib/core/model';
import { CASE, RECORDS, packageInput } from '../helpers/synthetic-case';
import { pdfinfo, pdftotext } from '../helpers/poppler';

/** The text poppler reads from the pages; fails the test on any complaint about the file. */
function readText(bytes: Uint8Array): string {
  const run = pdftotext(bytes);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** pdfinfo's fields, after checking it found no syntax error. */
function readInfo(bytes: Uint8Array): Record<string, string> {
  const run = pdfinfo(bytes);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return Object.fromEntries(
    run.stdout.split('\n').map((line) => [line.split(':')[0]!, line.replace(/^[^:]*:\s*/, '')]),
  );
}

/** A case of `count` lab records on many dates, each with its own title. */
function manyRecords(count: number): CaseRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const date = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    return {
      ...RECORDS[0]!,
      id: `lab-${i}`,
      title: `Basic metabolic panel ${i + 1}`,
      contentHash: i.toString(16).padStart(64, '0'),
      clinicalDate: date,
      structured: {
        type: 'lab',
        panel: { name: 'BMP' },
        // Dates repeat every 84 records; so do values, so a repeat is the same result, not two sources differing.
        results: [{ test: 'Sodium', value: String(130 + ((i % 84) % 10)), unit: 'mmol/L', date }],
      },
    };
  });
}

describe('summary.pdf', () => {
  it('has the cover sheet, questions in priority order, named gaps, the lab table and the record index', async () => {
    const input = await packageInput();
    const bytes = await summaryPdf(input);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.4');
    const text = readText(bytes);
    expect(text).toContain('Second opinion: lung nodule');
    expect(text).toContain('prepared 2026-11-25. 7 record(s).');
    expect(text).toContain('I want to know whether surgery is needed now.');
    expect(text).toContain('time-sensitive');
    expect(text.indexOf('1. Do you agree with the diagnosis?')).toBeGreaterThan(0);
    expect(text.indexOf('2. What are the alternatives to lobectomy?')).toBeGreaterThan(text.indexOf('1. Do you agree'));
    expect(text.indexOf('3. How many cases like mine')).toBeGreaterThan(text.indexOf('2. What are the alternatives'));
    expect(text).toContain('Known gaps: Imaging images.');
    expect(text).toMatch(/Imaging images +missing +0 +Request the CT images \(DICOM\) from radiology\./);
    expect(text).toContain('Lab results across dates');
    expect(text).toMatch(/Test +Unit +Range +2026-10-14 +2026-11-03/);
    expect(text).toMatch(/Hemoglobin +g\/dL +12\.0-16\.0 +11\.2 L +10\.1 L/);
    expect(text).toMatch(/Potassium +mmol\/L +6\.9 CRIT/);
    expect(text).toMatch(/#\s+Date\s+Kind\s+Record\s+Portal/);
    // The portal by the name the patient knows, else its host.
    expect(text).toMatch(/0003 +2026-10-20 +Imaging reports +CT chest with contrast +mychart\.example\.org/);
    expect(text).toMatch(/0006 +undated +Medication lists/);
    expect(text.indexOf('Record index')).toBeGreaterThan(text.indexOf('Lab results across dates'));
  });

  it("names each record's portal as the patient knows it", async () => {
    const input = await packageInput();
    const named = input.records.map((r, i) =>
      i === 0 ? { ...r, provenance: { ...r.provenance, portalName: 'MyChart (Example Health)' } } : r,
    );
    const text = readText(await summaryPdf({ ...input, records: named }));
    expect(text).toMatch(/\d{4} +2026-\d\d-\d\d +Lab results +Complete blood count +MyChart \(Example Health\)/);
  });

  it('is a valid PDF with its title, producer and date, and two readers agree on its pages', async () => {
    const input = await packageInput();
    const bytes = await summaryPdf(input);
    const info = readInfo(bytes);
    expect(info.Title).toBe('Second opinion: lung nodule: records for a second opinion');
    expect(info.Producer).toBe('Second Look');
    expect(info.Creator).toBe('Second Look');
    expect(info.CreationDate).toContain('2026');
    expect(info['PDF version']).toBe('1.4');
    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    expect(String(doc.getPageCount())).toBe(info.Pages);
    expect(doc.getProducer()).toBe('Second Look');
    expect(doc.getCreationDate()?.toISOString()).toBe(input.generatedAt.toISOString().replace(/\.\d+Z$/, '.000Z'));
  });

  it('uses Letter by default and A4 when asked', async () => {
    const input = await packageInput();
    const letter = await summaryPdf(input);
    expect(readInfo(letter)['Page size']).toBe('612 x 792 pts (letter)');
    expect((await PDFDocument.load(letter)).getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    const a4 = await summaryPdf({ ...input, pageSize: 'a4' });
    expect(readInfo(a4)['Page size']).toBe('595.28 x 841.89 pts (A4)');
    expect((await PDFDocument.load(a4)).getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });

  it('gives the same bytes for the same input', async () => {
    const input = await packageInput();
    expect(await summaryPdf(input)).toEqual(await summaryPdf(input));
  });

  it('never throws on emoji, non-Latin script, control characters or PDF delimiters', async () => {
    const input = await packageInput();
    const title = 'Мой случай 😟 肺结节 — Łódź “test” (a\\b)\u0007';
    const bytes = await summaryPdf({
      ...input,
      caseData: { ...CASE, title },
      story: { reason: 'Worried 😟😟 about ﬁndings ≥ 5 mm', sections: [{ label: 'שלום', text: 'مرحبا\tworld' }] },
      records: [{ ...RECORDS[0]!, title: '🧪 Blood test' } as CaseRecord],
    });
    const text = readText(bytes);
    expect(text).toContain('Lódz “test” (a\\b)');
    expect(text).toContain('>= 5 mm');
    expect(text).toContain('findings');
    expect(text).toContain('? Blood test');
    expect(text).toContain('????? world');
    // The document title keeps every script: it is written in UTF-16, not WinAnsi.
    expect(readInfo(bytes).Title).toBe(`${title.slice(0, -1)}: records for a second opinion`);
  });

  it('spreads many records and dates over several pages with the header repeated', async () => {
    const input = await packageInput();
    const bytes = await summaryPdf({ ...input, records: manyRecords(120) });
    const pages = readText(bytes)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(3);
    expect(Number(readInfo(bytes).Pages)).toBe(pages.length);
    // The lab table runs in blocks of four dates; each page it spans starts with its header row.
    expect(pages.filter((p) => /^\s*Test +Unit +Range +\d{4}-\d\d-\d\d/.test(p)).length).toBeGreaterThan(0);
  });

  it('paginates a 1,000-record case: the record index over many pages, every record once, header on each page', async () => {
    const input = await packageInput();
    const records = manyRecords(1000);
    const started = performance.now();
    const bytes = await summaryPdf({ ...input, records, completeness: undefined });
    const elapsed = performance.now() - started;
    const pages = readText(bytes)
      .split('\f')
      .filter((p) => p.trim());
    const indexStart = pages.findIndex((p) => p.includes('Record index'));
    const indexPages = pages.slice(indexStart);
    expect(indexPages.length).toBeGreaterThan(15);
    for (const page of indexPages.slice(1)) expect(page).toMatch(/^\s*#\s+Date\s+Kind\s+Record\s+Portal/);
    const rows = indexPages.join('\n').match(/^\s*\d{4} +\d{4}-\d\d-\d\d +Lab results +Basic metabolic panel \d+/gm);
    expect(rows).toHaveLength(1000);
    expect(indexPages.at(-1)).toMatch(/1000 +\d{4}-\d\d-\d\d +Lab results/);
    expect(Number(readInfo(bytes).Pages)).toBe(pages.length);
    // An export must not stall on a large case; measured ~100-200 ms on the 2-core CI machine.
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('winAnsiText', () => {
  it.each([
    ['plain ASCII', 'plain ASCII'],
    ['café – “quoted” €5', 'café – “quoted” €5'],
    ['Łódź', 'Lódz'],
    ['😟', '?'],
    ['肺', '?'],
    ['a\tb\nc', 'a b c'],
    ['10 µg ≤ 20 μm', '10 µg <= 20 um'],
    ['bell\u0007', 'bell'],
  ])('%j -> %j', (input, expected) => expect(winAnsiText(input)).toBe(expected));
});
