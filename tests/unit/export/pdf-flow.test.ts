import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../lib/export/pdf/fonts';
import { PdfFlow } from '../../../lib/export/pdf-flow';

describe('textWidth', () => {
  it('sums the AFM advance widths of the characters at the font size', () => {
    // Helvetica H 722, e 556, l 222, o 556; Helvetica-Bold H 722, e 556, l 278, o 611.
    expect(textWidth('Helvetica', 'Hello', 10)).toBeCloseTo(22.78, 10);
    expect(textWidth('Helvetica-Bold', 'Hello', 10)).toBeCloseTo(24.45, 10);
    expect(textWidth('Helvetica', '', 10)).toBe(0);
    // WinAnsi's typographic characters: en dash 556, euro 556.
    expect(textWidth('Helvetica', '–€', 1)).toBeCloseTo(1.112, 10);
  });
});

describe('PdfFlow.wrap', () => {
  // Helvetica 'x' is 500/1000 em: 128 of them at 8 pt are exactly 512 pt, Letter's width inside the margins.
  const flow = new PdfFlow('letter');
  const SIZE = 8;
  const fits = (line: string) => textWidth('Helvetica', line, SIZE) <= flow.width;

  it('keeps text that needs exactly the page width on one line, and breaks one character more', () => {
    expect(flow.width).toBe(512);
    expect(flow.wrap('x'.repeat(128), flow.width, SIZE)).toEqual(['x'.repeat(128)]);
    expect(flow.wrap('x'.repeat(129), flow.width, SIZE)).toEqual(['x'.repeat(128), 'x']);
  });

  it('breaks a word longer than the line into pieces that each fit, losing no character', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(8);
    const lines = flow.wrap(`See ${word} today`, flow.width, SIZE);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every(fits)).toBe(true);
    expect(lines[0]).toBe('See');
    expect(lines.at(-1)!.endsWith(' today')).toBe(true);
    expect(lines.join('')).toBe(`See${word} today`);
  });

  it('wraps a long line at spaces, every line fitting and the words kept in order', () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
    const lines = flow.wrap(words.join(' '), flow.width, SIZE);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every(fits)).toBe(true);
    expect(lines.join(' ').split(' ')).toEqual(words);
    // Lines are filled: the next word would not have fitted.
    lines.slice(0, -1).forEach((line, i) => expect(fits(`${line} ${lines[i + 1]!.split(' ')[0]}`)).toBe(false));
  });

  it('measures in the font the text is drawn in, and on A4 uses its narrower width', () => {
    const a4 = new PdfFlow('a4');
    expect(a4.width).toBeCloseTo(495.28, 10);
    const text = 'Hemoglobin '.repeat(40);
    const bold = a4.wrap(text, a4.width, 10, true);
    expect(bold.every((l) => textWidth('Helvetica-Bold', l, 10) <= a4.width)).toBe(true);
    expect(bold.length).toBeGreaterThan(a4.wrap(text, a4.width, 10).length - 1);
    expect(a4.wrap('', a4.width, 10)).toEqual(['']);
  });
});
