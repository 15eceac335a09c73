import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDb } from '../../lib/core/db';
import { sha256Hex } from '../../lib/core/hash';
import { addRecords } from '../../lib/case/records';
import { caseRecord } from './fixtures/records';
import { openShipped } from './fixtures/shipped-schemas';

/** Version 1 exactly as shipped, so the test opens real version-1 data. */
const openV1 = (name: string) => openShipped(name, 1);

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('database version 2', () => {
  it('keeps every version-1 row and adds the workspace tables', async () => {
    const name = 'migration-v1-v2';
    names.push(name);
    const v1 = openV1(name);
    const now = '2026-11-01T10:00:00.000Z';
    await v1.table('cases').add({ id: 'c1', title: 'Biopsy 🩺 مرحبا', createdAt: now, updatedAt: now });
    const records = [
      caseRecord({ id: 'a', contentHash: 'a'.repeat(64) }),
      caseRecord({ id: 'b', kind: 'imaging', contentHash: 'b'.repeat(64) }),
      caseRecord({ id: 'c', kind: 'lab', contentHash: 'c'.repeat(64) }),
    ];
    records.push(caseRecord({ id: 'd', snapshotHtml: '<p>kept</p>', contentHash: await sha256Hex('<p>kept</p>') }));
    await v1.table('records').bulkAdd(records);
    await v1.table('attachments').add({
      id: 'f1',
      caseId: 'c1',
      recordId: 'b',
      name: 'x.dcm',
      mediaType: 'application/dicom',
      size: 3,
      sha256: 'd'.repeat(64),
      blob: new Blob(['abc']),
    });
    await v1.table('meta').add({ key: 'created', createdAt: now });
    v1.close();

    const db = new CaseDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.cases.toArray()).toEqual([{ id: 'c1', title: 'Biopsy 🩺 مرحبا', createdAt: now, updatedAt: now }]);
    expect((await db.records.toArray()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(records);
    expect(await db.attachments.count()).toBe(1);
    expect(await db.meta.get('created')).toEqual({ key: 'created', createdAt: now });
    // The version-1 indexes still work: the same content is recognised as a duplicate.
    const { duplicates } = await addRecords(db, 'c1', [{ ...records[3]!, snapshotHtml: '<p>kept</p>' }]);
    expect(duplicates).toEqual(['d']);
    expect(await db.questions.count()).toBe(0);
    expect(await db.opinions.count()).toBe(0);
    expect(await db.caseDetails.count()).toBe(0);
    console.log(
      `Migrations (unit): v1 -> v${db.verno}: ${records.length} of ${records.length} records, 1 of 1 attachments, cases and marker kept`,
    );
    db.close();
  });
});
