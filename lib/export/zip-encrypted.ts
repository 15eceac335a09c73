import { deflateRaw } from '../zip';
import { ENCRYPTED, UTF8_NAME } from '../zip';
import { throwIfCancelled } from '../zip';
import { AES_METHOD, AES_VERSION, SALT_BYTES, WinZipAesStream, aesExtraField, deriveKeys } from '../zip';
import type { PackageEntry } from './package-input';
import { writeEntries, type ZipOptions } from './zip';

/** Plaintext encrypted at once (~10 ms of AES + HMAC) between chances to yield and to cancel. */
const CIPHER_SLICE = 512 * 1024;

/**
 * The password-protected variant: WinZip AES-256 entries (AE-2), which 7-Zip, WinZip and zip.js open.
 * File names stay readable in any zip (the format encrypts content only); redact titles if that matters.
 */
export async function writeEncryptedZip(
  entries: AsyncIterable<PackageEntry>,
  sink: (chunk: Uint8Array) => void,
  options: ZipOptions & { password: string },
): Promise<void> {
  if (options.password.length === 0) throw new Error('empty password');
  await writeEntries(entries, sink, options, async (entry, between) => {
    // A streamed (large) file is read whole here: the encrypted entry is built in memory before it is added.
    const data = entry.blob ? new Uint8Array(await entry.blob.arrayBuffer()) : entry.data;
    const plain = entry.compress ? await deflateRaw(data, between) : [data];
    // A fresh salt per entry, as the format requires: the same key stream must never encrypt twice.
    const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
    const keys = await deriveKeys(crypto.subtle, options.password, salt);
    const cipher = new WinZipAesStream(keys, 'encrypt');
    const body: Uint8Array[] = [salt, keys.verifier];
    for (const part of plain) {
      for (let at = 0; at < part.byteLength; at += CIPHER_SLICE) {
        body.push(cipher.update(part.subarray(at, Math.min(at + CIPHER_SLICE, part.byteLength))));
        await between();
        throwIfCancelled(options.signal);
      }
    }
    body.push(cipher.authCode());
    return {
      header: {
        method: AES_METHOD,
        flags: UTF8_NAME | ENCRYPTED,
        // AE-2 leaves the CRC out: it would leak a checksum of the plaintext; the HMAC authenticates instead.
        crc: 0,
        extra: aesExtraField(entry.compress ? 8 : 0),
        version: AES_VERSION,
      },
      body,
    };
  });
}
