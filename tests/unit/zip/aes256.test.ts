// @vitest-environment node
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptBlock } from '../../../lib/zip/aes256';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('AES-256 block cipher', () => {
  it('matches FIPS-197 appendix C.3', () => {
    const key = hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
    expect(toHex(encryptBlock(key, hex('00112233445566778899aabbccddeeff')))).toBe('8ea2b7ca516745bfeafc49904b496089');
  });

  it('matches NIST SP 800-38A F.5.5 (CTR-AES256.Encrypt), counter blocks encrypted one by one', () => {
    const key = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
    const vectors = [
      ['f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', '6bc1bee22e409f96e93d7e117393172a', '601ec313775789a5b7a7f504bbf3d228'],
      ['f0f1f2f3f4f5f6f7f8f9fafbfcfdff00', 'ae2d8a571e03ac9c9eb76fac45af8e51', 'f443e3ca4d62b59aca84e990cacaf5c5'],
      ['f0f1f2f3f4f5f6f7f8f9fafbfcfdff01', '30c81c46a35ce411e5fbc1191a0a52ef', '2b0930daa23de94ce87017ba2d84988d'],
      ['f0f1f2f3f4f5f6f7f8f9fafbfcfdff02', 'f69f2445df4f9b17ad2b417be66c3710', 'dfc9c58db67aada613c2dd08457941a6'],
    ];
    for (const [counter, plain, cipher] of vectors) {
      const keystream = encryptBlock(key, hex(counter!));
      expect(toHex(keystream.map((k, i) => k ^ hex(plain!)[i]!))).toBe(cipher);
    }
  });

  it('agrees with OpenSSL (node:crypto aes-256-ecb) on random keys and blocks', () => {
    for (let n = 0; n < 50; n++) {
      const key = randomBytes(32);
      const block = randomBytes(16);
      const openssl = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false).update(block);
      expect(toHex(encryptBlock(key, block))).toBe(openssl.toString('hex'));
    }
  });
});
