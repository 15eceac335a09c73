import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateZlib } from '../../../lib/zip/deflate';
import { A4, LETTER, PdfDocument } from '../../../lib/export/pdf/document';
import { serializePdf } from '../../../lib/export/pdf/file';
import { pdfDate, pdfLiteral, pdfNumber, pdfTextString } from '../../../lib/export/pdf/syntax';
import { winAnsiCodes } from '../../../lib/export/pdf/win-ansi';
import { pdfinfo, pdftotext } from '../helpers/poppler';

/** One character per byte (TextDecoder's 'latin1' is windows-1252, which remaps 0x80-0x9F). */
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
const INFO = { title: 'Writer test', creator: 'Second Look', producer: 'Second Look', created: new Date(0) };

/** Every cross-reference entry, parsed from the file's own xref table. */
function xrefEntries(file: string): { size: number; offsets: number[]; startxref: number } {
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)![1]);
  const [, first, count, body] = /^xref\n(\d+) (\d+)\n([\s\S]*?)trailer/.exec(file.slice(startxref))!;
  expect(first).toBe('0');
  const entries = body!.match(/.{20}/gs)!;
  expect(entries).toHaveLength(Number(count));
  expect(entries[0]).toBe('0000000000 65535 f \n');
  for (const entry of entries.slice(1)) expect(entry).toMatch(/^\d{10} 00000 n \n$/);
  const size = Number(/\/Size (\d+)/.exec(file.slice(startxref))![1]);
  return { size, offsets: entries.slice(1).map((e) => Number(e.slice(0, 10))), startxref };
}

describe('PDF syntax', () => {
  it('escapes the string delimiters and the backslash, and writes other bytes outside ASCII in octal', () => {
    expect(pdfLiteral(winAnsiCodes('a (b) c\\d'))).toBe('(a \\(b\\) c\\\\d)');
    expect(pdfLiteral(winAnsiCodes('café €5 “q”'))).toBe('(caf\\351 \\2005 \\223q\\224)');
    expect(pdfLiteral([0, 9, 10, 13, 127])).toBe('(\\000\\011\\012\\015\\177)');
    expect(pdfLiteral([])).toBe('()');
  });

  it('turns characters WinAnsi lacks into ? rather than failing', () => {
    expect(winAnsiCodes('a😟肺')).toEqual([0x61, 0x3f, 0x3f]);
  });

  it('writes numbers without exponents or needless decimals', () => {
    expect([0, 612, 595.28, 841.89, 0.3, -0, 1e-7, 1e21 / 1e15, 10.0004, -2.5].map(pdfNumber)).toEqual([
      '0',
      '612',
      '595.28',
      '841.89',
      '0.3',
      '0',
      '0',
      '1000000',
      '10',
      '-2.5',
    ]);
    expect(() => pdfNumber(Number.NaN)).toThrow(RangeError);
  });

  it('writes dates in UTC and document-information text as ASCII or UTF-16 with a byte-order mark', () => {
    expect(pdfDate(new Date('2026-11-25T09:05:07.123Z'))).toBe('(D:20261125090507Z)');
    expect(pdfTextString('Plain (title)')).toBe('(Plain \\(title\\))');
    expect(pdfTextString('é😟')).toBe('<FEFF00E9D83DDE1F>');
    expect(pdfTextString('bell\u0007')).toBe('(bell)');
  });
});

describe('PDF file serializer', () => {
  it('points every xref entry at its "N 0 obj" and startxref at the table', () => {
    const stream = new Uint8Array([0x28, 0x29, 0x0a, 0xff, 0x00]);
    const bytes = serializePdf(
      [
        { value: '<< /Type /Catalog /Pages 2 0 R >>' },
        { value: '<< /Type /Pages /Kids [] /Count 0 >>' },
        { value: `<< /Length ${stream.length} >>`, stream },
        { value: '<< /Producer (x) >>' },
      ],
      { root: 1, info: 4 },
    );
    const file = latin1(bytes);
    expect(file.startsWith('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n')).toBe(true);
    const { size, offsets, startxref } = xrefEntries(file);
    expect(size).toBe(5);
    expect(offsets).toHaveLength(4);
    offsets.forEach((offset, i) => expect(file.startsWith(`${i + 1} 0 obj\n`, offset)).toBe(true));
    expect(file.slice(startxref, startxref + 5)).toBe('xref\n');
    // The stream keeps its binary bytes exactly, between the keywords.
    const at = file.indexOf('stream\n') + 'stream\n'.length;
    expect(bytes.subarray(at, at + stream.length)).toEqual(stream);
    expect(file.slice(at + stream.length, at + stream.length + 11)).toBe('\nendstream\n');
    expect(file).toContain('/Root 1 0 R /Info 4 0 R');
  });
});

describe('PdfDocument', () => {
  async function sample(deflate?: typeof deflateZlib): Promise<Uint8Array> {
    const doc = new PdfDocument();
    const first = doc.addPage(LETTER);
    first.text('Delimiters (a) \\ b and café €5 “quoted”', 50, 700, 'Helvetica', 12, [0, 0, 0]);
    first.text('Bold heading', 50, 720, 'Helvetica-Bold', 14, [0.54, 0.11, 0.11]);
    first.line(50, 690, 562, 690, 0.3, [0.35, 0.35, 0.35]);
    first.rect(50, 600, 100, 20, [0.9, 0.9, 0.9]);
    doc.addPage(A4).text('Second page', 50, 780, 'Helvetica', 10, [0, 0, 0]);
    return doc.save(INFO, deflate);
  }

  it('writes text that poppler reads back exactly, on pages of the asked sizes, without complaint', async () => {
    const bytes = await sample(deflateZlib);
    const text = pdftotext(bytes);
    expect(text.stderr).toBe('');
    const [first, second] = text.stdout.split('\f');
    expect(first).toContain('Bold heading');
    expect(first).toContain('Delimiters (a) \\ b and café €5 “quoted”');
    expect(second).toContain('Second page');
    const info = pdfinfo(bytes);
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/Pages:\s+2\n/);
    expect(info.stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('deflates each content stream to zlib data that inflates to the drawing operators', async () => {
    const file = latin1(await sample(deflateZlib));
    const streams = [...file.matchAll(/<< \/Length (\d+) \/Filter \/FlateDecode >>\nstream\n/g)];
    expect(streams).toHaveLength(2);
    const operators = streams.map((m) => {
      const at = m.index + m[0].length;
      const data = Uint8Array.from(file.slice(at, at + Number(m[1])), (c) => c.charCodeAt(0));
      return new TextDecoder().decode(unzlibSync(data));
    });
    expect(operators[0]).toContain('BT /F2 14 Tf 0.54 0.11 0.11 rg 50 720 Td (Bold heading) Tj ET');
    expect(operators[0]).toContain('(Delimiters \\(a\\) \\\\ b and caf\\351 \\2005 \\223quoted\\224) Tj');
    expect(operators[0]).toContain('q 0.35 0.35 0.35 RG 0.3 w 50 690 m 562 690 l S Q');
    expect(operators[0]).toContain('q 0.9 0.9 0.9 rg 50 600 100 20 re f Q');
    expect(operators[1]).toContain('(Second page) Tj');
  });

  it('keeps its xref right for real documents, compressed or not', async () => {
    for (const bytes of [await sample(), await sample(deflateZlib)]) {
      const file = latin1(bytes);
      const { size, offsets } = xrefEntries(file);
      expect(offsets).toHaveLength(size - 1);
      offsets.forEach((offset, i) => expect(file.startsWith(`${i + 1} 0 obj\n`, offset)).toBe(true));
      // Each /Length is the exact byte count up to endstream.
      for (const m of file.matchAll(/\/Length (\d+)[^>]*>>\nstream\n/g))
        expect(file.startsWith('\nendstream', m.index + m[0].length + Number(m[1]))).toBe(true);
      expect(file).toMatch(/\/BaseFont \/Helvetica \/Encoding \/WinAnsiEncoding/);
      expect(file).toMatch(/\/BaseFont \/Helvetica-Bold \/Encoding \/WinAnsiEncoding/);
      expect(file).not.toContain('/FontFile');
    }
  });
});
