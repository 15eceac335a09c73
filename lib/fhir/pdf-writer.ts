/** The page layout the PDFs need; the export room's PdfFlow is one (passed in, so this room stays below export). */
export interface PdfWriter {
  text(
    value: string,
    style?: { size?: number; bold?: boolean; color?: 'black' | 'red' | 'grey'; indent?: number },
  ): void;
  heading(value: string, size?: number): void;
  space(points: number): void;
  table(
    columns: { header: string; width: number }[],
    rows: { cells: string[]; red?: boolean[] }[],
    size?: number,
  ): void;
  save(
    info: { title: string; creator: string; producer: string; created: Date },
    deflate?: (data: Uint8Array) => Promise<Uint8Array>,
  ): Promise<Uint8Array>;
}

export type NewPdf = () => PdfWriter;
