import { beforeEach, describe, expect, it } from 'vitest';
import { getDetails } from '../../lib/case/case-details';
import { createCase } from '../../lib/case/cases';
import { CaseDb } from '../../lib/core/db';
import { replayPendingEdits, saveEdit } from '../../lib/case/pending-edits';
import { memoryStore } from './helpers/memory-store';

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`edits-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Case')).id;
});

describe('pending edits', () => {
  it('writes the edit and clears its log entry once it is durable', async () => {
    const store = memoryStore();
    await saveEdit(db, store, { kind: 'story', caseId, field: 'diagnosis', value: 'Stage I' });
    expect((await getDetails(db, caseId)).story.diagnosis).toBe('Stage I');
    expect(store.data.size).toBe(0);
  });

  it('replays, oldest first, what a closed panel left in the log', async () => {
    const store = memoryStore();
    // What a panel closed mid-write leaves behind: the log entries, but not the database change.
    store.setItem(
      'second-look:pending-edit:000000000000002:000001',
      JSON.stringify({ kind: 'story', caseId, field: 'goals', value: 'second' }),
    );
    store.setItem(
      'second-look:pending-edit:000000000000001:000000',
      JSON.stringify({ kind: 'story', caseId, field: 'goals', value: 'first' }),
    );
    store.setItem('second-look:pending-edit:000000000000003:000002', '{not json');
    store.setItem('other-key', 'kept');
    expect(await replayPendingEdits(db, store)).toBe(2);
    expect((await getDetails(db, caseId)).story.goals).toBe('second');
    expect([...store.data.keys()]).toEqual(['other-key']);
  });

  it('keeps the log entry when the durable write fails, so the next start can retry', async () => {
    const store = memoryStore();
    await expect(
      saveEdit(db, store, { kind: 'story', caseId, field: 'diagnosis', value: 'x'.repeat(100_000) }),
    ).rejects.toThrow();
    expect(store.data.size).toBe(1);
  });

  it('keeps the log entry when replaying it fails (database closed, disk full), and writes it next time', async () => {
    const store = memoryStore();
    const key = 'second-look:pending-edit:000000000000001:000000';
    const edit = { kind: 'story', caseId, field: 'diagnosis', value: 'typed just before the panel closed' };
    store.setItem(key, JSON.stringify(edit));
    // A write that fails for a reason that can pass: the database is closed under us (blocked, disk full).
    db.close();
    expect(await replayPendingEdits(db, store)).toBe(0);
    expect(store.getItem(key)).toBe(JSON.stringify(edit));
    // And as the disk full case: the write is refused with QuotaExceededError.
    await db.open();
    const update = db.caseDetails.update.bind(db.caseDetails);
    db.caseDetails.update = () => Promise.reject(new DOMException('disk full', 'QuotaExceededError')) as never;
    expect(await replayPendingEdits(db, store)).toBe(0);
    expect(store.getItem(key)).toBe(JSON.stringify(edit));
    // The next start, with room again, writes it and only then forgets it.
    db.caseDetails.update = update;
    expect(await replayPendingEdits(db, store)).toBe(1);
    expect((await getDetails(db, caseId)).story.diagnosis).toBe('typed just before the panel closed');
    expect(store.data.size).toBe(0);
  });

  it('stops at the first failed replay, so an older edit never overwrites a newer one later', async () => {
    const store = memoryStore();
    store.setItem(
      'second-look:pending-edit:000000000000001:000000',
      JSON.stringify({ kind: 'story', caseId, field: 'goals', value: 'older' }),
    );
    store.setItem(
      'second-look:pending-edit:000000000000002:000001',
      JSON.stringify({ kind: 'story', caseId, field: 'goals', value: 'newer' }),
    );
    const update = db.caseDetails.update.bind(db.caseDetails);
    let calls = 0;
    db.caseDetails.update = ((...args: Parameters<typeof update>) =>
      calls++ === 0 ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : update(...args)) as never;
    expect(await replayPendingEdits(db, store)).toBe(0);
    expect(store.data.size).toBe(2);
    expect(await replayPendingEdits(db, store)).toBe(2);
    expect((await getDetails(db, caseId)).story.goals).toBe('newer');
  });

  it('drops an entry that can never be written: its opinion or question was deleted, or its value is invalid', async () => {
    const store = memoryStore();
    store.setItem(
      'second-look:pending-edit:000000000000001:000000',
      JSON.stringify({ kind: 'opinion', id: 'deleted-opinion', field: 'notes', value: 'x' }),
    );
    store.setItem(
      'second-look:pending-edit:000000000000002:000001',
      JSON.stringify({ kind: 'question', id: 'deleted-question', field: 'answer', value: 'x' }),
    );
    store.setItem(
      'second-look:pending-edit:000000000000003:000002',
      JSON.stringify({ kind: 'story', caseId, field: 'diagnosis', value: 'x'.repeat(100_000) }),
    );
    store.setItem(
      'second-look:pending-edit:000000000000004:000003',
      JSON.stringify({ kind: 'story', caseId, field: 'goals', value: 'written' }),
    );
    expect(await replayPendingEdits(db, store)).toBe(1);
    expect(store.data.size).toBe(0);
    expect((await getDetails(db, caseId)).story.goals).toBe('written');
  });

  it('keeps About the patient the same way: typed, logged, written; a cleared field replayed as cleared', async () => {
    const store = memoryStore();
    await saveEdit(db, store, { kind: 'patient', caseId, field: 'name', value: 'Robin Example' });
    expect((await getDetails(db, caseId)).patient?.name).toBe('Robin Example');
    expect(store.data.size).toBe(0);
    store.setItem(
      'second-look:pending-edit:000000000000001:000000',
      JSON.stringify({ kind: 'patient', caseId, field: 'name', value: '' }),
    );
    store.setItem(
      'second-look:pending-edit:000000000000002:000001',
      JSON.stringify({ kind: 'patient', caseId, field: 'birthDate', value: undefined }),
    );
    expect(await replayPendingEdits(db, store)).toBe(2);
    expect((await getDetails(db, caseId)).patient?.name).toBeUndefined();
  });
});
