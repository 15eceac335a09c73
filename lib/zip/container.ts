import { centralRecord, endRecords, localHeader, type EntryHeader } from './records';

/** The central directory is handed to the sink in pieces of about this size. */
const DIRECTORY_PIECE = 1024 * 1024;

/**
 * A zip written front to back into `sink`: each entry whole (sizes and CRC known before its header,
 * so no data descriptors), then the central directory. Keeps only the central records (~100 bytes
 * per entry) in memory.
 */
export class ZipContainer {
  private offset = 0;
  private readonly central: Uint8Array[] = [];

  constructor(private readonly sink: (chunk: Uint8Array) => void) {}

  /** Bytes written so far. */
  get size(): number {
    return this.offset;
  }

  add(header: EntryHeader, body: readonly Uint8Array[]): void {
    const length = body.reduce((n, part) => n + part.byteLength, 0);
    if (length !== header.compressedSize)
      throw new Error(`zip entry body is ${length} bytes, header says ${header.compressedSize}`);
    this.central.push(centralRecord(header, this.offset));
    this.emit(localHeader(header));
    for (const part of body) this.emit(part);
  }

  /** An entry whose body arrives in pieces (a large stored file read slice by slice); sizes and CRC known already. */
  async addStreamed(header: EntryHeader, body: AsyncIterable<Uint8Array>): Promise<void> {
    this.central.push(centralRecord(header, this.offset));
    this.emit(localHeader(header));
    let length = 0;
    for await (const part of body) {
      length += part.byteLength;
      if (length > header.compressedSize) break;
      this.emit(part);
    }
    if (length !== header.compressedSize)
      throw new Error(`zip entry body is ${length} bytes, header says ${header.compressedSize}`);
  }

  finish(): void {
    const cdOffset = this.offset;
    let piece: Uint8Array[] = [];
    let pieceBytes = 0;
    const flush = () => {
      if (piece.length === 0) return;
      const joined = new Uint8Array(pieceBytes);
      let at = 0;
      for (const record of piece) {
        joined.set(record, at);
        at += record.byteLength;
      }
      this.emit(joined);
      piece = [];
      pieceBytes = 0;
    };
    for (const record of this.central) {
      piece.push(record);
      pieceBytes += record.byteLength;
      if (pieceBytes >= DIRECTORY_PIECE) flush();
    }
    flush();
    this.emit(endRecords(this.central.length, cdOffset, this.offset - cdOffset));
  }

  private emit(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.sink(chunk);
    this.offset += chunk.byteLength;
  }
}
