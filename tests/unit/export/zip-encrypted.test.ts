// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { packageEntries } from '../../../lib/export/package';
import type { PackageEntry } from '../../../lib/export/package-input';
import { writeEncryptedZip } from '../../../lib/export/zip-encrypted';
import { readPackage } from '../../../lib/import/package-import';
import { requireProgram } from '../helpers/programs';
import { collect, packageInput } from '../helpers/synthetic-case';
import { concat } from '../helpers/zip-build';

const PASSWORD = 'correct horse battery staple';

async function encrypted(entries: PackageEntry[], password = PASSWORD): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  async function* iterate() {
    yield* entries;
  }
  await writeEncryptedZip(iterate(), (c) => chunks.push(c.slice()), {
    password,
    modified: new Date('2026-11-25T10:00:00Z'),
  });
  return concat(chunks);
}

async function extract(zip: Uint8Array, password: string): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new BlobReader(new Blob([zip as Uint8Array<ArrayBuffer>])), {
    password,
    useWebWorkers: false,
  });
  const out = new Map<string, Uint8Array>();
  try {
    for (const entry of await reader.getEntries()) {
      if (entry.directory) continue;
      expect(entry.encrypted).toBe(true);
      out.set(entry.filename, await entry.getData!(new Uint8ArrayWriter()));
    }
  } finally {
    await reader.close();
  }
  return out;
}

describe('password-protected package (AES-256)', () => {
  it('decrypts with the right password to the same files', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    const files = await extract(await encrypted(entries), PASSWORD);
    expect([...files.keys()]).toEqual(entries.map((e) => e.path));
    for (const entry of entries) expect(files.get(entry.path)).toEqual(entry.data);
  });

  it('fails with a wrong password', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    await expect(extract(await encrypted(entries), 'wrong password')).rejects.toThrow();
  });

  it('is not readable as a plain package (content is encrypted)', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    const zip = await encrypted(entries);
    expect(new TextDecoder().decode(zip)).not.toContain('Hemoglobin');
    expect(await readPackage(zip)).toMatchObject({ ok: false, error: { code: 'encrypted' } });
  });

  it('imports back with the password, refuses a wrong one with its own code', async () => {
    const input = await packageInput();
    const zip = await encrypted(await collect(packageEntries(input)));
    const read = await readPackage(new Blob([zip as Uint8Array<ArrayBuffer>]), { password: PASSWORD });
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.data.records.map((r) => r.packageId).sort()).toEqual(input.records.map((r) => r.id).sort());
    const png = read.data.attachments.find((a) => a.mediaType === 'image/png')!;
    expect(png.size).toBe(png.blob.size);
    expect(await readPackage(zip, { password: 'wrong password' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-password' },
    });
  });

  it('refuses an empty password', async () => {
    await expect(encrypted([], '')).rejects.toThrow(/empty password/);
  });

  it('opens in 7-Zip with the password and not without it', async () => {
    requireProgram('7z');
    const entries = await collect(packageEntries(await packageInput()));
    const dir = mkdtempSync(join(tmpdir(), 'second-look-7z-'));
    try {
      const file = join(dir, 'package.zip');
      writeFileSync(file, await encrypted(entries));
      const listing = execFileSync('7z', ['l', '-slt', `-p${PASSWORD}`, file], { encoding: 'utf8' });
      expect(listing).toMatch(/Method = AES-256/);
      expect(spawnSync('7z', ['t', `-p${PASSWORD}`, file], { encoding: 'utf8' }).status).toBe(0);
      expect(spawnSync('7z', ['t', '-pnot-the-password', file], { encoding: 'utf8' }).status).not.toBe(0);
      execFileSync('7z', ['x', `-p${PASSWORD}`, `-o${join(dir, 'out')}`, file], { encoding: 'utf8' });
      for (const entry of entries)
        expect(new Uint8Array(readFileSync(join(dir, 'out', entry.path)))).toEqual(entry.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
