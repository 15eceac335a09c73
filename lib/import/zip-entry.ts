import { Inflate } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { ImportError, fail } from './import-error';
import type { ZipEntry } from './zip-directory';
import type { ZipSource } from './zip-source';
import { sha256Hex } from '../hash';

const READ_CHUNK = 1024 * 1024;
/** Compressed bytes fed to the inflater at once: deflate expands at most ~1032:1, so one push yields <= ~16 MB. */
const INFLATE_CHUNK = 16 * 1024;

export interface EntryDigest {
  size: number;
  sha256: string;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Streams one entry's content to `onChunk`, hashing as it goes. Stops as soon as the content grows past
 * its declared size, so a lying header cannot make us inflate a bomb.
 */
export async function readEntry(
  source: ZipSource,
  entry: ZipEntry,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<EntryDigest> {
  return readEntryWith(entryDigest(entry, onChunk), source, entry);
}

/**
 * Reads a whole (unencrypted) entry into one buffer of its declared size and hashes it with the
 * platform's native SHA-256: for attachments, which are kept whole anyway, this is ~10x faster than
 * streaming them through the pure-JS hash. Same checks: never more bytes than declared.
 */
export async function readEntryWhole(
  source: ZipSource,
  entry: ZipEntry,
): Promise<EntryDigest & { bytes: Uint8Array<ArrayBuffer> }> {
  const bytes = new Uint8Array(entry.size);
  let size = 0;
  const sink = {
    accept(chunk: Uint8Array) {
      if (size + chunk.byteLength > entry.size) fail('size-mismatch', `${entry.name}: more data than declared`);
      bytes.set(chunk, size);
      size += chunk.byteLength;
    },
    finish(): EntryDigest {
      if (size !== entry.size) fail('size-mismatch', `${entry.name}: ${size} bytes, declared ${entry.size}`);
      return { size, sha256: '' };
    },
  };
  await readEntryWith(sink, source, entry);
  if (size !== entry.size) fail('size-mismatch', `${entry.name}: ${size} bytes, declared ${entry.size}`);
  return { size, sha256: await sha256Hex(bytes), bytes };
}

async function readEntryWith(
  { accept, finish }: { accept: (chunk: Uint8Array) => void; finish: () => EntryDigest },
  source: ZipSource,
  entry: ZipEntry,
): Promise<EntryDigest> {
  const inflater = entry.method === 8 ? new Inflate((chunk) => accept(chunk)) : undefined;
  let ended = false;
  for (let offset = 0; offset < entry.compressedSize || (offset === 0 && !ended); offset += READ_CHUNK) {
    const length = Math.min(READ_CHUNK, entry.compressedSize - offset);
    const piece = await source.read(entry.dataOffset + offset, length);
    if (piece.length < length) fail('truncated', entry.name);
    const last = offset + length >= entry.compressedSize;
    if (!inflater) {
      accept(piece);
    } else {
      for (let at = 0; at < piece.length || (at === 0 && last); at += INFLATE_CHUNK) {
        const end = Math.min(at + INFLATE_CHUNK, piece.length);
        try {
          inflater.push(piece.subarray(at, end), last && end >= piece.length);
        } catch (error) {
          if (error instanceof ImportError) throw error;
          fail('corrupt', `${entry.name}: ${error instanceof Error ? error.message : 'inflate failed'}`);
        }
        if (end >= piece.length) break;
      }
    }
    ended = last;
    if (last) break;
  }
  return finish();
}

/** Counts and hashes an entry's content as it streams, refusing it the moment it outgrows its declared size. */
export function entryDigest(entry: ZipEntry, onChunk?: (chunk: Uint8Array) => void) {
  const hash = sha256.create();
  let size = 0;
  return {
    accept(chunk: Uint8Array) {
      size += chunk.byteLength;
      if (size > entry.size) fail('size-mismatch', `${entry.name}: more data than declared`);
      hash.update(chunk);
      onChunk?.(chunk);
    },
    finish(): EntryDigest {
      if (size !== entry.size) fail('size-mismatch', `${entry.name}: ${size} bytes, declared ${entry.size}`);
      return { size, sha256: hex(hash.digest()) };
    },
  };
}
