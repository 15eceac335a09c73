import { Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import type { PackageEntry } from './package-input';
import type { ZipProgress } from './zip';

/**
 * The password-protected variant: WinZip AES-256 entries (AE-2), which 7-Zip, WinZip, macOS Archive
 * Utility alternatives and zip.js open. fflate cannot encrypt, so only this path uses zip.js.
 * File names stay readable in any zip (the format encrypts content only); redact titles if that matters.
 */
export async function writeEncryptedZip(
  entries: AsyncIterable<PackageEntry>,
  sink: (chunk: Uint8Array) => void,
  options: { password: string; modified: Date; onProgress?: (progress: ZipProgress) => void; signal?: AbortSignal },
): Promise<void> {
  if (options.password.length === 0) throw new Error('empty password');
  const writable = new WritableStream<Uint8Array>({ write: (chunk) => sink(chunk) });
  const zip = new ZipWriter(writable, {
    password: options.password,
    encryptionStrength: 3,
    zipCrypto: false,
    // Extension pages forbid the blob: workers zip.js would start; the work is chunked anyway.
    useWebWorkers: false,
    lastModDate: options.modified,
    extendedTimestamp: false,
  });
  const progress: ZipProgress = { entries: 0, bytesIn: 0 };
  try {
    for await (const entry of entries) {
      if (options.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
      await zip.add(entry.path, new Uint8ArrayReader(entry.data), {
        level: entry.compress ? 6 : 0,
        signal: options.signal,
      });
      progress.entries++;
      progress.bytesIn += entry.data.byteLength;
      options.onProgress?.({ ...progress });
    }
    await zip.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}
