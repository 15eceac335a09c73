import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { addRecords, deleteRecord, editRecord, listRecordHeads, listRecordPage } from '../../lib/case';
import { createCase } from '../../lib/case/cases';
import { CaseDb } from '../../lib/core/db';
import type { RecordHead } from '../../lib/core/record-head';
import { captured, caseRecord } from './fixtures/records';
import { openShipped } from './fixtures/shipped-schemas';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Database version 5 exactly as shipped (Dexie schema), so the test opens real version-5 data. */
const openV5 = (name: string): Dexie => openShipped(name, 5);

const V5_TABLES = [
  'cases',
  'records',
  'attachments',
  'meta',
  'caseDetails',
  'questions',
  'opinions',
  'requests',
  'sentPackages',
  'caseSummaries',
];

async function dump(db: Dexie) {
  const out: Record<string, unknown[]> = {};
  for (const name of V5_TABLES) out[name] = await db.table(name).toArray();
  return out;
}

const at = '2026-11-01T10:00:00.000Z';
const hash = (n: number) => n.toString(16).padStart(64, '0');

/** Synthetic records of two cases: dated and undated, one holding only its title, one with 3 result rows. */
const v5Records = [
  caseRecord({
    id: 'lab-1',
    caseId: 'case-a',
    kind: 'lab',
    title: 'CBC (synthetic)',
    clinicalDate: '2026-05-10',
    contentHash: hash(1),
    snapshotHtml: '<h2>CBC (synthetic)</h2><table><tr><td>WBC</td><td>6.1</td></tr></table>',
    structured: {
      type: 'lab',
      panel: { name: 'CBC' },
      results: ['WBC', 'RBC', 'HGB'].map((test) => ({ test, value: '1', readBy: 'content' as const })),
    },
  }),
  caseRecord({
    id: 'img-1',
    caseId: 'case-a',
    kind: 'imaging',
    title: 'CT chest',
    clinicalDate: '2026-04-03',
    contentHash: hash(2),
    snapshotHtml: '<h1>CT chest</h1><p>Impression: 6 mm nodule.</p>',
  }),
  caseRecord({
    id: 'img-2',
    caseId: 'case-a',
    kind: 'imaging',
    title: 'Chest X-ray report',
    contentHash: hash(3),
    capturedAt: '2026-11-02T09:00:00.000Z',
    snapshotHtml: '<h1>Chest X-ray report</h1>',
  }),
  caseRecord({
    id: 'note-1',
    caseId: 'case-b',
    kind: 'note',
    title: 'Visit note',
    clinicalDate: '2026-03-01',
    contentHash: hash(4),
    snapshotHtml: '<p>Seen for cough.</p>',
  }),
];

describe('database version 6: record heads', () => {
  it('keeps every version-5 row unchanged and writes one head per record, as written by hand', async () => {
    const name = 'migration-v5-v6';
    names.push(name);
    const v5 = openV5(name);
    await v5.open();
    await v5.table('cases').bulkAdd([
      { id: 'case-a', title: 'A', createdAt: at, updatedAt: at },
      { id: 'case-b', title: 'B', createdAt: at, updatedAt: at },
    ]);
    await v5.table('records').bulkAdd(v5Records);
    await v5.table('meta').add({ key: 'created', createdAt: at });
    await v5.table('questions').add({
      id: 'q1',
      caseId: 'case-a',
      family: 'diagnosis',
      text: 'Is it benign?',
      priority: 0,
      linkedRecordIds: ['img-1'],
      createdAt: at,
    });
    const before = await dump(v5);
    v5.close();

    const db = new CaseDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await dump(db)).toEqual(before);
    // Written by hand from the records above, not by the code under test.
    const expected: RecordHead[] = [
      {
        id: 'img-1',
        caseId: 'case-a',
        kind: 'imaging',
        title: 'CT chest',
        clinicalDate: '2026-04-03',
        capturedAt: at,
        bare: false,
      },
      {
        id: 'img-2',
        caseId: 'case-a',
        kind: 'imaging',
        title: 'Chest X-ray report',
        capturedAt: '2026-11-02T09:00:00.000Z',
        bare: true,
      },
      {
        id: 'lab-1',
        caseId: 'case-a',
        kind: 'lab',
        title: 'CBC (synthetic)',
        clinicalDate: '2026-05-10',
        capturedAt: at,
        bare: false,
      },
      {
        id: 'note-1',
        caseId: 'case-b',
        kind: 'note',
        title: 'Visit note',
        clinicalDate: '2026-03-01',
        capturedAt: at,
        bare: false,
      },
    ];
    expect(await db.recordHeads.orderBy('id').toArray()).toEqual(expected);
    // The list's page reads the heads: dated newest first, then undated.
    expect((await listRecordPage(db, 'case-a', 'imaging', 20, 1)).map((h) => h.id)).toEqual(['img-1', 'img-2']);
    expect((await listRecordPage(db, 'case-b', 'imaging', 20, 0)).map((h) => h.id)).toEqual([]);
    console.log(
      `Migrations (unit): v5 -> v${db.verno}: ${v5Records.length} records, ${expected.length} heads, every row kept`,
    );
    db.close();
  });

  it('keeps each head in step with its record through adds, edits and deletes', async () => {
    const name = 'record-heads-writes';
    names.push(name);
    const db = new CaseDb(name);
    const { id: caseId } = await createCase(db, 'Heads');
    const { added } = await addRecords(db, caseId, [
      captured({ kind: 'lab', title: 'Lipids', clinicalDate: '2026-02-01', snapshotHtml: '<p>LDL 90</p>' }),
      captured({ kind: 'note', title: 'Portal page', snapshotHtml: '<h1>Portal page</h1>' }),
    ]);
    const [lab, bare] = added as [string, string];
    const head = (id: string) => db.recordHeads.get(id);
    expect(await head(lab)).toMatchObject({
      caseId,
      kind: 'lab',
      title: 'Lipids',
      clinicalDate: '2026-02-01',
      bare: false,
    });
    expect(await head(bare)).toMatchObject({ caseId, kind: 'note', title: 'Portal page', bare: true });
    expect((await head(bare))!.clinicalDate).toBeUndefined();

    // The export list's order: kind (checklist order), then newest first.
    expect((await listRecordHeads(db, caseId)).map((h) => h.title)).toEqual(['Lipids', 'Portal page']);
    // A duplicate is named by the stored record's id, and adds no second head.
    const again = await addRecords(db, caseId, [
      captured({ kind: 'lab', title: 'Lipids', clinicalDate: '2026-02-01', snapshotHtml: '<p>LDL 90</p>' }),
    ]);
    expect(again).toEqual({ added: [], duplicates: [lab] });
    expect(await db.recordHeads.count()).toBe(2);

    await editRecord(db, lab, { title: 'Lipid panel', clinicalDate: null, kind: 'note' });
    expect(await head(lab)).toMatchObject({ title: 'Lipid panel', kind: 'note', bare: false });
    expect((await head(lab))!.clinicalDate).toBeUndefined();

    await deleteRecord(db, bare);
    expect(await head(bare)).toBeUndefined();
    expect((await db.recordHeads.where('caseId').equals(caseId).toArray()).map((h) => h.id)).toEqual([lab]);
    db.close();
  });
});
