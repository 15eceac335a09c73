import { PDFDocument, PageSizes } from 'pdf-lib';
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { summaryPdf } from '../../../lib/export/summary-pdf';
import { winAnsiText } from '../../../lib/export/pdf-text';
import type { CaseRecord } from '../../../lib/model';
import { CASE, RECORDS, packageInput } from '../helpers/synthetic-case';

/** The text drawn on the pages, from the (Flate) content streams: standard fonts write it as hex strings. */
async function pageText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  let out = '';
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents && 'asArray' in contents ? contents.asArray() : [contents];
    for (const ref of streams) {
      const stream = doc.context.lookup(ref as never) as { getContents(): Uint8Array } | undefined;
      if (!stream) continue;
      let data = stream.getContents();
      try {
        data = unzlibSync(data);
      } catch {
        // not compressed
      }
      const raw = new TextDecoder('latin1').decode(data);
      for (const [, hex] of raw.matchAll(/<([0-9A-Fa-f]*)> Tj/g))
        out += hex!.replace(/../g, (h) => String.fromCharCode(parseInt(h, 16))) + '\n';
    }
  }
  return out;
}

describe('summary.pdf', () => {
  it('has the cover sheet, questions in priority order, named gaps, the lab table and the record index', async () => {
    const input = await packageInput();
    const bytes = await summaryPdf(input);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = await pageText(bytes);
    expect(text).toContain('Second opinion: lung nodule');
    expect(text).toContain('I want to know whether surgery is needed now.');
    expect(text).toContain('time-sensitive');
    expect(text.indexOf('1. Do you agree with the diagnosis?')).toBeGreaterThan(0);
    expect(text.indexOf('2. What are the alternatives to lobectomy?')).toBeGreaterThan(text.indexOf('1. Do you agree'));
    expect(text).toContain('Known gaps: Imaging images.');
    expect(text).toContain('Request the CT images (DICOM) from radiology.');
    expect(text).toContain('Lab results across dates');
    expect(text).toMatch(/2026-10-14[\s\S]*2026-11-03/);
    expect(text).toContain('11.2 L');
    expect(text).toContain('6.9 CRIT');
    expect(text).toContain('Record index');
    expect(text).toContain('CT chest with contrast');
  });

  it('uses Letter by default and A4 when asked', async () => {
    const input = await packageInput();
    const letter = await PDFDocument.load(await summaryPdf(input));
    expect(letter.getPage(0).getSize()).toEqual({ width: PageSizes.Letter[0], height: PageSizes.Letter[1] });
    const a4 = await PDFDocument.load(await summaryPdf({ ...input, pageSize: 'a4' }));
    expect(a4.getPage(0).getSize()).toEqual({ width: PageSizes.A4[0], height: PageSizes.A4[1] });
  });

  it('never throws on emoji, non-Latin script or control characters', async () => {
    const input = await packageInput();
    const title = 'Мой случай 😟 肺结节 — Łódź “test”\u0007';
    const bytes = await summaryPdf({
      ...input,
      caseData: { ...CASE, title },
      story: { reason: 'Worried 😟😟 about ﬁndings ≥ 5 mm', sections: [{ label: 'שלום', text: 'مرحبا\tworld' }] },
      records: [{ ...RECORDS[0]!, title: '🧪 Blood test' } as CaseRecord],
    });
    const text = await pageText(bytes);
    expect(text).toContain('Lódz');
    expect(text).toContain('>= 5 mm');
    expect(text).toContain('findings');
  });

  it('spreads many records and dates over several pages with the header repeated', async () => {
    const input = await packageInput();
    const many: CaseRecord[] = Array.from({ length: 120 }, (_, i) => ({
      ...RECORDS[0]!,
      id: `lab-${i}`,
      contentHash: i.toString(16).padStart(64, '0'),
      clinicalDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      structured: {
        type: 'lab',
        panel: { name: 'BMP' },
        results: [
          {
            test: 'Sodium',
            value: String(130 + (i % 10)),
            unit: 'mmol/L',
            date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          },
        ],
      },
    }));
    const doc = await PDFDocument.load(await summaryPdf({ ...input, records: many }));
    expect(doc.getPageCount()).toBeGreaterThan(3);
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
