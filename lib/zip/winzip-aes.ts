import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { encryptWords, expandKey, xorCounterKeystream } from './aes256';

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

const byteSwap = (x: number) => (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
/** Zip's little-endian counter blocks XOR as whole words only on little-endian CPUs (all our targets). */
const LITTLE_ENDIAN = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/**
 * AES-CTR with WinZip's counter (little-endian, starting at 1) plus the running HMAC-SHA1 of the
 * ciphertext. Chunks may have any length; the keystream continues across them.
 */
export class WinZipAesStream {
  private readonly schedule: Int32Array;
  private readonly mac: ReturnType<typeof hmac.create>;
  /** Blocks used so far; the next block's counter is one more. */
  private counter = 0;
  private readonly keystream = new Int32Array(4);
  /** The rest of the last keystream block when a chunk ended inside it. */
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
    const lead = Math.min(16 - this.spareUsed, input.byteLength);
    // Placed so that the whole blocks after the spare bytes start 4-byte aligned, for the word loop.
    const pad = (4 - (lead % 4)) % 4;
    const output = new Uint8Array(input.byteLength + pad).subarray(pad);
    output.set(input);
    this.xorKeystream(output, lead);
    if (this.direction === 'encrypt') this.mac.update(output);
    return output;
  }

  /** The first 10 bytes of the HMAC over all ciphertext so far. */
  authCode(): Uint8Array {
    return this.mac.digest().subarray(0, AUTH_CODE_BYTES);
  }

  private advance(blocks: number): number {
    // 2^32 blocks = 64 GiB per entry, far above any attachment; beyond it the counter's high word would matter.
    if (this.counter + blocks >= 2 ** 32) throw new Error('AES entry too large');
    const first = this.counter + 1;
    this.counter += blocks;
    return first;
  }

  private nextBlock(): Int32Array {
    encryptWords(this.schedule, byteSwap(this.advance(1)), 0, 0, 0, this.keystream, 0);
    return this.keystream;
  }

  private xorKeystream(data: Uint8Array, lead: number): void {
    const n = data.byteLength;
    let i = 0;
    for (; i < lead; i++) data[i] = data[i]! ^ this.spare[this.spareUsed++]!;
    const blocks = (n - i) >>> 4;
    if (LITTLE_ENDIAN && blocks > 0) {
      const words = new Int32Array(data.buffer, data.byteOffset + i, blocks * 4);
      xorCounterKeystream(this.schedule, this.advance(blocks), words, blocks);
      i += blocks * 16;
    }
    while (i < n) {
      if (this.spareUsed === 16) {
        const ks = this.nextBlock();
        for (let j = 0; j < 16; j++) this.spare[j] = ks[j >> 2]! >>> (24 - 8 * (j & 3));
        this.spareUsed = 0;
      }
      data[i] = data[i]! ^ this.spare[this.spareUsed++]!;
      i++;
    }
  }
}
