import { ZipContainer } from '../zip';
import { deflateRaw } from '../zip';
import { UTF8_NAME, dosDateTime, type EntryHeader } from '../zip';
import { throwIfCancelled, timeSlicer } from '../zip';
import { crc32Finish, crc32Start, crc32Update } from './crc32';
import type { PackageEntry } from './package';
import { entrySize } from './package-input';

export interface ZipProgress {
  entries: number;
  bytesIn: number;
}

/** CRC-32 runs over this much at a time (~1 ms) between chances to yield and to cancel. */
const CRC_SLICE = 1024 * 1024;

async function entryCrc(data: Uint8Array, between: () => Promise<void>, signal?: AbortSignal): Promise<number> {
  let state = crc32Start;
  for (let at = 0; at < data.byteLength; at += CRC_SLICE) {
    state = crc32Update(state, data.subarray(at, Math.min(at + CRC_SLICE, data.byteLength)));
    await between();
    throwIfCancelled(signal);
  }
  return crc32Finish(state);
}

/** How one entry is stored: its header fields (the name, size and time are filled in) and its bytes,
 * or, for a large stored file, its size and a reader of its slices. */
export interface EncodedEntry {
  header: Omit<EntryHeader, 'name' | 'size' | 'compressedSize' | 'dosTime' | 'dosDate'>;
  body: Uint8Array[] | { size: number; read: () => AsyncIterable<Uint8Array> };
}

const BLOB_SLICE = 8 * 1024 * 1024;

/** A Blob's bytes, a slice at a time. */
export async function* blobSlices(blob: Blob, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += BLOB_SLICE) {
    throwIfCancelled(signal);
    yield new Uint8Array(await blob.slice(at, Math.min(at + BLOB_SLICE, blob.size)).arrayBuffer());
  }
}

async function blobCrc(blob: Blob, between: () => Promise<void>, signal?: AbortSignal): Promise<number> {
  let state = crc32Start;
  for await (const slice of blobSlices(blob, signal))
    for (let at = 0; at < slice.byteLength; at += CRC_SLICE) {
      state = crc32Update(state, slice.subarray(at, Math.min(at + CRC_SLICE, slice.byteLength)));
      await between();
      throwIfCancelled(signal);
    }
  return crc32Finish(state);
}

export interface ZipOptions {
  modified: Date;
  onProgress?: (progress: ZipProgress) => void;
  signal?: AbortSignal;
}

/**
 * The loop both writers share: entries in order, each encoded (`encode` may yield through `between`),
 * added to the container and reported; cancellation checked between entries and after each encoding.
 */
export async function writeEntries(
  entries: AsyncIterable<PackageEntry>,
  sink: (chunk: Uint8Array) => void,
  options: ZipOptions,
  encode: (entry: PackageEntry, between: () => Promise<void>) => Promise<EncodedEntry>,
): Promise<void> {
  const zip = new ZipContainer(sink);
  const time = dosDateTime(options.modified);
  const encoder = new TextEncoder();
  const progress: ZipProgress = { entries: 0, bytesIn: 0 };
  const maybeYield = timeSlicer();
  for await (const entry of entries) {
    throwIfCancelled(options.signal);
    const { header, body } = await encode(entry, maybeYield);
    throwIfCancelled(options.signal);
    const fields = { ...header, name: encoder.encode(entry.path), size: entrySize(entry), ...time };
    if (Array.isArray(body))
      zip.add({ ...fields, compressedSize: body.reduce((n, part) => n + part.byteLength, 0) }, body);
    else await zip.addStreamed({ ...fields, compressedSize: body.size }, body.read());
    progress.entries++;
    progress.bytesIn += entrySize(entry);
    options.onProgress?.({ ...progress });
    await maybeYield();
  }
  zip.finish();
}

/**
 * Streams entries into a zip, handing each output chunk to `sink` as it is produced so memory stays
 * bounded by one entry plus what the sink keeps. Deflate is the platform's (`CompressionStream`);
 * stored entries (PDFs, images: nearly all of a package's bytes) cost only the CRC. `signal` cancels
 * between chunks.
 */
export function writeZip(
  entries: AsyncIterable<PackageEntry>,
  sink: (chunk: Uint8Array) => void,
  options: ZipOptions,
): Promise<void> {
  return writeEntries(entries, sink, options, async (entry, between) => {
    const { blob } = entry;
    if (blob)
      return {
        header: { method: 0, flags: UTF8_NAME, crc: await blobCrc(blob, between, options.signal) },
        body: { size: blob.size, read: () => blobSlices(blob, options.signal) },
      };
    return {
      header: {
        method: entry.compress ? 8 : 0,
        flags: UTF8_NAME,
        crc: await entryCrc(entry.data, between, options.signal),
      },
      body: entry.compress ? await deflateRaw(entry.data, between) : [entry.data],
    };
  });
}

/**
 * A `writeZip` sink that builds a Blob without holding the whole zip in JS memory: output chunks
 * (often views of an attachment's own buffer) are folded into Blob parts every few MB, which hands
 * the bytes to the browser's blob storage.
 */
export function blobSink(
  type = 'application/zip',
  foldBytes = 8 * 1024 * 1024,
): { sink: (chunk: Uint8Array) => void; blob: () => Blob } {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const fold = () => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  return {
    sink: (chunk) => {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= foldBytes) fold();
    },
    blob: () => {
      fold();
      return new Blob(parts, { type });
    },
  };
}
