import { HELVETICA, HELVETICA_BOLD } from './font-metrics-data';
import { winAnsiCodes } from './win-ansi';

/**
 * The standard-14 fonts summary.pdf uses. Every PDF reader has them, so they are referenced by name, not
 * embedded: that keeps the file and the extension small, at the cost of WinAnsi-only text.
 */
export type StandardFont = 'Helvetica' | 'Helvetica-Bold';

export const STANDARD_FONTS: readonly StandardFont[] = ['Helvetica', 'Helvetica-Bold'];

const FIRST_CODE = 32;
const WIDTHS: Record<StandardFont, readonly number[]> = { Helvetica: HELVETICA, 'Helvetica-Bold': HELVETICA_BOLD };

/**
 * Advance width of `text` in points, as a reader draws it with Tj: the sum of the glyph widths, without
 * kerning (Tj does not kern).
 */
export function textWidth(font: StandardFont, text: string, size: number): number {
  const widths = WIDTHS[font];
  let units = 0;
  for (const code of winAnsiCodes(text)) units += widths[code - FIRST_CODE] ?? 0;
  return (units * size) / 1000;
}
