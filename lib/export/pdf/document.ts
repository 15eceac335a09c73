import { PageContent } from './content';
import { serializePdf, type PdfObject } from './file';
import { STANDARD_FONTS, type StandardFont } from './fonts';
import { pdfDate, pdfNumber, pdfTextString } from './syntax';

/** Page width and height in points. */
export type PageDimensions = readonly [number, number];

export const LETTER: PageDimensions = [612, 792];
export const A4: PageDimensions = [595.28, 841.89];

export interface DocumentInfo {
  title: string;
  creator: string;
  producer: string;
  created: Date;
}

/** Compresses a content stream to zlib format (/FlateDecode); injected so the writer stays pure. */
export type Deflate = (data: Uint8Array) => Promise<Uint8Array>;

const FONT_NAMES = Object.fromEntries(STANDARD_FONTS.map((font, i) => [font, `F${i + 1}`])) as Record<
  StandardFont,
  string
>;

/** Pages of text and lines in the standard fonts, written as one PDF 1.4 file. */
export class PdfDocument {
  private readonly pages: { size: PageDimensions; content: PageContent }[] = [];

  addPage(size: PageDimensions): PageContent {
    const content = new PageContent(FONT_NAMES);
    this.pages.push({ size, content });
    return content;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  async save(info: DocumentInfo, deflate?: Deflate): Promise<Uint8Array> {
    // Fixed object numbers first, then a page and its content stream per page.
    const CATALOG = 1;
    const PAGES = 2;
    const FIRST_FONT = 3;
    const INFO = FIRST_FONT + STANDARD_FONTS.length;
    const pageNumber = (i: number) => INFO + 1 + 2 * i;
    const fonts = STANDARD_FONTS.map((font, i) => `/${FONT_NAMES[font]} ${FIRST_FONT + i} 0 R`).join(' ');
    const date = pdfDate(info.created);
    const objects: PdfObject[] = [
      { value: `<< /Type /Catalog /Pages ${PAGES} 0 R >>` },
      {
        value: `<< /Type /Pages /Kids [${this.pages.map((_, i) => `${pageNumber(i)} 0 R`).join(' ')}] /Count ${this.pages.length} >>`,
      },
      ...STANDARD_FONTS.map((font) => ({
        value: `<< /Type /Font /Subtype /Type1 /BaseFont /${font} /Encoding /WinAnsiEncoding >>`,
      })),
      {
        value:
          `<< /Title ${pdfTextString(info.title)} /Creator ${pdfTextString(info.creator)}` +
          ` /Producer ${pdfTextString(info.producer)} /CreationDate ${date} /ModDate ${date} >>`,
      },
    ];
    for (const [i, { size, content }] of this.pages.entries()) {
      const [width, height] = size.map(pdfNumber);
      objects.push({
        value:
          `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${width} ${height}]` +
          ` /Resources << /Font << ${fonts} >> >> /Contents ${pageNumber(i) + 1} 0 R >>`,
      });
      const raw = content.bytes();
      const stream = deflate ? await deflate(raw) : raw;
      objects.push({
        value: `<< /Length ${stream.length}${deflate ? ' /Filter /FlateDecode' : ''} >>`,
        stream,
      });
    }
    return serializePdf(objects, { root: CATALOG, info: INFO });
  }
}
