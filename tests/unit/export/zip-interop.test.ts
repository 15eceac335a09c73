// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { packageEntries } from '../../../lib/export/package';
import { collect, packageInput } from '../helpers/synthetic-case';
import { requireProgram } from '../helpers/programs';
import { zipEntries } from '../helpers/zip-build';

/** Our writer against independent readers: each checks CRC-32s, sizes and the deflate streams itself. */
describe('the records package zip in other tools', () => {
  it('zip.js reads every entry back byte-identical, with the UTF-8 names and the export time', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    entries.push({
      path: 'records/caf\u00e9-\u00fcbersicht.txt',
      data: new Uint8Array(0),
      mediaType: 'text/plain',
      compress: true,
    });
    const zip = await zipEntries(entries);
    const reader = new ZipReader(new BlobReader(new Blob([zip as Uint8Array<ArrayBuffer>])), { useWebWorkers: false });
    try {
      const read = await reader.getEntries();
      expect(read.map((e) => e.filename)).toEqual(entries.map((e) => e.path));
      for (const [i, entry] of read.entries()) {
        if (entry.directory) throw new Error(`unexpected directory ${entry.filename}`);
        expect(await entry.getData(new Uint8ArrayWriter(), { checkSignature: true })).toEqual(entries[i]!.data);
        // DOS time has 2-second resolution and no zone: zip tools show the exporter's local time.
        expect(entry.lastModDate.getTime()).toBe(new Date('2026-11-25T10:00:00Z').getTime());
      }
    } finally {
      await reader.close();
    }
  });

  it("passes 7-Zip's integrity test and extracts identically", async () => {
    requireProgram('7z');
    const entries = await collect(packageEntries(await packageInput()));
    const dir = mkdtempSync(join(tmpdir(), 'second-look-zip-'));
    try {
      const file = join(dir, 'package.zip');
      writeFileSync(file, await zipEntries(entries));
      const test = spawnSync('7z', ['t', file], { encoding: 'utf8' });
      expect(test.status, test.stdout + test.stderr).toBe(0);
      execFileSync('7z', ['x', `-o${join(dir, 'out')}`, file], { encoding: 'utf8' });
      for (const entry of entries)
        expect(new Uint8Array(readFileSync(join(dir, 'out', entry.path)))).toEqual(entry.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
