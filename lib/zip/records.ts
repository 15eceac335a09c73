/**
 * The byte layout of a zip's records (APPNOTE 6.3.10), with ZIP64 where a size, an offset or the entry
 * count no longer fits: packages can pass 4 GiB (many 1 GiB clips). `lib/import/zip-directory.ts`
 * reads exactly these forms back.
 */
export const LOCAL = 0x04034b50;
export const CENTRAL = 0x02014b50;
export const ZIP64_END = 0x06064b50;
export const ZIP64_LOCATOR = 0x07064b50;
export const END = 0x06054b50;
export const ZIP64_EXTRA = 0x0001;

export const MAX32 = 0xffffffff;
export const MAX16 = 0xffff;
/** General-purpose flag bits. */
export const ENCRYPTED = 0x0001;
export const UTF8_NAME = 0x0800;

/** Version needed to extract: 2.0 (deflate), 4.5 with ZIP64 records, 5.1 for AES. */
const VERSION = 20;
const VERSION_ZIP64 = 45;

export interface EntryHeader {
  name: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  size: number;
  compressedSize: number;
  dosTime: number;
  dosDate: number;
  /** Further extra fields (the AES one), after ZIP64's. */
  extra?: Uint8Array;
  /** At least this version needed to extract (AES wants 51). */
  version?: number;
}

/** MS-DOS date and time, local time as zip tools show it, clamped to the format's 1980-2107 range. */
export function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    dosDate: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const setU64 = (v: DataView, at: number, value: number) => v.setBigUint64(at, BigInt(value), true);
const needsZip64 = (h: EntryHeader) => h.size >= MAX32 || h.compressedSize >= MAX32;
const version = (h: EntryHeader, zip64: boolean) => Math.max(h.version ?? VERSION, zip64 ? VERSION_ZIP64 : VERSION);

/** The ZIP64 extra field holding the given 64-bit values (only those that overflowed, in APPNOTE order). */
function zip64Extra(values: number[]): Uint8Array {
  if (values.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(4 + 8 * values.length);
  const v = view(out);
  v.setUint16(0, ZIP64_EXTRA, true);
  v.setUint16(2, 8 * values.length, true);
  values.forEach((value, i) => setU64(v, 4 + 8 * i, value));
  return out;
}

export function localHeader(h: EntryHeader): Uint8Array {
  const zip64 = needsZip64(h);
  // In a local header the ZIP64 field carries both sizes whenever it is present.
  const extra64 = zip64Extra(zip64 ? [h.size, h.compressedSize] : []);
  const extra = h.extra ?? new Uint8Array(0);
  const out = new Uint8Array(30 + h.name.length + extra64.length + extra.length);
  const v = view(out);
  v.setUint32(0, LOCAL, true);
  v.setUint16(4, version(h, zip64), true);
  v.setUint16(6, h.flags, true);
  v.setUint16(8, h.method, true);
  v.setUint16(10, h.dosTime, true);
  v.setUint16(12, h.dosDate, true);
  v.setUint32(14, h.crc, true);
  v.setUint32(18, zip64 ? MAX32 : h.compressedSize, true);
  v.setUint32(22, zip64 ? MAX32 : h.size, true);
  v.setUint16(26, h.name.length, true);
  v.setUint16(28, extra64.length + extra.length, true);
  out.set(h.name, 30);
  out.set(extra64, 30 + h.name.length);
  out.set(extra, 30 + h.name.length + extra64.length);
  return out;
}

export function centralRecord(h: EntryHeader, localOffset: number): Uint8Array {
  const big = [h.size, h.compressedSize, localOffset].filter((value) => value >= MAX32);
  const extra64 = zip64Extra(big);
  const extra = h.extra ?? new Uint8Array(0);
  const out = new Uint8Array(46 + h.name.length + extra64.length + extra.length);
  const v = view(out);
  const needed = version(h, big.length > 0);
  v.setUint32(0, CENTRAL, true);
  v.setUint16(4, needed, true); // made by: MS-DOS host (no Unix mode bits), same version
  v.setUint16(6, needed, true);
  v.setUint16(8, h.flags, true);
  v.setUint16(10, h.method, true);
  v.setUint16(12, h.dosTime, true);
  v.setUint16(14, h.dosDate, true);
  v.setUint32(16, h.crc, true);
  v.setUint32(20, Math.min(h.compressedSize, MAX32), true);
  v.setUint32(24, Math.min(h.size, MAX32), true);
  v.setUint16(28, h.name.length, true);
  v.setUint16(30, extra64.length + extra.length, true);
  v.setUint32(42, Math.min(localOffset, MAX32), true);
  out.set(h.name, 46);
  out.set(extra64, 46 + h.name.length);
  out.set(extra, 46 + h.name.length + extra64.length);
  return out;
}

/**
 * End of central directory, preceded by the ZIP64 end record and its locator when the count, size or
 * offset overflows. Then every overflowing-capable field of the classic record says "see ZIP64".
 */
export function endRecords(entries: number, cdOffset: number, cdSize: number): Uint8Array {
  const zip64 = entries >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
  const out = new Uint8Array((zip64 ? 56 + 20 : 0) + 22);
  const v = view(out);
  let at = 0;
  if (zip64) {
    v.setUint32(0, ZIP64_END, true);
    setU64(v, 4, 56 - 12);
    v.setUint16(12, VERSION_ZIP64, true);
    v.setUint16(14, VERSION_ZIP64, true);
    setU64(v, 24, entries);
    setU64(v, 32, entries);
    setU64(v, 40, cdSize);
    setU64(v, 48, cdOffset);
    v.setUint32(56, ZIP64_LOCATOR, true);
    setU64(v, 56 + 8, cdOffset + cdSize);
    v.setUint32(56 + 16, 1, true);
    at = 76;
  }
  v.setUint32(at, END, true);
  v.setUint16(at + 8, zip64 ? MAX16 : entries, true);
  v.setUint16(at + 10, zip64 ? MAX16 : entries, true);
  v.setUint32(at + 12, zip64 ? MAX32 : cdSize, true);
  v.setUint32(at + 16, zip64 ? MAX32 : cdOffset, true);
  return out;
}
