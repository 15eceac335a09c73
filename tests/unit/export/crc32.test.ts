// @vitest-environment node
import { crc32 as zlibCrc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Finish, crc32Start, crc32Update } from '../../../lib/export/crc32';
import { writeZip } from '../../../lib/export/zip';

describe('crc32 (slicing-by-16)', () => {
  it('matches zlib for every length around the 8-byte stride, in one piece or many', () => {
    const data = new Uint8Array(4099).map((_, i) => (i * 131 + 7) & 0xff);
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 1000, 4099]) {
      const part = data.subarray(0, n);
      expect(crc32(part)).toBe(zlibCrc32(part));
      let state = crc32Start;
      for (let at = 0; at < n; at += 13) state = crc32Update(state, part.subarray(at, Math.min(at + 13, n)));
      expect(crc32Finish(state)).toBe(zlibCrc32(part));
    }
  });

  it('matches zlib at every alignment and around the 16-byte stride and the 64-byte word-path threshold', () => {
    const buffer = new Uint8Array(70_000).map((_, i) => (i * 2654435761) >>> 24);
    for (let offset = 0; offset < 8; offset++)
      for (const n of [63, 64, 65, 79, 80, 81, 95, 96, 97, 1023, 1024, 1025, 65_537]) {
        const part = buffer.subarray(offset, offset + n);
        expect(crc32(part)).toBe(zlibCrc32(part));
        let state = crc32Start;
        for (let at = 0; at < n; at += 77) state = crc32Update(state, part.subarray(at, Math.min(at + 77, n)));
        expect(crc32Finish(state)).toBe(zlibCrc32(part));
      }
  });

  it('gives stored entries the checksum the zip header needs', async () => {
    const data = new Uint8Array(3 * 1024 * 1024 + 5).map((_, i) => (i * 2654435761) >>> 24);
    const chunks: Uint8Array[] = [];
    async function* one() {
      yield { path: 'a.jpg', data, mediaType: 'image/jpeg', compress: false };
    }
    await writeZip(one(), (c) => chunks.push(c), { modified: new Date('2026-11-25T10:00:00Z') });
    const zip = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) zip.set(c, (at += c.length) - c.length);
    // Streamed entries carry the CRC in the central directory (and a data descriptor), not the local header.
    const view = new DataView(zip.buffer);
    let central = zip.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    expect(view.getUint32(central + 16, true)).toBe(zlibCrc32(data));
    expect(unzipSync(zip)['a.jpg']).toEqual(data);
  });
});
