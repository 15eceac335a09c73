// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../../lib/import/package-import';
import { unsafePathReason } from '../../../lib/import/zip-directory';
import { rawZip, type RawEntry } from '../helpers/zip-build';
import { THIRD_PARTY } from '../../harness/shared';

const ARCHIVES = `${THIRD_PARTY}/archives`;
const code = async (data: Uint8Array | Blob, limits = {}) => {
  const result = await readPackage(data, limits);
  return result.ok ? 'ok' : result.error.code;
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe('hostile archives (third-party fixtures)', () => {
  it('refuses zip-slip.zip (../../../tmp/evil.txt) as unsafe-path', async () => {
    const started = performance.now();
    const result = await readPackage(new Uint8Array(readFileSync(`${ARCHIVES}/zip-slip.zip`)));
    expect(result).toMatchObject({ ok: false, error: { code: 'unsafe-path' } });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses zbsm.zip (250 overlapping entries declaring ~5.5 GB) within seconds, without inflating it', async () => {
    const file = new Uint8Array(readFileSync(`${ARCHIVES}/zbsm.zip`));
    const started = performance.now();
    expect(await code(file)).toBe('compression-ratio');
    expect(await code(file, { maxRatio: 1e9 })).toBe('too-large');
    // Under a limit it would fit, the overlap itself is what gives it away.
    expect(await code(file, { maxTotalBytes: 8 * 1024 ** 3, maxRatio: 1e9 })).toBe('overlapping-entries');
    expect(await code(new Blob([file]), { maxTotalBytes: 8 * 1024 ** 3, maxRatio: 1e9 })).toBe('overlapping-entries');
    const elapsed = performance.now() - started;
    console.info(`zbsm.zip refused 4 times in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('generated hostile archives', () => {
  it.each([
    ['../evil.txt'],
    ['a/../../evil.txt'],
    ['/etc/passwd'],
    ['C:/Windows/evil.txt'],
    ['c:evil.txt'],
    ['records\\..\\..\\evil.txt'],
    ['a//b.txt'],
    ['./a.txt'],
  ])('refuses the name %j', async (name) => {
    expect(await code(rawZip([{ name, data: bytes('x') }]))).toBe('unsafe-path');
  });

  it('refuses a NUL byte hidden in a name', async () => {
    const name = new Uint8Array([...bytes('evil.txt'), 0, ...bytes('.pdf')]);
    expect(await code(rawZip([{ name, data: bytes('x') }]))).toBe('unsafe-path');
  });

  it('refuses symlink entries (unix mode 0120777)', async () => {
    expect(await code(rawZip([{ name: 'link', data: bytes('/etc/passwd'), unixMode: 0o120777 }]))).toBe('symlink');
    expect(await code(rawZip([{ name: 'fifo', unixMode: 0o010644 }]))).toBe('unsafe-path');
  });

  it('refuses duplicate names, also differing only in case, and a file used as a folder', async () => {
    expect(
      await code(
        rawZip([
          { name: 'a.txt', data: bytes('1') },
          { name: 'a.txt', data: bytes('2') },
        ]),
      ),
    ).toBe('duplicate-entry');
    expect(
      await code(
        rawZip([
          { name: 'A.TXT', data: bytes('1') },
          { name: 'a.txt', data: bytes('2') },
        ]),
      ),
    ).toBe('duplicate-entry');
    expect(
      await code(
        rawZip([
          { name: 'a', data: bytes('1') },
          { name: 'a/b', data: bytes('2') },
        ]),
      ),
    ).toBe('duplicate-entry');
  });

  it('refuses entries that share bytes', async () => {
    const entries: RawEntry[] = [
      { name: 'a.txt', data: bytes('hello') },
      { name: 'b.txt', sameOffsetAs: 0, data: bytes('hello') },
    ];
    expect(await code(rawZip(entries))).toBe('corrupt'); // b's central name does not match a's local header
    // b's local header hidden inside a's data: both headers are valid, the byte ranges overlap.
    const inner = rawZip([{ name: 'b.txt', data: bytes('hello') }]).subarray(0, 30 + 5 + 5);
    const nested = rawZip([
      { name: 'a.txt', data: inner },
      { name: 'b.txt', data: bytes('hello'), localOffset: 30 + 5 },
    ]);
    expect(await code(nested)).toBe('overlapping-entries');
  });

  it('refuses a deflate bomb by its ratio and by the declared total, before inflating', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = rawZip([{ name: 'zeros.bin', data: zeros, deflate: true }]);
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    expect(await code(bomb)).toBe('compression-ratio');
    expect(await code(bomb, { maxRatio: 1e9, maxTotalBytes: 1024 * 1024 })).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops inflating as soon as an entry grows past its declared size', async () => {
    const liar = rawZip([
      { name: 'data/manifest.json', data: new Uint8Array(32 * 1024 * 1024), deflate: true, declaredSize: 100 },
    ]);
    const started = performance.now();
    expect(await code(liar)).toBe('size-mismatch');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('asks for a password for encrypted entries, and refuses weak ZipCrypto even with one', async () => {
    const zipCrypto = rawZip([{ name: 'data/manifest.json', data: bytes('{}'), flags: 1 }]);
    expect(await code(zipCrypto)).toBe('encrypted');
    expect(await code(zipCrypto, { password: 'secret' })).toBe('unsupported-zip');
  });

  it('refuses too many entries', async () => {
    const many = rawZip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: bytes('x') })));
    expect(await code(many, { maxEntries: 20 })).toBe('too-many-entries');
  });

  it('tells a truncated download from something that is not a zip', async () => {
    const zip = rawZip([{ name: 'a.txt', data: bytes('hello world') }]);
    expect(await code(zip.subarray(0, zip.length - 30))).toBe('truncated');
    expect(await code(bytes('%PDF-1.4 this is not a zip at all, just some text'))).toBe('not-a-zip');
    expect(await code(new Uint8Array())).toBe('not-a-zip');
  });
});

describe('unsafePathReason', () => {
  it('accepts the names a package uses', () => {
    for (const name of ['INDEX.HTM', 'records/0001_2026-10-14_lab_cbc/files/ct-report.pdf', 'data/'])
      expect(unsafePathReason(name, bytes(name))).toBeUndefined();
  });
});
