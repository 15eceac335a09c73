import { Encodings, FontNames } from '@pdf-lib/standard-fonts';
import { describe, expect, it } from 'vitest';
import { HELVETICA, HELVETICA_BOLD } from '../../../lib/export/pdf/font-metrics-data';
import { winAnsiCode } from '../../../lib/export/pdf/win-ansi';
import { advanceWidths } from '../../tools/pdf-font-metrics';

// The shipped tables are generated once; these checks fail if they drift from Adobe's AFM data.
describe('standard font metrics and WinAnsi encoding', () => {
  it('match the AFM advance widths for every WinAnsi code 32..255', () => {
    expect(HELVETICA).toEqual(advanceWidths(FontNames.Helvetica));
    expect(HELVETICA_BOLD).toEqual(advanceWidths(FontNames.HelveticaBold));
  });

  it('encode exactly the code points WinAnsi defines, to the same codes', () => {
    const supported = new Set(Encodings.WinAnsi.supportedCodePoints);
    for (let cp = 0x20; cp < 0x3000; cp++) {
      const expected = supported.has(cp) ? Encodings.WinAnsi.encodeUnicodeCodePoint(cp).code : undefined;
      expect(winAnsiCode(cp), `U+${cp.toString(16)}`).toBe(expected);
    }
  });
});
