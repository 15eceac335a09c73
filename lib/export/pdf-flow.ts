import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { winAnsiText } from './pdf-text';
import type { PageSize } from './package-input';

const MARGIN = 50;
const BLACK = rgb(0.1, 0.1, 0.1);
const RED = rgb(0.54, 0.11, 0.11);
const GREY = rgb(0.35, 0.35, 0.35);

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

/** Top-to-bottom text layout over as many pages as needed: the little pdf-lib lacks. */
export class PdfFlow {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly size: [number, number],
  ) {
    this.newPage();
  }

  static async create(pageSize: PageSize): Promise<PdfFlow> {
    const doc = await PDFDocument.create();
    const [regular, bold] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
    ]);
    return new PdfFlow(doc, regular, bold, pageSize === 'a4' ? PageSizes.A4 : PageSizes.Letter);
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
    const font = bold ? this.bold : this.regular;
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
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
        this.page.drawText(line, {
          x: MARGIN + indent,
          y: this.y,
          size,
          font: style.bold ? this.bold : this.regular,
          color,
        });
      }
    }
  }

  heading(value: string, size = 14): void {
    this.ensure(size * 3);
    this.space(size * 0.6);
    this.text(value, { size, bold: true });
    this.space(size * 0.3);
  }

  /** A table whose header repeats on every page it spans; `red` marks flagged cells. */
  table(columns: TableColumn[], rows: { cells: string[]; red?: boolean[] }[], size = 8): void {
    const widths = columns.map((c) => c.width * this.width);
    const lineHeight = size * 1.3;
    const measure = (cells: string[], bold: boolean) => {
      const lines = cells.map((cell, i) => this.wrap(cell, widths[i]! - 4, size, bold));
      return { lines, height: Math.max(...lines.map((l) => l.length)) * lineHeight + 3 };
    };
    const draw = ({ lines, height }: ReturnType<typeof measure>, bold: boolean, red: boolean[] = []) => {
      let x = MARGIN;
      lines.forEach((cellLines, i) => {
        cellLines.forEach((line, n) =>
          this.page.drawText(line, {
            x: x + 2,
            y: this.y - (n + 1) * lineHeight,
            size,
            font: bold || red[i] ? this.bold : this.regular,
            color: red[i] ? RED : BLACK,
          }),
        );
        x += widths[i]!;
      });
      this.y -= height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + 1 },
        end: { x: MARGIN + this.width, y: this.y + 1 },
        thickness: 0.3,
        color: GREY,
      });
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
