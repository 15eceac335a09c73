/** PDF object syntax (ISO 32000-1, 7.3) for the few value types summary.pdf writes. */

/** A number as PDF wants it: no exponent, at most three decimals (1/3000 pt is far below print resolution). */
export function pdfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a PDF number: ${value}`);
  const fixed = value.toFixed(3).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/**
 * A literal string of byte values (0-255). ( ) \ are escaped, and every byte outside printable ASCII is
 * written as an octal escape, so the file's text stays 7-bit and survives any line-ending conversion.
 */
export function pdfLiteral(bytes: readonly number[]): string {
  let out = '(';
  for (const byte of bytes) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${(byte & 0xff).toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

/**
 * A text string for the document information dictionary: literal when plain ASCII, otherwise UTF-16BE with
 * a byte-order mark, so a title in any script shows intact in the reader's document properties. Control
 * characters are dropped: readers show them as boxes or pass them to the terminal (pdfinfo).
 */
export function pdfTextString(text: string): string {
  const value = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  const codes = Array.from(value, (c) => c.codePointAt(0)!);
  if (codes.every((c) => c >= 0x20 && c <= 0x7e)) return pdfLiteral(codes);
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A date string (7.9.4) in UTC: (D:YYYYMMDDHHmmSSZ). */
export function pdfDate(date: Date): string {
  const digits = date
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/\D/g, '');
  return `(D:${digits}Z)`;
}
