import type { PageContent, Rgb } from './pdf/content';
import { A4, LETTER, PdfDocument, type Deflate, type DocumentInfo, type PageDimensions } from './pdf/document';
import { textWidth, type StandardFont } from './pdf/fonts';
import { winAnsiText } from './pdf-text';
import type { PageSize } from './package-input';

const MARGIN = 50;
const BLACK: Rgb = [0.1, 0.1, 0.1];
const RED: Rgb = [0.54, 0.11, 0.11];
const GREY: Rgb = [0.35, 0.35, 0.35];
const fontOf = (bold: boolean | undefined): StandardFont => (bold ? 'Helvetica-Bold' : 'Helvetica');

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: 'black' | 'red' | 'grey';
  indent?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the usable width. */
  width: number;
}

/** Top-to-bottom text layout over as many pages as needed, with tables whose header repeats. */
export class PdfFlow {
  private readonly doc = new PdfDocument();
  private readonly size: PageDimensions;
  private page!: PageContent;
  private y = 0;

  constructor(pageSize: PageSize) {
    this.size = pageSize === 'a4' ? A4 : LETTER;
    this.newPage();
  }

  get pageCount(): number {
    return this.doc.pageCount;
  }

  save(info: DocumentInfo, deflate?: Deflate): Promise<Uint8Array> {
    return this.doc.save(info, deflate);
  }

  get width(): number {
    return this.size[0] - 2 * MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - MARGIN;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Splits text into lines that fit `width`, breaking long words when they must. */
  wrap(value: string, width: number, size: number, bold = false): string[] {
    const font = fontOf(bold);
    const fits = (s: string) => textWidth(font, s, size) <= width;
    const lines: string[] = [];
    let line = '';
    for (const word of winAnsiText(value).split(' ').filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (!fits(rest)) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) lines.push(line);
    return lines.length ? lines : [''];
  }

  text(value: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const color = style.color === 'red' ? RED : style.color === 'grey' ? GREY : BLACK;
    for (const paragraph of value.split(/\n/)) {
      for (const line of this.wrap(paragraph, this.width - indent, size, style.bold)) {
        this.ensure(size * 1.35);
        this.y -= size * 1.35;
        this.page.text(line, MARGIN + indent, this.y, fontOf(style.bold), size, color);
      }
    }
  }

  /** Empty ruled lines to write on by hand (a visit sheet's answers and notes); `gap` points apart. */
  ruledLines(count: number, gap = 20, indent = 0): void {
    for (let i = 0; i < count; i++) {
      this.ensure(gap);
      this.y -= gap;
      this.page.line(MARGIN + indent, this.y, MARGIN + this.width, this.y, 0.4, GREY);
    }
  }

  heading(value: string, size = 14): void {
    this.ensure(size * 3);
    this.space(size * 0.6);
    this.text(value, { size, bold: true });
    this.space(size * 0.3);
  }

  /** A table whose header repeats on every page it spans; `red` marks flagged cells; `\n` breaks a cell's line. */
  table(columns: TableColumn[], rows: { cells: string[]; red?: boolean[] }[], size = 8): void {
    const widths = columns.map((c) => c.width * this.width);
    const lineHeight = size * 1.3;
    const measure = (cells: string[], bold: boolean) => {
      const lines = cells.map((cell, i) =>
        cell.split('\n').flatMap((part) => this.wrap(part, widths[i]! - 4, size, bold)),
      );
      return { lines, height: Math.max(...lines.map((l) => l.length)) * lineHeight + 3 };
    };
    const draw = ({ lines, height }: ReturnType<typeof measure>, bold: boolean, red: boolean[] = []) => {
      let x = MARGIN;
      lines.forEach((cellLines, i) => {
        cellLines.forEach((line, n) =>
          this.page.text(
            line,
            x + 2,
            this.y - (n + 1) * lineHeight,
            fontOf(bold || red[i]),
            size,
            red[i] ? RED : BLACK,
          ),
        );
        x += widths[i]!;
      });
      this.y -= height;
      this.page.line(MARGIN, this.y + 1, MARGIN + this.width, this.y + 1, 0.3, GREY);
    };
    const header = measure(
      columns.map((c) => c.header),
      true,
    );
    this.ensure(header.height + lineHeight * 2);
    draw(header, true);
    for (const row of rows) {
      const measured = measure(row.cells, false);
      if (this.y - measured.height < MARGIN) {
        this.newPage();
        draw(header, true);
      }
      draw(measured, false, row.red);
    }
  }
}
