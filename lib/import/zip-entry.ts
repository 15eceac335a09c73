import { sha256 } from '@noble/hashes/sha2.js';
import { inflateRaw } from '../zip';
import { ImportError, fail } from './import-error';
import type { ZipEntry } from './zip-directory';
import type { ZipSource } from './zip-source';
import { sha256Hex } from '../core/hash';

const READ_CHUNK = 1024 * 1024;

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
  const digest = entryDigest(entry, onChunk);
  await readContent(sourceRange(source, entry.dataOffset, entry.compressedSize, entry.name), entry, digest.accept);
  return digest.finish();
}

/**
 * An (unencrypted) entry's content in one buffer of its declared size; never more bytes than declared,
 * never fewer.
 */
export async function readEntryBytes(source: ZipSource, entry: ZipEntry): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(entry.size);
  let size = 0;
  await readEntryChunks(source, entry, (chunk) => {
    bytes.set(chunk, size);
    size += chunk.byteLength;
  });
  return bytes;
}

/** An (unencrypted) entry's content piece by piece, checked against its declared size as it comes. */
export async function readEntryChunks(
  source: ZipSource,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  let size = 0;
  const accept = (chunk: Uint8Array) => {
    if (size + chunk.byteLength > entry.size) fail('size-mismatch', `${entry.name}: more data than declared`);
    size += chunk.byteLength;
    onChunk(chunk);
  };
  await readContent(sourceRange(source, entry.dataOffset, entry.compressedSize, entry.name), entry, accept);
  if (size !== entry.size) fail('size-mismatch', `${entry.name}: ${size} bytes, declared ${entry.size}`);
}

/**
 * Reads a whole entry and hashes it with the platform's native SHA-256: for attachments, which are
 * kept whole anyway, this is ~10x faster than streaming them through the pure-JS hash.
 */
export async function readEntryWhole(
  source: ZipSource,
  entry: ZipEntry,
): Promise<EntryDigest & { bytes: Uint8Array<ArrayBuffer> }> {
  const bytes = await readEntryBytes(source, entry);
  return { size: bytes.byteLength, sha256: await sha256Hex(bytes), bytes };
}

/** `length` bytes of the zip from `offset`, a megabyte at a time; a short read means the file was cut. */
export async function* sourceRange(
  source: ZipSource,
  offset: number,
  length: number,
  name: string,
): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < length; at += READ_CHUNK) {
    const wanted = Math.min(READ_CHUNK, length - at);
    const piece = await source.read(offset + at, wanted);
    if (piece.byteLength < wanted) fail('truncated', name);
    yield piece;
  }
}

/** An entry's stored or deflated bytes to its content; inflate failures become `corrupt`. */
export async function readContent(
  stored: AsyncIterable<Uint8Array>,
  entry: ZipEntry,
  accept: (chunk: Uint8Array) => void,
): Promise<void> {
  if (entry.method !== 8) {
    for await (const piece of stored) accept(piece);
    return;
  }
  try {
    await inflateRaw(stored, accept);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    fail('corrupt', `${entry.name}: ${error instanceof Error ? error.message : 'inflate failed'}`);
  }
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
