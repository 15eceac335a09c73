// Requests in the database: saved as typed, tracked, the provider's address remembered, gone with the case;
// and the version-4 upgrade keeps every row of a version-2 database.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase, deleteCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import {
  addRequest,
  editRequest,
  knownProviders,
  listRequests,
  markReceived,
  markSent,
  rememberedProvider,
  setProviderName,
} from '../../../lib/letters/requests';
import { openShipped } from '../fixtures/shipped-schemas';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
function open(name: string) {
  names.push(name);
  return new CaseDb(name);
}

describe('records requests', () => {
  it('keeps what was typed even when the letter cannot be made yet, then tracks sent and received', async () => {
    const db = open('requests-1');
    const c = await createCase(db, 'Case');
    const request = await addRequest(db, c.id, 'records', ['pathology', 'imaging-images'], 'es');
    expect(request).toMatchObject({ families: ['pathology', 'imaging-images'], language: 'es', sentOn: '' });
    // A range that ends before it starts is kept as typed: the panel says what is wrong, nothing is lost.
    await editRequest(db, request.id, { dateFrom: '2026-11-30', dateTo: '2026-03-01' });
    await markSent(db, request.id, '2026-10-01');
    await markReceived(db, request.id, '2026-10-20', ['record-1']);
    const [stored] = await listRequests(db, c.id);
    expect(stored).toMatchObject({
      dateFrom: '2026-11-30',
      dateTo: '2026-03-01',
      sentOn: '2026-10-01',
      receivedOn: '2026-10-20',
      receivedRecordIds: ['record-1'],
    });
    await expect(editRequest(db, request.id, { sentOn: 'yesterday' })).rejects.toThrow();
    await expect(editRequest(db, 'nope', { note: 'x' })).rejects.toThrow('request-not-found');
    db.close();
  });

  it('remembers a provider typed once, and the patient contact for the next request', async () => {
    const db = open('requests-2');
    const first = await createCase(db, 'First');
    const second = await createCase(db, 'Second');
    const request = await addRequest(db, first.id, 'records', ['labs'], 'en');
    await editRequest(db, request.id, {
      provider: { name: 'Valley General Hospital', department: 'HIM', address: '100 Example Road', fax: '555-0100' },
      contact: 'robin@example.test',
    });
    expect(await rememberedProvider(db, ' valley general hospital ')).toEqual({
      name: 'Valley General Hospital',
      department: 'HIM',
      address: '100 Example Road',
      fax: '555-0100',
    });
    expect(await rememberedProvider(db, 'Another Clinic')).toBeUndefined();
    expect(await knownProviders(db)).toEqual(['Valley General Hospital']);
    const next = await addRequest(db, first.id, 'records', ['notes'], 'en');
    expect(next.contact).toBe('robin@example.test');
    // Requests belong to their case, and leave with it.
    expect(await listRequests(db, second.id)).toEqual([]);
    await deleteCase(db, first.id);
    expect(await db.requests.count()).toBe(0);
    await expect(addRequest(db, first.id, 'records', [], 'en')).rejects.toThrow('case-not-found');
    db.close();
  });
});

describe('database version 4', () => {
  it('keeps every version-2 row and adds the requests table', async () => {
    const name = 'migration-v2-v4';
    names.push(name);
    const v2 = openShipped(name, 2);
    const now = '2026-11-01T10:00:00.000Z';
    await v2.table('cases').add({ id: 'c1', title: 'Biopsia ¿ñ?', createdAt: now, updatedAt: now });
    await v2.table('meta').add({ key: 'created', createdAt: now });
    await v2
      .table('caseDetails')
      .add({ caseId: 'c1', story: { diagnosis: 'Nodule' }, notApplicable: {}, decision: {}, updatedAt: now });
    await v2.table('questions').add({ id: 'q1', caseId: 'c1', text: 'Why?' });
    await v2.table('opinions').add({ id: 'o1', caseId: 'c1', clinician: 'Dr. Example' });
    v2.close();

    const db = new CaseDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.cases.get('c1')).toEqual({ id: 'c1', title: 'Biopsia ¿ñ?', createdAt: now, updatedAt: now });
    expect((await db.caseDetails.get('c1'))?.story).toEqual({ diagnosis: 'Nodule' });
    expect(await db.questions.count()).toBe(1);
    expect(await db.opinions.count()).toBe(1);
    expect(await db.meta.get('created')).toEqual({ key: 'created', createdAt: now });
    expect(await db.requests.count()).toBe(0);
    const request = await addRequest(db, 'c1', 'records', ['pathology'], 'en');
    expect(await listRequests(db, 'c1')).toEqual([request]);
    db.close();
  });
});

describe('provider typed once', () => {
  it('fills the address of a provider written to before, and never overwrites one already typed', async () => {
    const db = open('requests-3');
    const c = await createCase(db, 'Case');
    const first = await addRequest(db, c.id, 'records', ['labs'], 'en');
    await editRequest(db, first.id, { provider: { name: 'Valley General Hospital' } });
    await editRequest(db, first.id, { provider: { address: '100 Example Road', fax: '555-0100' } });
    expect((await db.requests.get(first.id))?.provider).toEqual({
      name: 'Valley General Hospital',
      department: '',
      address: '100 Example Road',
      fax: '555-0100',
    });
    const second = await addRequest(db, c.id, 'records', ['notes'], 'en');
    expect(await setProviderName(db, second.id, 'valley general hospital')).toBe(true);
    expect((await db.requests.get(second.id))?.provider).toEqual({
      name: 'valley general hospital',
      department: '',
      address: '100 Example Road',
      fax: '555-0100',
    });
    const third = await addRequest(db, c.id, 'records', ['notes'], 'en');
    await editRequest(db, third.id, { provider: { address: 'Typed by hand' } });
    expect(await setProviderName(db, third.id, 'Valley General Hospital')).toBe(false);
    expect((await db.requests.get(third.id))?.provider.address).toBe('Typed by hand');
    db.close();
  });
});
