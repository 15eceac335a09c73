import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../lib/import/saved-page';

/** A synthetic patient's name with the letters a wrong decoding mangles. */
const PAGE =
  '<!DOCTYPE html><html><head><title>Resultados</title></head><body><p>Paciente: José Ñúñez, 2026</p></body></html>';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

/** windows-1252 for the Latin-1 range these pages use: one byte per character. */
const singleByte = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('saved pages are decoded as a browser decodes them', () => {
  it('reads UTF-16 pages by their byte order mark, little- and big-endian', () => {
    expect(decodePage(utf16(PAGE, true))).toBe(PAGE);
    expect(decodePage(utf16(PAGE, false))).toBe(PAGE);
  });

  it('lets a UTF-8 byte order mark override a declared charset, and drops the mark', () => {
    const page = PAGE.replace('<head>', '<head><meta charset="windows-1252">');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page)]);
    expect(decodePage(bytes)).toBe(page);
  });

  it('reads a page in the charset it declares, in <meta> or in the XML declaration', () => {
    const meta = PAGE.replace(
      '<head>',
      '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    );
    expect(decodePage(singleByte(meta))).toBe(meta);
    const xhtml = `<?xml version="1.0" encoding="ISO-8859-1"?>${PAGE}`;
    expect(decodePage(singleByte(xhtml))).toBe(xhtml);
  });

  it('falls back to UTF-8 with no declaration or an unknown one', () => {
    expect(decodePage(new TextEncoder().encode(PAGE))).toBe(PAGE);
    const unknown = PAGE.replace('<head>', '<head><meta charset="x-no-such-charset">');
    expect(decodePage(new TextEncoder().encode(unknown))).toBe(unknown);
  });
});
