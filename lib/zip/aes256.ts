/**
 * AES-256 encryption of single blocks (FIPS-197), table-driven. Only the forward cipher: WinZip AES
 * uses CTR mode, which decrypts by encrypting the counter too. WebCrypto's AES-CTR cannot be used
 * because it increments the counter big-endian and WinZip's counter is little-endian.
 */
const SBOX = new Uint8Array(256);
/** Round tables: SubBytes, ShiftRows and MixColumns of one byte, rotated for each row. */
const T0 = new Int32Array(256);
const T1 = new Int32Array(256);
const T2 = new Int32Array(256);
const T3 = new Int32Array(256);

(() => {
  const xtime = (b: number) => ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;
  // The S-box from the multiplicative inverse in GF(2^8) and the affine map, walking generator 3.
  let p = 1;
  let q = 1;
  do {
    p = p ^ xtime(p);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const rot = (b: number, n: number) => ((b << n) | (b >>> (8 - n))) & 0xff;
    SBOX[p] = q ^ rot(q, 1) ^ rot(q, 2) ^ rot(q, 3) ^ rot(q, 4) ^ 0x63;
  } while (p !== 1);
  SBOX[0] = 0x63;
  for (let x = 0; x < 256; x++) {
    const s = SBOX[x]!;
    const word = (xtime(s) << 24) | (s << 16) | (s << 8) | (xtime(s) ^ s);
    T0[x] = word;
    T1[x] = (word >>> 8) | (word << 24);
    T2[x] = (word >>> 16) | (word << 16);
    T3[x] = (word >>> 24) | (word << 8);
  }
})();

const ROUNDS = 14;

const subWord = (w: number) =>
  ((SBOX[w >>> 24]! << 24) | (SBOX[(w >>> 16) & 0xff]! << 16) | (SBOX[(w >>> 8) & 0xff]! << 8) | SBOX[w & 0xff]!) >>> 0;

/** The 60-word key schedule of a 32-byte key, plus the last round key byte-swapped for `xorCounterKeystream`. */
export function expandKey(key: Uint8Array): Int32Array {
  if (key.length !== 32) throw new Error('AES-256 needs a 32-byte key');
  const w = new Int32Array(4 * (ROUNDS + 1) + 4);
  for (let i = 0; i < 8; i++)
    w[i] = (key[4 * i]! << 24) | (key[4 * i + 1]! << 16) | (key[4 * i + 2]! << 8) | key[4 * i + 3]!;
  let rcon = 1;
  for (let i = 8; i < 4 * (ROUNDS + 1); i++) {
    let t = w[i - 1]!;
    if (i % 8 === 0) {
      t = subWord(((t << 8) | (t >>> 24)) >>> 0) ^ (rcon << 24);
      rcon = ((rcon << 1) ^ (rcon & 0x80 ? 0x1b : 0)) & 0xff;
    } else if (i % 8 === 4) {
      t = subWord(t);
    }
    w[i] = w[i - 8]! ^ t;
  }
  for (let i = 0; i < 4; i++) {
    const x = w[4 * ROUNDS + i]!;
    w[4 * (ROUNDS + 1) + i] = (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
  }
  return w;
}

/**
 * Encrypts the block given as four big-endian words (s0..s3) into `out[at..at+3]`, also as words.
 * Words, not bytes, because CTR mode builds its counter block and XORs the result as words.
 */
export function encryptWords(
  w: Int32Array,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  out: Int32Array,
  at: number,
): void {
  // Locals, not module bindings, in the hot loop: V8 then keeps the tables in registers.
  const a = T0;
  const b = T1;
  const c = T2;
  const d = T3;
  s0 ^= w[0]!;
  s1 ^= w[1]!;
  s2 ^= w[2]!;
  s3 ^= w[3]!;
  let k = 4;
  for (let round = 1; round < ROUNDS; round++, k += 4) {
    const t0 = a[s0 >>> 24]! ^ b[(s1 >>> 16) & 0xff]! ^ c[(s2 >>> 8) & 0xff]! ^ d[s3 & 0xff]! ^ w[k]!;
    const t1 = a[s1 >>> 24]! ^ b[(s2 >>> 16) & 0xff]! ^ c[(s3 >>> 8) & 0xff]! ^ d[s0 & 0xff]! ^ w[k + 1]!;
    const t2 = a[s2 >>> 24]! ^ b[(s3 >>> 16) & 0xff]! ^ c[(s0 >>> 8) & 0xff]! ^ d[s1 & 0xff]! ^ w[k + 2]!;
    const t3 = a[s3 >>> 24]! ^ b[(s0 >>> 16) & 0xff]! ^ c[(s1 >>> 8) & 0xff]! ^ d[s2 & 0xff]! ^ w[k + 3]!;
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
  }
  const S = SBOX;
  out[at] =
    ((S[s0 >>> 24]! << 24) | (S[(s1 >>> 16) & 0xff]! << 16) | (S[(s2 >>> 8) & 0xff]! << 8) | S[s3 & 0xff]!) ^ w[k]!;
  out[at + 1] =
    ((S[s1 >>> 24]! << 24) | (S[(s2 >>> 16) & 0xff]! << 16) | (S[(s3 >>> 8) & 0xff]! << 8) | S[s0 & 0xff]!) ^ w[k + 1]!;
  out[at + 2] =
    ((S[s2 >>> 24]! << 24) | (S[(s3 >>> 16) & 0xff]! << 16) | (S[(s0 >>> 8) & 0xff]! << 8) | S[s1 & 0xff]!) ^ w[k + 2]!;
  out[at + 3] =
    ((S[s3 >>> 24]! << 24) | (S[(s0 >>> 16) & 0xff]! << 16) | (S[(s1 >>> 8) & 0xff]! << 8) | S[s2 & 0xff]!) ^ w[k + 3]!;
}

/**
 * CTR mode's hot loop in one function (no call, no store and reload per block): XORs the encryption of
 * `count` consecutive counter blocks into `words`, four little-endian words per block. Counter blocks are
 * WinZip's: a 64-bit little-endian block number in the first 8 bytes, zeros after; `first` is the
 * number of the first block (below 2^32 here: a 64 GiB entry).
 */
export function xorCounterKeystream(w: Int32Array, first: number, words: Int32Array, count: number): void {
  const a = T0;
  const b = T1;
  const c = T2;
  const d = T3;
  const S = SBOX;
  for (let block = 0; block < count; block++) {
    const n = (first + block) | 0;
    let s0 = ((n << 24) | ((n & 0xff00) << 8) | ((n >>> 8) & 0xff00) | (n >>> 24)) ^ w[0]!;
    let s1 = w[1]!;
    let s2 = w[2]!;
    let s3 = w[3]!;
    let k = 4;
    for (let round = 1; round < ROUNDS; round++, k += 4) {
      const t0 = a[s0 >>> 24]! ^ b[(s1 >>> 16) & 0xff]! ^ c[(s2 >>> 8) & 0xff]! ^ d[s3 & 0xff]! ^ w[k]!;
      const t1 = a[s1 >>> 24]! ^ b[(s2 >>> 16) & 0xff]! ^ c[(s3 >>> 8) & 0xff]! ^ d[s0 & 0xff]! ^ w[k + 1]!;
      const t2 = a[s2 >>> 24]! ^ b[(s3 >>> 16) & 0xff]! ^ c[(s0 >>> 8) & 0xff]! ^ d[s1 & 0xff]! ^ w[k + 2]!;
      const t3 = a[s3 >>> 24]! ^ b[(s0 >>> 16) & 0xff]! ^ c[(s1 >>> 8) & 0xff]! ^ d[s2 & 0xff]! ^ w[k + 3]!;
      s0 = t0;
      s1 = t1;
      s2 = t2;
      s3 = t3;
    }
    // Last round straight into little-endian byte order: byte 0 of the block is the low byte of the word.
    const at = 4 * block;
    words[at] =
      words[at]! ^
      (S[s0 >>> 24]! | (S[(s1 >>> 16) & 0xff]! << 8) | (S[(s2 >>> 8) & 0xff]! << 16) | (S[s3 & 0xff]! << 24)) ^
      w[k + 4]!;
    words[at + 1] =
      words[at + 1]! ^
      (S[s1 >>> 24]! | (S[(s2 >>> 16) & 0xff]! << 8) | (S[(s3 >>> 8) & 0xff]! << 16) | (S[s0 & 0xff]! << 24)) ^
      w[k + 5]!;
    words[at + 2] =
      words[at + 2]! ^
      (S[s2 >>> 24]! | (S[(s3 >>> 16) & 0xff]! << 8) | (S[(s0 >>> 8) & 0xff]! << 16) | (S[s1 & 0xff]! << 24)) ^
      w[k + 6]!;
    words[at + 3] =
      words[at + 3]! ^
      (S[s3 >>> 24]! | (S[(s0 >>> 16) & 0xff]! << 8) | (S[(s1 >>> 8) & 0xff]! << 16) | (S[s2 & 0xff]! << 24)) ^
      w[k + 7]!;
  }
}

/** One 16-byte block, for tests against the FIPS-197 vectors. */
export function encryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const word = (i: number) => (block[i]! << 24) | (block[i + 1]! << 16) | (block[i + 2]! << 8) | block[i + 3]!;
  const out = new Int32Array(4);
  encryptWords(expandKey(key), word(0), word(4), word(8), word(12), out, 0);
  const bytes = new Uint8Array(16);
  out.forEach((w, i) => {
    bytes[4 * i] = w >>> 24;
    bytes[4 * i + 1] = w >>> 16;
    bytes[4 * i + 2] = w >>> 8;
    bytes[4 * i + 3] = w;
  });
  return bytes;
}
