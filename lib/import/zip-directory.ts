import { fail } from './import-error';
import type { ZipSource } from './zip-source';
import { CENTRAL, END, LOCAL, MAX32, ZIP64_END, ZIP64_EXTRA, ZIP64_LOCATOR, entryNameProblem } from '../zip';

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Largest uncompressed:compressed ratio for a deflated entry... */
  maxRatio: number;
  /** ...once it is at least this big (small text files legitimately compress very well). */
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's data starts (after its local header). */
  dataOffset: number;
  directory: boolean;
  /** WinZip AES (what our password-protected packages use); `method` is then the method inside. */
  encrypted: boolean;
}

export interface DirectoryOptions {
  /** Accept AES-encrypted entries (the caller has a password); ZipCrypto is always refused as too weak. */
  allowEncrypted?: boolean;
}

/** The WinZip AES extra field (0x9901): strength 3 = AES-256, then the real compression method. */
function aesMethod(extra: DataView): number | undefined {
  for (let at = 0; at + 4 <= extra.byteLength; at += 4 + extra.getUint16(at + 2, true)) {
    if (extra.getUint16(at, true) !== 0x9901 || extra.getUint16(at + 2, true) < 7) continue;
    return extra.getUint8(at + 8) === 3 ? extra.getUint16(at + 9, true) : undefined;
  }
  return undefined;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const u64 = (v: DataView, at: number) => Number(v.getBigUint64(at, true));

/** Zip-slip and friends: the shared entry-name rule, plus a NUL byte hidden in the raw name. */
export function unsafePathReason(name: string, raw: Uint8Array): string | undefined {
  if (raw.includes(0)) return 'NUL in name';
  return entryNameProblem(name);
}

async function findEnd(source: ZipSource) {
  if (source.size < 22) return fail(source.size === 0 ? 'not-a-zip' : 'truncated', 'shorter than an end record');
  const tailLength = Math.min(source.size, 22 + 0xffff + 20);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  const v = view(tail);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (v.getUint32(i, true) !== END) continue;
    if (i + 22 + v.getUint16(i + 20, true) > tail.length) continue;
    let entries = v.getUint16(i + 10, true);
    let cdSize = v.getUint32(i + 12, true);
    let cdOffset = v.getUint32(i + 16, true);
    if (v.getUint16(i + 4, true) !== 0 || v.getUint16(i + 6, true) !== 0) fail('unsupported-zip', 'multi-disk archive');
    if (entries === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
      if (i < 20 || v.getUint32(i - 20, true) !== ZIP64_LOCATOR) fail('corrupt', 'zip64 locator missing');
      const recordOffset = u64(v, i - 20 + 8);
      const record = view(await source.read(recordOffset, 56));
      if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_END)
        fail('corrupt', 'zip64 end record missing');
      entries = u64(record, 32);
      cdSize = u64(record, 40);
      cdOffset = u64(record, 48);
    }
    return { entries, cdSize, cdOffset, endOffset: tailStart + i };
  }
  // A local header at the start but no end record: the download or copy was cut short.
  const head = await source.read(0, 4);
  return fail(
    head.length === 4 && view(head).getUint32(0, true) === LOCAL ? 'truncated' : 'not-a-zip',
    'no end of central directory',
  );
}

function zip64Sizes(extra: DataView, size: number, compressed: number, offset: number) {
  for (let at = 0; at + 4 <= extra.byteLength;) {
    const id = extra.getUint16(at, true);
    const length = extra.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      let p = at + 4;
      const next = () => {
        if (p + 8 > at + 4 + length) fail('corrupt', 'short zip64 extra field');
        const value = u64(extra, p);
        p += 8;
        return value;
      };
      if (size === MAX32) size = next();
      if (compressed === MAX32) compressed = next();
      if (offset === MAX32) offset = next();
    }
    at += 4 + length;
  }
  return { size, compressed, offset };
}

const hasExtra = (extra: DataView, wanted: number) => {
  for (let at = 0; at + 4 <= extra.byteLength; at += 4 + extra.getUint16(at + 2, true)) {
    if (extra.getUint16(at, true) === wanted) return true;
  }
  return false;
};

/**
 * Reads and checks the central directory before a single byte is inflated: names, links, duplicates,
 * declared sizes and ratios, and that no two entries share bytes (the overlapping-file zip bomb).
 */
export async function readZipDirectory(
  source: ZipSource,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  options: DirectoryOptions = {},
): Promise<ZipEntry[]> {
  const end = await findEnd(source);
  if (end.entries > limits.maxEntries) fail('too-many-entries', `${end.entries} entries`);
  if (end.cdOffset + end.cdSize > end.endOffset)
    fail(end.cdOffset + end.cdSize > source.size ? 'truncated' : 'corrupt', 'central directory out of range');
  const cd = await source.read(end.cdOffset, end.cdSize);
  const v = view(cd);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = 0;
  for (let n = 0; n < end.entries; n++) {
    if (at + 46 > cd.length || v.getUint32(at, true) !== CENTRAL) fail('corrupt', `central directory entry ${n}`);
    const madeBy = v.getUint16(at + 4, true) >> 8;
    const flags = v.getUint16(at + 8, true);
    const storedMethod = v.getUint16(at + 10, true);
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const external = v.getUint32(at + 38, true);
    if (at + 46 + nameLength + extraLength + commentLength > cd.length) fail('corrupt', `central directory entry ${n}`);
    const raw = cd.subarray(at + 46, at + 46 + nameLength);
    const extra = view(cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    let name: string;
    try {
      name = decoder.decode(raw);
    } catch {
      name = fail('unsafe-path', `entry ${n}: name is not UTF-8`);
    }
    const unsafe = unsafePathReason(name, raw);
    if (unsafe) fail('unsafe-path', `${JSON.stringify(name)}: ${unsafe}`);
    // Info-ZIP's Unicode path field can carry a second, different name; we never write one.
    if (hasExtra(extra, 0x7075)) fail('unsafe-path', `${name}: alternate Unicode name`);
    const mode = madeBy === 3 ? external >>> 16 : 0;
    const type = mode & 0xf000;
    if (type === 0xa000) fail('symlink', name);
    if (type !== 0 && type !== 0x8000 && type !== 0x4000) fail('unsafe-path', `${name}: special file`);
    const encrypted = (flags & 0x01) !== 0;
    if (encrypted && !options.allowEncrypted) fail('encrypted', name);
    if (flags & 0x40 || (encrypted && storedMethod !== 99))
      fail('unsupported-zip', `${name}: encryption other than AES`);
    const method = encrypted ? (aesMethod(extra) ?? -1) : storedMethod;
    if (method !== 0 && method !== 8) fail('unsupported-zip', `${name}: compression method ${method}`);
    const sizes = zip64Sizes(extra, v.getUint32(at + 24, true), v.getUint32(at + 20, true), v.getUint32(at + 42, true));
    const directory = name.endsWith('/') || type === 0x4000;
    const key = name.replace(/\/$/, '').normalize('NFC').toLowerCase();
    // Case-insensitive: on Windows and macOS `A.txt` and `a.txt` are one file and the second would overwrite the first.
    if (seen.has(key)) fail('duplicate-entry', name);
    seen.add(key);
    if (directory && sizes.size > 0) fail('corrupt', `${name}: directory with content`);
    // AES adds salt, check value and MAC around the data, so only plain stored entries must match exactly.
    if (method === 0 && !encrypted && sizes.size !== sizes.compressed) fail('corrupt', `${name}: stored sizes differ`);
    if (sizes.size > limits.maxTotalBytes) fail('too-large', `${name}: ${sizes.size} bytes`);
    total += sizes.size;
    if (total > limits.maxTotalBytes) fail('too-large', `declared total over ${limits.maxTotalBytes} bytes`);
    if (
      method === 8 &&
      sizes.size >= limits.ratioMinBytes &&
      sizes.size / Math.max(1, sizes.compressed) > limits.maxRatio
    ) {
      fail('compression-ratio', `${name}: ${sizes.size}/${sizes.compressed}`);
    }
    entries.push({
      name,
      method: method === 0 ? 0 : 8,
      compressedSize: sizes.compressed,
      size: sizes.size,
      localOffset: sizes.offset,
      dataOffset: 0,
      directory,
      encrypted,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const files = new Set(entries.filter((e) => !e.directory).map((e) => e.name.normalize('NFC').toLowerCase()));
  for (const key of seen) {
    // `a` as a file and `a/b` as another: extracting one would clobber the other.
    for (let cut = key.lastIndexOf('/'); cut > 0; cut = key.lastIndexOf('/', cut - 1)) {
      if (files.has(key.slice(0, cut))) fail('duplicate-entry', `${key} inside a file`);
    }
  }
  await checkLocalHeaders(source, entries, end.cdOffset);
  return entries;
}

/** Each entry's bytes must lie between its own local header and the next entry: no sharing, no reaching into the directory. */
async function checkLocalHeaders(source: ZipSource, entries: ZipEntry[], cdOffset: number): Promise<void> {
  const encoder = new TextEncoder();
  for (const entry of entries) {
    if (entry.localOffset + 30 > cdOffset) fail('corrupt', `${entry.name}: local header out of range`);
    const header = await source.read(entry.localOffset, 30);
    const v = view(header);
    if (header.length < 30 || v.getUint32(0, true) !== LOCAL) fail('corrupt', `${entry.name}: local header missing`);
    const nameLength = v.getUint16(26, true);
    const extraLength = v.getUint16(28, true);
    const localName = await source.read(entry.localOffset + 30, nameLength);
    const expected = encoder.encode(entry.name);
    if (localName.length !== expected.length || localName.some((b, i) => b !== expected[i]))
      fail('corrupt', `${entry.name}: local name differs`);
    if (v.getUint16(8, true) !== (entry.encrypted ? 99 : entry.method))
      fail('corrupt', `${entry.name}: local method differs`);
    entry.dataOffset = entry.localOffset + 30 + nameLength + extraLength;
    if (entry.dataOffset + entry.compressedSize > cdOffset) {
      fail(
        entry.dataOffset + entry.compressedSize > source.size ? 'truncated' : 'overlapping-entries',
        `${entry.name}: data runs past its end`,
      );
    }
  }
  const ranges = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < ranges.length; i++) {
    const previous = ranges[i - 1]!;
    if (ranges[i]!.localOffset < previous.dataOffset + previous.compressedSize)
      fail('overlapping-entries', `${previous.name} and ${ranges[i]!.name}`);
  }
}
