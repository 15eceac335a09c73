// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../lib/export/crc32';
import { readZipDirectory, DEFAULT_ZIP_LIMITS } from '../../../lib/import/zip-directory';
import { readEntry } from '../../../lib/import/zip-entry';
import { zipSource, type ZipSource } from '../../../lib/import/zip-source';
import { ZipContainer } from '../../../lib/zip/container';
import { UTF8_NAME, dosDateTime } from '../../../lib/zip/records';
import { requireProgram } from '../helpers/programs';
import { zipEntries } from '../helpers/zip-build';

const GiB = 1024 ** 3;

/**
 * A zip of several GB without writing or holding it: records (small chunks) are kept at their offsets,
 * the big bodies (one shared, never-touched zero buffer) only counted. Reads give zeros between records.
 */
function sparseZip() {
  const records: { at: number; bytes: Uint8Array }[] = [];
  let size = 0;
  const sink = (chunk: Uint8Array) => {
    if (chunk.byteLength < 1024 * 1024) records.push({ at: size, bytes: chunk.slice() });
    size += chunk.byteLength;
  };
  const source = (): ZipSource => ({
    size,
    read: async (offset, length) => {
      const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      for (const { at, bytes } of records) {
        const from = Math.max(at, offset);
        const to = Math.min(at + bytes.byteLength, offset + out.byteLength);
        if (from < to) out.set(bytes.subarray(from - at, to - at), from - offset);
      }
      return out;
    },
  });
  return { sink, source, records, size: () => size };
}

describe('ZIP64', () => {
  it('writes a >4 GiB entry and entries past the 4 GiB offset so that the importer reads them back', async () => {
    const zeros = new Uint8Array(GiB); // calloc'd: its pages are never touched
    const zip = sparseZip();
    const container = new ZipContainer(zip.sink);
    const text = new TextEncoder().encode('after five GiB of scan');
    const header = (name: string, size: number, crc: number) => ({
      name: new TextEncoder().encode(name),
      method: 0,
      flags: UTF8_NAME,
      crc,
      size,
      compressedSize: size,
      ...dosDateTime(new Date('2026-11-25T10:00:00Z')),
    });
    container.add(header('README.TXT', text.length, crc32(text)), [text]);
    // The reader does not check CRCs and nothing here reads the zeros: a placeholder CRC is enough.
    container.add(header('records/0001/files/scan.dcm', 5 * GiB, 0), Array(5).fill(zeros));
    container.add(header('records/0002/record.txt', text.length, crc32(text)), [text]);
    container.finish();
    expect(zip.size()).toBeGreaterThan(5 * GiB);

    const source = zip.source();
    const entries = await readZipDirectory(source, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 8 * GiB });
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['README.TXT', text.length],
      ['records/0001/files/scan.dcm', 5 * GiB],
      ['records/0002/record.txt', text.length],
    ]);
    expect(entries[2]!.localOffset).toBeGreaterThan(5 * GiB);
    const chunks: Uint8Array[] = [];
    await readEntry(source, entries[2]!, (c) => chunks.push(c.slice()));
    expect(new TextDecoder().decode(chunks[0])).toBe('after five GiB of scan');

    requireProgram('7z');
    const dir = mkdtempSync(join(tmpdir(), 'second-look-zip64-'));
    try {
      const file = join(dir, 'big.zip');
      const fd = openSync(file, 'w');
      for (const { at, bytes } of zip.records) writeSync(fd, bytes, 0, bytes.byteLength, at);
      ftruncateSync(fd, zip.size()); // sparse: the zero bodies take no disk
      closeSync(fd);
      const listing = execFileSync('7z', ['l', '-slt', file], { encoding: 'utf8' });
      expect(listing).toContain('Path = records/0002/record.txt');
      expect(listing).toContain(`Size = ${5 * GiB}`);
      expect(listing).not.toMatch(/ERROR|Unexpected end/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes 65,535 entries (the 16-bit count limit) with a ZIP64 end record that the importer and 7-Zip accept', async () => {
    const count = 0xffff;
    const zip = await zipEntries(
      Array.from({ length: count }, (_, i) => ({
        path: `f/${i}.txt`,
        data: new TextEncoder().encode(String(i)),
        mediaType: 'text/plain',
        compress: false,
      })),
    );
    const end = new DataView(zip.buffer, zip.byteOffset + zip.byteLength - 22);
    expect(end.getUint16(10, true)).toBe(0xffff);
    const entries = await readZipDirectory(zipSource(zip), { ...DEFAULT_ZIP_LIMITS, maxEntries: 100_000 });
    expect(entries).toHaveLength(count);
    expect(entries.at(-1)!.name).toBe(`f/${count - 1}.txt`);
    requireProgram('7z');
    const dir = mkdtempSync(join(tmpdir(), 'second-look-zip64-'));
    try {
      const file = join(dir, 'many.zip');
      const fd = openSync(file, 'w');
      writeSync(fd, zip);
      closeSync(fd);
      const test = spawnSync('7z', ['t', file], { encoding: 'utf8' });
      expect(test.status, test.stdout + test.stderr).toBe(0);
      expect(test.stdout).toContain(`Files: ${count}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
