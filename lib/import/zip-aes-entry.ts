import { AUTH_CODE_BYTES, AES_OVERHEAD, SALT_BYTES, VERIFIER_BYTES, WinZipAesStream, deriveKeys } from '../zip';
import { fail } from './import-error';
import type { ZipEntry } from './zip-directory';
import { entryDigest, readContent, sourceRange, type EntryDigest } from './zip-entry';
import { zipSource } from './zip-source';

export interface AesEntryReader {
  read(entry: ZipEntry, onChunk?: (chunk: Uint8Array) => void): Promise<EntryDigest>;
  close(): Promise<void>;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * Decrypts WinZip AES entries (what our password-protected packages hold). Used only after
 * `readZipDirectory` has vetted the archive's structure. The password verifier is checked before any
 * decryption (`wrong-password`), and the authentication code over the whole ciphertext before the
 * entry is accepted (`corrupt`); the digest enforces the declared size while the plaintext streams.
 */
export async function aesEntryReader(data: Blob | Uint8Array, password: string): Promise<AesEntryReader> {
  const source = zipSource(data);
  return {
    async read(entry, onChunk) {
      if (entry.compressedSize < AES_OVERHEAD) fail('corrupt', `${entry.name}: too short for AES`);
      const header = await source.read(entry.dataOffset, SALT_BYTES + VERIFIER_BYTES);
      if (header.byteLength < SALT_BYTES + VERIFIER_BYTES) fail('truncated', entry.name);
      const keys = await deriveKeys(crypto.subtle, password, header.slice(0, SALT_BYTES));
      if (!sameBytes(keys.verifier, header.subarray(SALT_BYTES))) fail('wrong-password', entry.name);
      const start = entry.dataOffset + SALT_BYTES + VERIFIER_BYTES;
      const length = entry.compressedSize - AES_OVERHEAD;
      const cipher = new WinZipAesStream(keys, 'decrypt');
      async function* plaintext() {
        for await (const piece of sourceRange(source, start, length, entry.name)) yield cipher.update(piece);
      }
      const digest = entryDigest(entry, onChunk);
      await readContent(plaintext(), entry, digest.accept);
      const stored = await source.read(start + length, AUTH_CODE_BYTES);
      if (!sameBytes(cipher.authCode(), stored)) fail('corrupt', `${entry.name}: authentication code mismatch`);
      return digest.finish();
    },
    close: async () => undefined,
  };
}
