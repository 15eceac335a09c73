/**
 * Serialises numbered objects into a PDF file (ISO 32000-1, 7.5): header, body, cross-reference table with
 * each object's byte offset, trailer. Objects are written in number order, all generation 0.
 */
export interface PdfObject {
  /** The object's dictionary (or other value), already in PDF syntax. */
  value: string;
  /** Stream data; `value` must then be a dictionary with the matching /Length. */
  stream?: Uint8Array;
}

export interface PdfTrailer {
  /** Object numbers (1-based, the index in `objects` + 1). */
  root: number;
  info: number;
}

const ascii = (text: string) => new TextEncoder().encode(text);

export function serializePdf(objects: readonly PdfObject[], trailer: PdfTrailer): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (chunk: Uint8Array) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  // The second line's bytes above 127 tell transfer tools the file is binary (7.5.2).
  push(new Uint8Array([...ascii('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    push(ascii(`${i + 1} 0 obj\n${object.value}\n`));
    if (object.stream) {
      push(ascii('stream\n'));
      push(object.stream);
      push(ascii('\nendstream\n'));
    }
    push(ascii('endobj\n'));
  });
  const xref = length;
  // Each entry is exactly 20 bytes, ending in space + LF (7.5.4).
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  push(
    ascii(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}` +
        `trailer\n<< /Size ${objects.length + 1} /Root ${trailer.root} 0 R /Info ${trailer.info} 0 R >>\n` +
        `startxref\n${xref}\n%%EOF\n`,
    ),
  );
  const file = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    file.set(chunk, at);
    at += chunk.length;
  }
  return file;
}
