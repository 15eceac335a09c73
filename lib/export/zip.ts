import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { crc32Finish, crc32Start, crc32Update } from './crc32';
import type { PackageEntry } from './package';

/**
 * A stored (not deflated) zip entry, as fflate's ZipPassThrough but with the fast CRC-32: stored files
 * are the PDFs and images, i.e. nearly all of a package's bytes.
 */
class StoredEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 0;
  mtime?: Date;
  ondata?: AsyncFlateStreamHandler;
  private state = crc32Start;

  constructor(readonly filename: string) {}

  push(chunk: Uint8Array, final: boolean): void {
    if (!this.ondata) throw new Error('entry not added to a zip');
    this.state = crc32Update(this.state, chunk);
    this.size += chunk.length;
    if (final) this.crc = crc32Finish(this.state);
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}

export interface ZipProgress {
  entries: number;
  bytesIn: number;
}

const CHUNK = 1024 * 1024;

/** Work done between two yields: long enough that yielding costs little, short enough for a 60 Hz page. */
const SLICE_MS = 10;

type Yielder = () => Promise<void>;
/** `scheduler.yield()` where the browser has it (no 4 ms timer clamping), else a zero timeout. */
const yieldToEventLoop: Yielder = (() => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? () => scheduler.yield!() : () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();

/**
 * Lets the page paint and handle input once per time slice; the deflater itself is synchronous.
 * Yielding after every chunk or entry instead cost 4 ms each (nested-timer clamping): seconds on a
 * package of thousands of small files.
 */
function timeSlicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}

/**
 * Streams entries into a zip, handing each output chunk to `sink` as it is produced so memory stays
 * bounded by the chunk size plus what the sink keeps. `signal` cancels between chunks.
 */
export async function writeZip(
  entries: AsyncIterable<PackageEntry>,
  sink: (chunk: Uint8Array) => void,
  options: { modified: Date; onProgress?: (progress: ZipProgress) => void; signal?: AbortSignal },
): Promise<void> {
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else sink(chunk);
    if (final) finished = true;
  });
  const progress: ZipProgress = { entries: 0, bytesIn: 0 };
  const maybeYield = timeSlicer();
  for await (const entry of entries) {
    if (options.signal?.aborted) {
      zip.terminate();
      throw new DOMException('Export cancelled', 'AbortError');
    }
    const file = entry.compress ? new ZipDeflate(entry.path, { level: 6 }) : new StoredEntry(entry.path);
    file.mtime = options.modified;
    zip.add(file);
    for (let offset = 0; offset < entry.data.byteLength || offset === 0; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, entry.data.byteLength);
      file.push(entry.data.subarray(offset, end), end >= entry.data.byteLength);
      progress.bytesIn += end - offset;
      if (failure) throw failure;
      if (end - offset === CHUNK) await maybeYield();
      if (end >= entry.data.byteLength) break;
    }
    progress.entries++;
    options.onProgress?.({ ...progress });
    await maybeYield();
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error('zip did not finish');
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
