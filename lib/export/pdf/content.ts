import type { StandardFont } from './fonts';
import { pdfLiteral, pdfNumber } from './syntax';
import { winAnsiCodes } from './win-ansi';

/** An RGB colour, each channel 0..1. */
export type Rgb = readonly [number, number, number];

const n = pdfNumber;
const colour = ([r, g, b]: Rgb) => `${n(r)} ${n(g)} ${n(b)}`;

/**
 * The drawing operators of one page (ISO 32000-1, 8 and 9), in PDF user space: points, origin bottom-left.
 * Each operation saves and restores the graphics state, so none leaks into the next.
 */
export class PageContent {
  private readonly operators: string[] = [];

  constructor(
    /** Resource name of each font on the page (e.g. Helvetica -> F1). */
    private readonly fontNames: Readonly<Record<StandardFont, string>>,
  ) {}

  /** One line of text with its baseline starting at (x, y). */
  text(value: string, x: number, y: number, font: StandardFont, size: number, fill: Rgb): void {
    this.operators.push(
      `BT /${this.fontNames[font]} ${n(size)} Tf ${colour(fill)} rg ${n(x)} ${n(y)} Td ${pdfLiteral(winAnsiCodes(value))} Tj ET`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness: number, stroke: Rgb): void {
    this.operators.push(`q ${colour(stroke)} RG ${n(thickness)} w ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S Q`);
  }

  /** A filled rectangle whose lower-left corner is (x, y). */
  rect(x: number, y: number, width: number, height: number, fill: Rgb): void {
    this.operators.push(`q ${colour(fill)} rg ${n(x)} ${n(y)} ${n(width)} ${n(height)} re f Q`);
  }

  /** The content stream's bytes: 7-bit text, since every string is escaped. */
  bytes(): Uint8Array {
    return new TextEncoder().encode(this.operators.join('\n'));
  }
}
