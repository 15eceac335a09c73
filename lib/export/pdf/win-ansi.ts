/**
 * WinAnsiEncoding (PDF 1.7 Annex D), the encoding the standard-14 fonts are referenced with: Latin-1 for
 * 0x20-0x7E and 0xA0-0xFF, plus 27 typographic characters in 0x80-0x9F.
 */
const REMAPPED = new Map<number, number>([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

/** The WinAnsi code of a Unicode code point, or undefined when the encoding has no such character. */
export function winAnsiCode(codePoint: number): number | undefined {
  if ((codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff)) return codePoint;
  return REMAPPED.get(codePoint);
}

const QUESTION_MARK = 0x3f;

/** Text as WinAnsi codes; callers transliterate first (pdf-text.ts), so '?' is only a last resort. */
export function winAnsiCodes(text: string): number[] {
  return Array.from(text, (char) => winAnsiCode(char.codePointAt(0)!) ?? QUESTION_MARK);
}
