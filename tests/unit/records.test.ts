import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase, deleteCase, listCases, renameCase } from '../../lib/case/cases';
import { CaseDb, checkDbHealth, type DbWitness } from '../../lib/core/db';
import {
  addRecords,
  CaseNotFoundError,
  deleteRecord,
  editRecord,
  listRecords,
  sortRecords,
} from '../../lib/case/records';
import type { CaseRecord } from '../../lib/core/model';
import { capturedRecord } from './factories';

let db: CaseDb;
beforeEach(async () => {
  db = new CaseDb(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('cases', () => {
  it('creates, renames, lists newest first and deletes with everything inside', async () => {
    const first = await createCase(db, '  Breast biopsy result, Nov 2026 ');
    expect(first.title).toBe('Breast biopsy result, Nov 2026');
    await new Promise((r) => setTimeout(r, 5));
    const second = await createCase(db, 'Knee surgery');
    expect((await listCases(db)).map((c) => c.id)).toEqual([second.id, first.id]);
    await renameCase(db, first.id, 'Biopsy');
    expect((await db.cases.get(first.id))?.title).toBe('Biopsy');
    await addRecords(db, first.id, [capturedRecord()]);
    await deleteCase(db, first.id);
    expect(await db.cases.get(first.id)).toBeUndefined();
    expect(await db.records.count()).toBe(0);
  });

  it('refuses an empty title', async () => {
    await expect(createCase(db, '   ')).rejects.toThrow();
  });
});

describe('records', () => {
  it('adds records with a content hash and does not duplicate the same content', async () => {
    const c = await createCase(db, 'Case');
    const first = await addRecords(db, c.id, [capturedRecord()]);
    expect(first.added).toHaveLength(1);
    const [stored] = await listRecords(db, c.id);
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await addRecords(db, c.id, [capturedRecord({ title: 'Renamed but same content' })]);
    expect(again).toEqual({ added: [], duplicates: [stored!.id] });
    expect(await db.records.count()).toBe(1);
  });

  it('keeps the same content in two different cases', async () => {
    const a = await createCase(db, 'A');
    const b = await createCase(db, 'B');
    await addRecords(db, a.id, [capturedRecord()]);
    expect((await addRecords(db, b.id, [capturedRecord()])).added).toHaveLength(1);
  });

  it('writes nothing when one record of a clip is invalid', async () => {
    const c = await createCase(db, 'Case');
    const bad = capturedRecord({ title: '' });
    await expect(addRecords(db, c.id, [capturedRecord(), bad])).rejects.toThrow();
    expect(await db.records.count()).toBe(0);
  });

  it('refuses records for a case that does not exist, writing nothing', async () => {
    await expect(addRecords(db, 'missing', [capturedRecord()])).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await db.records.count()).toBe(0);
  });

  it('edits title, date, kind and note, and deletes', async () => {
    const c = await createCase(db, 'Case');
    const { added } = await addRecords(db, c.id, [capturedRecord()]);
    await editRecord(db, added[0]!, {
      title: 'CBC',
      clinicalDate: '2026-11-01',
      kind: 'pathology',
      note: 'Ask about this',
    });
    expect(await db.records.get(added[0]!)).toMatchObject({
      title: 'CBC',
      clinicalDate: '2026-11-01',
      kind: 'pathology',
      note: 'Ask about this',
    });
    await editRecord(db, added[0]!, { clinicalDate: null });
    expect((await db.records.get(added[0]!))?.clinicalDate).toBeUndefined();
    await expect(editRecord(db, added[0]!, { clinicalDate: '11/01/2026' })).rejects.toThrow();
    await deleteRecord(db, added[0]!);
    expect(await db.records.count()).toBe(0);
  });

  it('lists by kind (checklist order) then newest clinical date first', async () => {
    const c = await createCase(db, 'Case');
    await addRecords(db, c.id, [
      capturedRecord({ kind: 'lab', title: 'old lab', clinicalDate: '2025-01-01', snapshotHtml: 'a' }),
      capturedRecord({ kind: 'note', title: 'note', clinicalDate: '2024-01-01', snapshotHtml: 'b' }),
      capturedRecord({ kind: 'lab', title: 'new lab', clinicalDate: '2026-01-01', snapshotHtml: 'c' }),
    ]);
    expect((await listRecords(db, c.id)).map((r) => r.title)).toEqual(['new lab', 'old lab', 'note']);
  });
});

describe('database health', () => {
  const memoryWitness = () => {
    let value: DbWitness | undefined;
    return { get: async () => value, set: async (w: DbWitness) => void (value = w), peek: () => value };
  };

  it('is healthy when created by us, and reports a database without our marker', async () => {
    expect(await checkDbHealth(db, memoryWitness())).toEqual({ ok: true });
    await db.meta.clear();
    expect(await checkDbHealth(db, memoryWitness())).toMatchObject({ ok: false, reason: 'marker-missing' });
  });

  it('remembers the database outside IndexedDB and tells when the browser silently replaced it', async () => {
    const witness = memoryWitness();
    expect(await checkDbHealth(db, witness)).toEqual({ ok: true });
    const first = witness.peek();
    expect(first?.createdAt).toBe((await db.meta.get('created'))?.createdAt);
    expect(await checkDbHealth(db, witness)).toEqual({ ok: true });

    // The browser threw the damaged database away and opened a new, empty one.
    const name = db.name;
    db.close();
    await Dexie.delete(name);
    await new Promise((r) => setTimeout(r, 5));
    const fresh = new CaseDb(name);
    const health = await checkDbHealth(fresh, witness);
    expect(health).toMatchObject({ ok: false, reason: 'replaced' });
    // Nothing is overwritten: the next start still says so.
    expect(witness.peek()).toEqual(first);
    expect(await checkDbHealth(fresh, witness)).toMatchObject({ ok: false, reason: 'replaced' });
    fresh.close();
  });

  it('reports a database that is not ours without writing the witness', async () => {
    const witness = memoryWitness();
    // A database that is not ours in shape (as after a downgrade or a foreign write): not healthy.
    const newer = new Dexie('health-newer');
    newer.version(9).stores({ cases: 'id' });
    await newer.open();
    newer.close();
    const broken = new CaseDb('health-newer');
    const health = await checkDbHealth(broken, witness);
    expect(health.ok).toBe(false);
    await Dexie.delete('health-newer');
    expect(witness.peek()).toBeUndefined();
  });
});

describe('sortRecords', () => {
  it('orders by kind, then newest first by clinical date or, without one, capture time', () => {
    const at = (kind: CaseRecord['kind'], clinicalDate: string | undefined, capturedAt: string, id: string) => ({
      id,
      kind,
      clinicalDate,
      capturedAt,
    });
    const sorted = sortRecords([
      at('imaging', '2026-01-05', '2026-11-01T00:00:00.000Z', 'img-old'),
      at('lab', '2026-03-01', '2026-11-01T00:00:00.000Z', 'lab-mar'),
      at('lab', undefined, '2026-11-20T08:00:00.000Z', 'lab-undated-nov'),
      at('imaging', '2026-09-30', '2026-11-01T00:00:00.000Z', 'img-new'),
      at('lab', '2026-10-28', '2026-11-01T00:00:00.000Z', 'lab-oct'),
      at('lab', '2026-10-28', '2026-11-02T00:00:00.000Z', 'lab-oct-2'),
    ]);
    expect(sorted.map((r) => r.id)).toEqual([
      'lab-undated-nov',
      'lab-oct',
      'lab-oct-2',
      'lab-mar',
      'img-new',
      'img-old',
    ]);
  });
});
