import { deflateSync } from 'fflate';
import { writeZip } from '../../../lib/export/zip';
import type { PackageEntry } from '../../../lib/export/package-input';

export async function zipEntries(entries: AsyncIterable<PackageEntry> | PackageEntry[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const iterable =
    Symbol.asyncIterator in entries
      ? entries
      : (async function* () {
          yield* entries;
        })();
  await writeZip(iterable, (c) => chunks.push(c), { modified: new Date('2026-11-25T10:00:00Z') });
  return concat(chunks);
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface RawEntry {
  name: string | Uint8Array;
  data?: Uint8Array;
  deflate?: boolean;
  /** Overrides for hostile archives. */
  declaredSize?: number;
  unixMode?: number;
  /** Point this entry's central record at another entry's local header. */
  sameOffsetAs?: number;
  /** Point this entry's central record at an arbitrary offset (writes no local header of its own). */
  localOffset?: number;
  /** General-purpose flags to add (bit 0 = encrypted). */
  flags?: number;
}

/** A hand-written zip (no CRC checking in our reader, so CRC is left 0): for archives no honest tool writes. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? new TextEncoder().encode(entry.name) : entry.name;
    const content = entry.data ?? new Uint8Array();
    const stored = entry.deflate ? deflateSync(content) : content;
    const size = entry.declaredSize ?? content.byteLength;
    const header = new Uint8Array(30 + name.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x800 | (entry.flags ?? 0), true);
    h.setUint16(8, entry.deflate ? 8 : 0, true);
    h.setUint32(18, stored.length, true);
    h.setUint32(22, size, true);
    h.setUint16(26, name.length, true);
    header.set(name, 30);
    const pointed = entry.localOffset ?? (entry.sameOffsetAs !== undefined ? offsets[entry.sameOffsetAs]! : undefined);
    const localOffset = pointed ?? offset;
    offsets.push(localOffset);
    if (pointed === undefined) {
      local.push(header, stored);
      offset += header.length + stored.length;
    }
    const record = new Uint8Array(46 + name.length);
    const c = new DataView(record.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, entry.unixMode !== undefined ? 0x0314 : 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x800 | (entry.flags ?? 0), true);
    c.setUint16(10, entry.deflate ? 8 : 0, true);
    c.setUint32(20, stored.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(38, entry.unixMode !== undefined ? (entry.unixMode << 16) >>> 0 : 0, true);
    c.setUint32(42, localOffset, true);
    record.set(name, 46);
    central.push(record);
  }
  const cdSize = central.reduce((n, r) => n + r.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, cdSize, true);
  e.setUint32(16, offset, true);
  return concat([...local, ...central, end]);
}
