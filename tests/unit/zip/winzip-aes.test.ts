// @vitest-environment node
import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WinZipAesStream, deriveKeys } from '../../../lib/zip/winzip-aes';

/** WinZip's key stream from OpenSSL: AES-256-ECB over little-endian counters 1, 2, 3, ... */
function referenceKeystream(key: Uint8Array, length: number): Buffer {
  const blocks = Math.ceil(length / 16);
  const counters = Buffer.alloc(blocks * 16);
  for (let i = 0; i < blocks; i++) counters.writeBigUInt64LE(BigInt(i + 1), i * 16);
  return createCipheriv('aes-256-ecb', key, null).setAutoPadding(false).update(counters).subarray(0, length);
}

describe('WinZip AES (AE-2) primitives', () => {
  it('derives the AES key, HMAC key and verifier as PBKDF2-HMAC-SHA1 x1000 (66 bytes)', async () => {
    const salt = randomBytes(16);
    const keys = await deriveKeys(crypto.subtle, 'pässword', salt);
    const reference = pbkdf2Sync(Buffer.from('pässword', 'utf8'), salt, 1000, 66, 'sha1');
    expect(Buffer.from(keys.cipherKey)).toEqual(reference.subarray(0, 32));
    expect(Buffer.from(keys.macKey)).toEqual(reference.subarray(32, 64));
    expect(Buffer.from(keys.verifier)).toEqual(reference.subarray(64, 66));
  });

  it('encrypts with the little-endian counter from 1 across any chunking, and authenticates the ciphertext', async () => {
    const keys = await deriveKeys(crypto.subtle, 'secret', randomBytes(16));
    const plain = randomBytes(100_003);
    const expected = Buffer.from(referenceKeystream(keys.cipherKey, plain.length).map((k, i) => k ^ plain[i]!));
    const encrypter = new WinZipAesStream(keys, 'encrypt');
    const pieces: Uint8Array[] = [];
    for (let at = 0, step = 1; at < plain.length; at += step, step = (step * 7 + 3) % 5000) {
      pieces.push(encrypter.update(plain.subarray(at, Math.min(at + step, plain.length))));
    }
    const cipher = Buffer.concat(pieces);
    expect(cipher.equals(expected)).toBe(true);
    const mac = createHmac('sha1', keys.macKey).update(cipher).digest().subarray(0, 10);
    expect(Buffer.from(encrypter.authCode())).toEqual(mac);

    const decrypter = new WinZipAesStream(keys, 'decrypt');
    const back = Buffer.concat([decrypter.update(cipher.subarray(0, 777)), decrypter.update(cipher.subarray(777))]);
    expect(back.equals(plain)).toBe(true);
    expect(Buffer.from(decrypter.authCode())).toEqual(mac);
  });

  it('does not modify its input', async () => {
    const keys = await deriveKeys(crypto.subtle, 'secret', randomBytes(16));
    const plain = randomBytes(64);
    const copy = Buffer.from(plain);
    new WinZipAesStream(keys, 'encrypt').update(plain);
    expect(plain.equals(copy)).toBe(true);
  });
});
