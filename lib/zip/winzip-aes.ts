import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { encryptWords, expandKey } from './aes256';

/**
 * WinZip AES-256, version AE-2 (https://www.winzip.com/en/support/aes-encryption/): an entry's data is
 * salt (16) + password verifier (2) + AES-CTR ciphertext + HMAC-SHA1 authentication code (10), keys
 * from PBKDF2-HMAC-SHA1 with 1000 iterations. 7-Zip, WinZip and zip.js read it.
 */
export const AES_METHOD = 99;
export const SALT_BYTES = 16;
export const VERIFIER_BYTES = 2;
export const AUTH_CODE_BYTES = 10;
/** Bytes an encrypted entry adds around its (compressed) content. */
export const AES_OVERHEAD = SALT_BYTES + VERIFIER_BYTES + AUTH_CODE_BYTES;
/** Version needed to extract an AES entry (APPNOTE 5.1). */
export const AES_VERSION = 51;

export interface WinZipAesKeys {
  cipherKey: Uint8Array;
  macKey: Uint8Array;
  verifier: Uint8Array;
}

export async function deriveKeys(subtle: SubtleCrypto, password: string, salt: Uint8Array): Promise<WinZipAesKeys> {
  const material = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-1', salt: salt as Uint8Array<ArrayBuffer>, iterations: 1000 },
      material,
      (32 + 32 + VERIFIER_BYTES) * 8,
    ),
  );
  return { cipherKey: bits.subarray(0, 32), macKey: bits.subarray(32, 64), verifier: bits.subarray(64) };
}

/** The 0x9901 extra field: vendor version 2 (AE-2), vendor "AE", strength 3 (AES-256), the real method. */
export function aesExtraField(method: 0 | 8): Uint8Array {
  const out = new Uint8Array(11);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0x9901, true);
  v.setUint16(2, 7, true);
  v.setUint16(4, 2, true);
  out[6] = 0x41; // 'A'
  out[7] = 0x45; // 'E'
  out[8] = 3;
  v.setUint16(9, method, true);
  return out;
}

const byteSwap = (x: number) => ((x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;

/**
 * AES-CTR with WinZip's counter (little-endian, starting at 1) plus the running HMAC-SHA1 of the
 * ciphertext. Chunks may have any length; the keystream continues across them.
 */
export class WinZipAesStream {
  private readonly schedule: Uint32Array;
  private readonly mac: ReturnType<typeof hmac.create>;
  private counter = 0;
  private readonly keystream = new Uint32Array(4);
  private readonly spare = new Uint8Array(16);
  private spareUsed = 16;

  constructor(
    keys: WinZipAesKeys,
    private readonly direction: 'encrypt' | 'decrypt',
  ) {
    this.schedule = expandKey(keys.cipherKey);
    this.mac = hmac.create(sha1, keys.macKey);
  }

  update(input: Uint8Array): Uint8Array {
    if (this.direction === 'decrypt') this.mac.update(input);
    const output = new Uint8Array(input.byteLength);
    this.xorKeystream(input, output);
    if (this.direction === 'encrypt') this.mac.update(output);
    return output;
  }

  /** The first 10 bytes of the HMAC over all ciphertext so far. */
  authCode(): Uint8Array {
    return this.mac.digest().subarray(0, AUTH_CODE_BYTES);
  }

  private nextBlock(): void {
    this.counter++;
    const low = this.counter % 0x100000000;
    const high = Math.floor(this.counter / 0x100000000);
    encryptWords(this.schedule, byteSwap(low), byteSwap(high), 0, 0, this.keystream, 0);
  }

  private xorKeystream(input: Uint8Array, output: Uint8Array): void {
    const n = input.byteLength;
    let i = 0;
    while (this.spareUsed < 16 && i < n) output[i] = input[i++]! ^ this.spare[this.spareUsed++]!;
    const ks = this.keystream;
    for (; i + 16 <= n; i += 16) {
      this.nextBlock();
      const a = ks[0]!;
      const b = ks[1]!;
      const c = ks[2]!;
      const d = ks[3]!;
      output[i] = input[i]! ^ (a >>> 24);
      output[i + 1] = input[i + 1]! ^ (a >>> 16);
      output[i + 2] = input[i + 2]! ^ (a >>> 8);
      output[i + 3] = input[i + 3]! ^ a;
      output[i + 4] = input[i + 4]! ^ (b >>> 24);
      output[i + 5] = input[i + 5]! ^ (b >>> 16);
      output[i + 6] = input[i + 6]! ^ (b >>> 8);
      output[i + 7] = input[i + 7]! ^ b;
      output[i + 8] = input[i + 8]! ^ (c >>> 24);
      output[i + 9] = input[i + 9]! ^ (c >>> 16);
      output[i + 10] = input[i + 10]! ^ (c >>> 8);
      output[i + 11] = input[i + 11]! ^ c;
      output[i + 12] = input[i + 12]! ^ (d >>> 24);
      output[i + 13] = input[i + 13]! ^ (d >>> 16);
      output[i + 14] = input[i + 14]! ^ (d >>> 8);
      output[i + 15] = input[i + 15]! ^ d;
    }
    if (i < n) {
      this.nextBlock();
      for (let j = 0; j < 4; j++) {
        this.spare[4 * j] = ks[j]! >>> 24;
        this.spare[4 * j + 1] = ks[j]! >>> 16;
        this.spare[4 * j + 2] = ks[j]! >>> 8;
        this.spare[4 * j + 3] = ks[j]!;
      }
      this.spareUsed = 0;
      while (i < n) output[i] = input[i++]! ^ this.spare[this.spareUsed++]!;
    }
  }
}
