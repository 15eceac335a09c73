// @vitest-environment node
// Export then import is lossless: a case with every field filled is exported, imported into a fresh
// database, and the two databases are compared table by table, field by field (not the manifest).
// Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDb } from '../../../lib/core/db';
import { packageEntries } from '../../../lib/export/package';
import type { PackageEntry } from '../../../lib/export/package-input';
import { readPackageInput } from '../../../lib/export/package-source';
import { importCase } from '../../../lib/import/import-case';
import { readPackage } from '../../../lib/import/package-import';
import { nodeSanitizer } from '../../harness/node-sanitizer';
import { fillFullCase, SAMPLES, STRUCTURED_TYPES } from '../helpers/full-case';
import { collect } from '../helpers/synthetic-case';
import { zipEntries } from '../helpers/zip-build';
import { CASE_TABLES, comparableTables, type CaseTables, type Row } from '../../harness/case-tables';

const sanitize = nodeSanitizer();
const dbs: CaseDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const freshDb = (name: string) => {
  const db = new CaseDb(`${name}-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
};

/** Every row of every case table, Blobs read as their bytes. */
async function dump(db: CaseDb): Promise<CaseTables> {
  const out = {} as CaseTables;
  for (const table of CASE_TABLES) {
    const rows = (await db.table(table).toArray()) as Row[];
    out[table] = await Promise.all(
      rows.map(async (row) =>
        Object.fromEntries(
          await Promise.all(
            Object.entries(row).map(async ([k, v]) => [
              k,
              v instanceof Blob ? new Uint8Array(await v.arrayBuffer()) : v,
            ]),
          ),
        ),
      ),
    );
  }
  return out;
}

async function exportCase(db: CaseDb, caseId: string): Promise<PackageEntry[]> {
  const input = await readPackageInput(db, caseId, {
    generator: { name: 'Second Look', version: 'test' },
    sanitize,
    translate: (key) => key,
    generatedAt: new Date('2026-12-06T10:00:00.000Z'),
  });
  return collect(packageEntries(input));
}

async function importInto(db: CaseDb, zip: Uint8Array) {
  const read = await readPackage(new Blob([zip as Uint8Array<ArrayBuffer>]));
  if (!read.ok) throw new Error(`${read.error.code}: ${read.error.detail}`);
  return importCase(db, read.data, { sanitize });
}

describe('lossless round trip (fake-indexeddb)', () => {
  it('has a sample for every structured type of the model', () => {
    // A type added to StructuredData needs a sample in tests/unit/helpers/full-case.ts to be covered here.
    expect(Object.keys(SAMPLES).sort()).toEqual([...STRUCTURED_TYPES].sort());
  });

  it('restores every field of every table; only ids differ', async () => {
    const original = freshDb('original');
    const caseId = await fillFullCase(original);
    const before = await dump(original);
    // The case really holds everything the comparison is about.
    expect(before.records).toHaveLength(Object.keys(SAMPLES).length + 1);
    expect(before.attachments).toHaveLength(3);
    expect(before.questions).toHaveLength(2);
    expect(before.opinions).toHaveLength(2);
    expect(before.caseDetails[0]).toMatchObject({
      notApplicable: { operative: true, 'family-history': true },
      decision: { choice: 'third-opinion' },
      redaction: { enabled: true, dateOfBirth: '1961-03-02' },
    });

    const zip = await zipEntries(await exportCase(original, caseId));
    const restored = freshDb('restored');
    const { altered } = await importInto(restored, zip);
    expect(altered).toEqual([]);
    const after = await dump(restored);
    expect(comparableTables(after)).toEqual(comparableTables(before));
    // The unknown attachment field came through as stored.
    expect(after.attachments.find((a) => a.name === 'IM00001.dcm')).toMatchObject({
      dicom: { seriesInstanceUid: '1.2.826.0.1.3680043.8.498.2', instanceNumber: 1 },
    });
    // And a second export of the restored case is the same package, manifest for manifest.
    const again = await exportCase(restored, after.cases[0]!.id as string);
    const manifest = (entries: PackageEntry[]) =>
      JSON.parse(new TextDecoder().decode(entries.find((e) => e.path === 'data/manifest.json')!.data));
    const [a, b] = [manifest(await exportCase(original, caseId)), manifest(again)];
    expect(b.records.map((r: Row) => ({ ...r, id: 0, attachments: 0 }))).toEqual(
      a.records.map((r: Row) => ({ ...r, id: 0, attachments: 0 })),
    );
  });

  it('imports the same package twice into one database as two whole cases', async () => {
    const original = freshDb('original');
    const zip = await zipEntries(await exportCase(original, await fillFullCase(original)));
    const db = freshDb('twice');
    await importInto(db, zip);
    await importInto(db, zip);
    const tables = await dump(db);
    expect(tables.cases).toHaveLength(2);
    expect(tables.opinions).toHaveLength(4);
    expect(tables.caseDetails).toHaveLength(2);
  });

  it('reads a package made before the workspace was kept: story, questions and "not applicable" marks', async () => {
    const original = freshDb('original');
    const caseId = await fillFullCase(original);
    // What the exporter wrote before: no `workspace`, `opinions: []`, records without `updatedAt`.
    const entries = (await exportCase(original, caseId)).map((e) => {
      if (e.path !== 'data/manifest.json') return e;
      const json = JSON.parse(new TextDecoder().decode(e.data));
      delete json.workspace;
      json.opinions = [];
      for (const r of json.records) delete r.updatedAt;
      return { ...e, data: new TextEncoder().encode(JSON.stringify(json)) };
    });
    const db = freshDb('older');
    await importInto(db, await zipEntries(entries));
    const tables = await dump(db);
    expect(tables.caseDetails[0]).toMatchObject({
      story: { diagnosis: 'Nodule, right upper lobe', timeSensitive: 'yes' },
      notApplicable: { operative: true, 'family-history': true },
    });
    expect(
      [...tables.questions]
        .sort((a, b) => (a.priority as number) - (b.priority as number))
        .map((q) => [q.text, q.family, q.answered]),
    ).toEqual([
      ['Do you agree with the diagnosis?', 'diagnosis', true],
      ['Will you send your findings to my first doctor?', 'next-steps', false],
    ]);
    expect(tables.records).toHaveLength(Object.keys(SAMPLES).length + 1);
  });

  it('a redacted export carries the workspace redacted and never the redaction choices', async () => {
    const original = freshDb('original');
    const caseId = await fillFullCase(original);
    const { previewRedaction } = await import('../../../lib/export/redact');
    const input = await readPackageInput(original, caseId, {
      generator: { name: 'Second Look', version: 'test' },
      sanitize,
      translate: (key) => key,
    });
    const redacted = previewRedaction(input, { names: ['Dr. A. First'] }).apply(input);
    const entries = await collect(packageEntries(redacted));
    const text = new TextDecoder().decode(entries.find((e) => e.path === 'data/manifest.json')!.data);
    expect(text).not.toContain('A. First');
    expect(text).not.toContain('Rowan T. Example');
    const db = freshDb('redacted');
    await importInto(db, await zipEntries(entries));
    const tables = await dump(db);
    expect(tables.caseDetails[0]!.redaction).toBeUndefined();
    expect(tables.opinions.map((o) => o.clinician).sort()).toEqual(['Dr. B. Second', '[REDACTED]']);
  });
});
