import { BlobReader, ERR_INVALID_PASSWORD, Uint8ArrayReader, ZipReader, type Entry } from '@zip.js/zip.js';
import { ImportError, fail } from './import-error';
import type { ZipEntry } from './zip-directory';
import { entryDigest, type EntryDigest } from './zip-entry';

export interface AesEntryReader {
  read(entry: ZipEntry, onChunk?: (chunk: Uint8Array) => void): Promise<EntryDigest>;
  close(): Promise<void>;
}

/**
 * Decrypts WinZip AES entries with zip.js, which also checks each entry's authentication code. Used
 * only after `readZipDirectory` has vetted the archive's structure; our own digest still enforces the
 * declared size while the plaintext streams.
 */
export async function aesEntryReader(data: Blob | Uint8Array, password: string): Promise<AesEntryReader> {
  const reader = new ZipReader(data instanceof Uint8Array ? new Uint8ArrayReader(data) : new BlobReader(data), {
    password,
    useWebWorkers: false,
  });
  const byName = new Map<string, Entry>();
  for (const entry of await reader.getEntries()) byName.set(entry.filename, entry);
  return {
    async read(entry, onChunk) {
      const source = byName.get(entry.name);
      if (!source || source.directory) return fail('corrupt', `${entry.name}: not found by the decrypter`);
      const digest = entryDigest(entry, onChunk);
      let refused: ImportError | undefined;
      const writable = new WritableStream<Uint8Array>({
        write(chunk) {
          try {
            digest.accept(chunk);
          } catch (error) {
            refused = error instanceof ImportError ? error : undefined;
            throw error;
          }
        },
      });
      try {
        await source.getData(writable, { password, useWebWorkers: false });
      } catch (error) {
        if (refused) throw refused;
        if (error instanceof ImportError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        fail(message === ERR_INVALID_PASSWORD ? 'wrong-password' : 'corrupt', `${entry.name}: ${message}`);
      }
      return digest.finish();
    },
    close: () => reader.close(),
  };
}
