/** `closingQuote` found no end in this chunk, and its last character is a backslash that escapes the next one. */
export const ESCAPE_AT_END = -2;

/**
 * Where the JSON string being read (its opening quote already passed) ends in `s`, from `from` on: the index
 * of the first quote no backslash escapes. -1 when the chunk ends inside the string, or `ESCAPE_AT_END` when
 * it also ends on an escaping backslash (the next chunk's first character is escaped). Jumps from quote to
 * quote with `indexOf` rather than reading every character.
 */
export function closingQuote(s: string, from: number): number {
  const n = s.length;
  for (let q = s.indexOf('"', from); ; q = s.indexOf('"', q + 1)) {
    const end = q === -1 ? n : q;
    let k = end - 1;
    while (k >= from && s.charCodeAt(k) === 92) k--;
    const escapedByOdd = (end - 1 - k) % 2 === 1;
    if (q === -1) return escapedByOdd ? ESCAPE_AT_END : -1;
    if (!escapedByOdd) return q;
  }
}
