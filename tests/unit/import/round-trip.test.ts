// @vitest-environment node
// Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDb } from '../../../lib/core/db';
import { computeSummary } from '../../../lib/core/case-summary';
import { Manifest } from '../../../lib/export/manifest';
import { packageEntries } from '../../../lib/export/package';
import type { PackageEntry } from '../../../lib/export/package-input';
import { importCase } from '../../../lib/import/import-case';
import { readPackage } from '../../../lib/import/package-import';
import { collect, packageInput, RECORDS } from '../helpers/synthetic-case';
import { sha256Hex } from '../../../lib/core/hash';
import { zipEntries } from '../helpers/zip-build';
import { nodeSanitizer } from '../../harness/node-sanitizer';

const sanitize = nodeSanitizer();

const dbs: CaseDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const decode = (data: Uint8Array) => new TextDecoder().decode(data);
const manifestOf = (entries: PackageEntry[]) =>
  Manifest.parse(JSON.parse(decode(entries.find((e) => e.path === 'data/manifest.json')!.data)));

/** The manifest without what must differ between two exports of "the same" case. */
function comparable(manifest: Manifest) {
  return {
    ...manifest,
    generatedAt: undefined,
    records: manifest.records.map((r) => ({
      ...r,
      id: undefined,
      attachments: r.attachments?.map((a) => ({ ...a, id: undefined })),
    })),
    questions: manifest.questions.map((q) => ({ ...q, recordIds: q.recordIds?.length })),
    // The FHIR resource ids derive from record ids, so only the bundle's hash changes (its size does not).
    files: manifest.files.map((f) => (f.path === 'data/fhir-bundle.json' ? { ...f, sha256: undefined } : f)),
  };
}

describe('export -> import -> export', () => {
  it('restores the same records and byte-identical attachments as a new case, and exports the same package', async () => {
    // Real content hashes: import recomputes them from the (sanitized) pages instead of trusting the manifest.
    const hashed = await Promise.all(
      RECORDS.map(async (r) => ({ ...r, contentHash: await sha256Hex(r.snapshotHtml) })),
    );
    const input = await packageInput({ records: hashed });
    const firstEntries = await collect(packageEntries(input));
    const zip = await zipEntries(firstEntries);

    const read = await readPackage(new Blob([zip as Uint8Array<ArrayBuffer>]));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const db = new CaseDb(`round-trip-${Math.random()}`);
    dbs.push(db);
    const { caseId, recordIds, altered } = await importCase(db, read.data, { sanitize });
    expect(altered).toEqual([]);

    expect(caseId).not.toBe(input.caseData.id);
    const caseRow = (await db.cases.get(caseId))!;
    const records = await db.records.where('caseId').equals(caseId).toArray();
    const attachments = await db.attachments.where('caseId').equals(caseId).toArray();
    expect(records).toHaveLength(input.records.length);
    expect(attachments).toHaveLength(input.attachments!.length);
    // The imported case's summary is written with its rows and equals one computed from them.
    expect(await db.caseSummaries.get(caseId)).toEqual(
      computeSummary(caseId, {
        records,
        attachments,
        questions: await db.questions.where('caseId').equals(caseId).toArray(),
        opinions: await db.opinions.where('caseId').equals(caseId).toArray(),
      }),
    );
    expect((await db.caseSummaries.get(caseId))!.records).toBe(input.records.length);
    for (const original of input.records) {
      const restored = records.find((r) => r.id === recordIds.get(original.id))!;
      const { id, caseId: _c, updatedAt: _u, ...rest } = restored;
      const { id: _i, caseId: _oc, updatedAt: _ou, ...expected } = original;
      expect(id).not.toBe(original.id);
      expect(rest).toEqual(JSON.parse(JSON.stringify(expected)));
    }
    for (const original of input.attachments!) {
      const restored = attachments.find(
        (a) =>
          a.recordId === recordIds.get(original.recordId) && a.sha256 === original.sha256 && a.name === original.name,
      )!;
      const originalBytes =
        original.data instanceof Uint8Array ? original.data : new Uint8Array(await original.data.arrayBuffer());
      expect(new Uint8Array(await restored.blob.arrayBuffer())).toEqual(originalBytes);
    }

    const manifest = read.data.manifest;
    const again = await collect(
      packageEntries({
        ...input,
        caseData: caseRow,
        records,
        generatedAt: new Date('2026-12-01T08:00:00.000Z'),
        story: manifest.case.story,
        questions: manifest.questions.map((q) => ({
          ...q,
          priority: q.priority ?? 0,
          recordIds: q.recordIds?.map((id) => recordIds.get(id)!),
        })),
        completeness: manifest.completeness,
        attachments: attachments.map((a) => ({ ...a, data: a.blob })),
      }),
    );
    // generatedAt shows in INDEX.HTM, README.TXT and summary.pdf too: compare those by path only.
    const first = comparable(manifestOf(firstEntries));
    const second = comparable(manifestOf(again));
    const dated = new Set(['INDEX.HTM', 'README.TXT', 'summary.pdf']);
    const strip = (m: typeof first) => ({
      ...m,
      files: m.files.map((f) => (dated.has(f.path) ? f.path : f)),
      case: { ...m.case, updatedAt: undefined },
    });
    expect(strip(second)).toEqual(strip(first));
  });

  it('writes nothing when a check fails', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    const txt = entries.find((e) => e.path.endsWith('record.txt'))!;
    txt.data = txt.data.slice();
    txt.data[txt.data.length - 2]! ^= 0x01;
    const result = await readPackage(await zipEntries(entries));
    expect(result).toMatchObject({ ok: false, error: { code: 'hash-mismatch' } });
  });
});

describe('importCase', () => {
  it('writes all or nothing: a failure while writing attachments leaves no case and no records', async () => {
    const read = await readPackage(await zipEntries(await collect(packageEntries(await packageInput()))));
    if (!read.ok) throw new Error(read.error.code);
    const db = new CaseDb(`atomic-${Math.random()}`);
    dbs.push(db);
    db.attachments.bulkAdd = () => Promise.reject(new Error('disk full')) as never;
    await expect(importCase(db, read.data, { sanitize })).rejects.toThrow('disk full');
    expect(await db.cases.count()).toBe(0);
    expect(await db.records.count()).toBe(0);
    expect(await db.caseSummaries.count()).toBe(0);
  });

  it('imports the same package twice as two separate cases', async () => {
    const read = await readPackage(await zipEntries(await collect(packageEntries(await packageInput()))));
    if (!read.ok) throw new Error(read.error.code);
    const db = new CaseDb(`twice-${Math.random()}`);
    dbs.push(db);
    const a = await importCase(db, read.data, { sanitize });
    const b = await importCase(db, read.data, { sanitize });
    expect(a.caseId).not.toBe(b.caseId);
    expect(await db.records.count()).toBe(2 * read.data.records.length);
  });
});

describe('tampered packages', () => {
  const tamper = async (change: (entries: PackageEntry[]) => PackageEntry[]) => {
    const entries = await collect(packageEntries(await packageInput()));
    const result = await readPackage(await zipEntries(change(entries)));
    return result.ok ? 'ok' : result.error.code;
  };
  const editManifest = (edit: (json: any) => void) => (entries: PackageEntry[]) =>
    entries.map((e) => {
      if (e.path !== 'data/manifest.json') return e;
      const json = JSON.parse(decode(e.data));
      edit(json);
      return { ...e, data: new TextEncoder().encode(JSON.stringify(json)) };
    });

  it('accepts the untouched package', async () => expect(await tamper((e) => e)).toBe('ok'));
  it('refuses a file whose size differs from the manifest', async () =>
    expect(
      await tamper((es) =>
        es.map((e) => (e.path === 'README.TXT' ? { ...e, data: new Uint8Array([...e.data, 32]) } : e)),
      ),
    ).toBe('size-mismatch'));
  it('refuses a package from a newer format version with its own code', async () =>
    expect(await tamper(editManifest((m) => (m.format = 'second-look/2')))).toBe('newer-format'));
  it('refuses something that is not a Second Look package', async () =>
    expect(await tamper(editManifest((m) => (m.format = 'other-tool/1')))).toBe('unknown-format'));
  it('refuses a manifest that fails the schema', async () =>
    expect(await tamper(editManifest((m) => delete m.records[0].kind))).toBe('invalid-manifest'));
  it('refuses a file the manifest does not list', async () =>
    expect(
      await tamper((es) => [
        { path: 'extra.txt', data: new Uint8Array([1]), mediaType: 'text/plain', compress: true },
        ...es,
      ]),
    ).toBe('unlisted-file'));
  it('refuses a listed file that is missing', async () =>
    expect(await tamper((es) => es.filter((e) => e.path !== 'summary.pdf'))).toBe('missing-file'));
  it('refuses a package without a manifest', async () =>
    expect(await tamper((es) => es.filter((e) => e.path !== 'data/manifest.json'))).toBe('missing-manifest'));
  it('refuses a truncated package and a corrupted deflate stream', async () => {
    const zip = await zipEntries(await collect(packageEntries(await packageInput())));
    expect((await readPackage(zip.subarray(0, Math.floor(zip.length * 0.7)))).ok).toBe(false);
    const result = await readPackage(zip.subarray(0, Math.floor(zip.length * 0.7)));
    expect(result).toMatchObject({ ok: false, error: { code: 'truncated' } });
    const damaged = zip.slice();
    for (let i = 200; i < 260; i++) damaged[i]! ^= 0xff; // inside INDEX.HTM's deflated data
    const broken = await readPackage(damaged);
    expect(broken.ok ? 'ok' : broken.error.code).toMatch(/^(corrupt|size-mismatch|hash-mismatch)$/);
  });
});
