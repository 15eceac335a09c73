import { winAnsiCode } from './pdf/win-ansi';

/**
 * The 14 standard PDF fonts only encode WinAnsi (Windows-1252): they cannot draw anything else, and a
 * patient's story may hold emoji or non-Latin script: map to the nearest Latin text, else '?'.
 */
const isWinAnsi = (code: number) => winAnsiCode(code) !== undefined;

const REPLACEMENTS: Record<string, string> = {
  '\u2264': '<=',
  '\u2265': '>=',
  '\u00b5': 'u',
  '\u03bc': 'u',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2248': '~',
  '\u2260': '!=',
  '\u2022': '\u2022',
  '\u2032': "'",
  '\u2033': '"',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': '',
  // Latin letters that Unicode does not decompose into a base letter plus accent.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŋ: 'N',
  ŋ: 'n',
  Ŧ: 'T',
  ŧ: 't',
  Ŀ: 'L',
  ŀ: 'l',
};

/** One line of PDF-safe text: no control characters, every character encodable in WinAnsi. */
export function winAnsiText(value: string): string {
  let out = '';
  for (const char of value.replace(/[\t\r\n\f\v]+/g, ' ')) {
    const code = char.codePointAt(0)!;
    if (isWinAnsi(code)) {
      out += char;
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    // Accented letters outside Latin-1 (e.g. Polish, Czech) keep their base letter.
    const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (base && Array.from(base).every((c) => isWinAnsi(c.codePointAt(0)!))) out += base;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else out += '?';
  }
  return out;
}
