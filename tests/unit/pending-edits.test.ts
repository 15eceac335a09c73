import { beforeEach, describe, expect, it } from 'vitest';
import { getDetails } from '../../lib/case/case-details';
import { createCase } from '../../lib/case/cases';
import { CaseDb } from '../../lib/core/db';
import { replayPendingEdits, saveEdit, type SyncStore } from '../../lib/case/pending-edits';

function memoryStore(): SyncStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

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
});
