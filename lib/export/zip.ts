import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { PackageEntry } from './package';

export interface ZipProgress {
  entries: number;
  bytesIn: number;
}

const CHUNK = 1024 * 1024;

/** Lets the page paint and handle input between chunks; the deflater itself is synchronous. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
  for await (const entry of entries) {
    if (options.signal?.aborted) {
      zip.terminate();
      throw new DOMException('Export cancelled', 'AbortError');
    }
    const file = entry.compress ? new ZipDeflate(entry.path, { level: 6 }) : new ZipPassThrough(entry.path);
    file.mtime = options.modified;
    zip.add(file);
    for (let offset = 0; offset < entry.data.byteLength || offset === 0; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, entry.data.byteLength);
      file.push(entry.data.subarray(offset, end), end >= entry.data.byteLength);
      progress.bytesIn += end - offset;
      if (failure) throw failure;
      if (end - offset === CHUNK) await yieldToEventLoop();
      if (end >= entry.data.byteLength) break;
    }
    progress.entries++;
    options.onProgress?.({ ...progress });
    await yieldToEventLoop();
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error('zip did not finish');
}
