// A request's fields typed just before the panel closed: logged synchronously, written, replayed at the next
// open when the write did not finish; never lost, never written over by an older edit.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { saveEdit } from '../../../lib/case/pending-edits';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import { replayPendingRequestEdits, saveRequestEdit } from '../../../lib/letters/request-edits';
import { addRequest, deleteRequest, editRequest } from '../../../lib/letters/requests';
import { memoryStore } from '../helpers/memory-store';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
async function withRequest() {
  const name = `request-edits-${crypto.randomUUID()}`;
  names.push(name);
  const db = new CaseDb(name);
  const c = await createCase(db, 'Case');
  const request = await addRequest(db, c.id, 'records', ['pathology'], 'en');
  return { db, caseId: c.id, id: request.id };
}
const key = (ms: number, n: number) =>
  `second-look:pending-request-edit:${String(ms).padStart(15, '0')}:${String(n).padStart(6, '0')}`;

describe('request edits log', () => {
  it('writes a typed field and clears its entry; a provider name fills in the address typed for it before', async () => {
    const { db, caseId, id } = await withRequest();
    const store = memoryStore();
    expect(await saveRequestEdit(db, store, { kind: 'fields', id, edit: { provider: { address: '1 Main St' } } })).toBe(
      false,
    );
    expect(await saveRequestEdit(db, store, { kind: 'provider-name', id, name: 'Valley General' })).toBe(false);
    const second = await addRequest(db, caseId, 'records', ['pathology'], 'en');
    expect(await saveRequestEdit(db, store, { kind: 'provider-name', id: second.id, name: 'valley general ' })).toBe(
      true,
    );
    expect((await db.requests.get(second.id))?.provider).toMatchObject({ address: '1 Main St' });
    expect(store.data.size).toBe(0);
  });

  it('replays what a closed panel left, oldest first, and leaves the other logs and keys alone', async () => {
    const { db, caseId, id } = await withRequest();
    const store = memoryStore();
    store.setItem(key(2, 1), JSON.stringify({ kind: 'fields', id, edit: { note: 'second' } }));
    store.setItem(
      key(1, 0),
      JSON.stringify({ kind: 'fields', id, edit: { note: 'first', contact: 'robin@example.test' } }),
    );
    store.setItem(key(3, 2), JSON.stringify({ kind: 'provider-name', id, name: 'Valley General' }));
    store.setItem(key(4, 3), '{not json');
    store.setItem(
      'second-look:pending-edit:000000000000001:000000',
      JSON.stringify({ kind: 'story', caseId, field: 'goals', value: 'x' }),
    );
    store.setItem('other-key', 'kept');
    expect(await replayPendingRequestEdits(db, store)).toBe(3);
    expect(await db.requests.get(id)).toMatchObject({
      note: 'second',
      contact: 'robin@example.test',
      provider: { name: 'Valley General' },
    });
    expect([...store.data.keys()].sort()).toEqual(['other-key', 'second-look:pending-edit:000000000000001:000000']);
  });

  it('drops edits of a request deleted since and values that can never parse; keeps the rest for the next open', async () => {
    const { db, id } = await withRequest();
    const store = memoryStore();
    // A write refused by the request's schema keeps its entry when saved; the next replay sees it can never be written.
    await expect(
      saveRequestEdit(db, store, { kind: 'fields', id, edit: { note: 'x'.repeat(6000) } }),
    ).rejects.toThrow();
    expect(store.data.size).toBe(1);
    store.setItem(key(Date.now() + 1, 0), JSON.stringify({ kind: 'fields', id: 'gone', edit: { note: 'lost' } }));
    expect(await replayPendingRequestEdits(db, store)).toBe(0);
    expect(store.data.size).toBe(0);
    // A database that cannot be written now (closed): the entry and every later one stay for the next open.
    store.setItem(key(10, 0), JSON.stringify({ kind: 'fields', id, edit: { note: 'kept' } }));
    store.setItem(key(11, 1), JSON.stringify({ kind: 'fields', id, edit: { note: 'later' } }));
    db.close();
    expect(await replayPendingRequestEdits(db, store)).toBe(0);
    expect(store.data.size).toBe(2);
    await db.open();
    expect(await replayPendingRequestEdits(db, store)).toBe(2);
    expect((await db.requests.get(id))?.note).toBe('later');
    await deleteRequest(db, id);
  });

  it('shares the ordering of the case log: two edits saved in the same millisecond keep their order', async () => {
    const { db, caseId, id } = await withRequest();
    const store = memoryStore();
    const never = () => new Promise<void>(() => undefined);
    // Writes that never finish (the panel went away): both logs hold their entries, distinct and in order.
    const blocked = new Proxy(db, {
      get: (target, prop) => (prop === 'transaction' ? never : Reflect.get(target, prop)),
    }) as CaseDb;
    void saveRequestEdit(blocked, store, { kind: 'fields', id, edit: { note: 'one' } });
    void saveRequestEdit(blocked, store, { kind: 'fields', id, edit: { note: 'two' } });
    void saveEdit(blocked, store, { kind: 'story', caseId, field: 'goals', value: 'g' });
    expect(store.data.size).toBe(3);
    await editRequest(db, id, { note: 'zero' });
    expect(await replayPendingRequestEdits(db, store)).toBe(2);
    expect((await db.requests.get(id))?.note).toBe('two');
  });
});
