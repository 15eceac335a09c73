import type { CaseDb } from '../core/db';
import { newId, nowIso } from '../core/ids';
import type { CaseId, RecordId } from '../core/model';
import { ProviderAddress, RecordsRequest, type RequestPurpose } from '../core/request-model';
import type { RecordFamily } from '../core/workspace-model';

/** The fields the patient edits on a request; ids, case and times are the store's. */
export type RequestEdit = Partial<Omit<RecordsRequest, 'id' | 'caseId' | 'createdAt' | 'updatedAt' | 'provider'>> & {
  /** Only the provider fields given change: two fields saved close together both keep their edit. */
  provider?: Partial<ProviderAddress>;
};

export async function listRequests(db: CaseDb, caseId: CaseId): Promise<RecordsRequest[]> {
  const requests = await db.requests.where('caseId').equals(caseId).toArray();
  // A live query's result may be frozen (Dexie's cache): sort a copy.
  return [...requests].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** A new draft: what is missing ticked, the language given, the contact and doctor from the patient's last request. */
export function blankRequest(
  caseId: CaseId,
  purpose: RequestPurpose,
  families: RecordFamily[],
  language: RecordsRequest['language'],
  now: string,
  previous?: RecordsRequest,
): RecordsRequest {
  return {
    id: newId(),
    caseId,
    purpose,
    provider: { name: '', department: '', address: '', fax: '' },
    families: purpose === 'records' ? families : [],
    dateFrom: '',
    dateTo: '',
    contact: previous?.contact ?? '',
    sendTo: previous?.sendTo ?? 'patient',
    doctorName: previous?.doctorName ?? '',
    doctorAddress: previous?.doctorAddress ?? '',
    note: '',
    language,
    sentOn: '',
    receivedOn: '',
    receivedRecordIds: [],
    createdAt: now,
    updatedAt: now,
  };
}

export async function addRequest(
  db: CaseDb,
  caseId: CaseId,
  purpose: RequestPurpose,
  families: RecordFamily[],
  language: RecordsRequest['language'],
): Promise<RecordsRequest> {
  return db.transaction('rw', db.cases, db.requests, async () => {
    if (!(await db.cases.get(caseId))) throw new Error('case-not-found');
    const previous = (await listRequests(db, caseId)).pop();
    const request = RecordsRequest.parse(blankRequest(caseId, purpose, families, language, nowIso(), previous));
    await db.requests.add(request);
    return request;
  });
}

/** Saves an edit as typed (after checking its shape), so nothing is lost while a letter cannot be made yet. */
export async function editRequest(db: CaseDb, id: string, edit: RequestEdit): Promise<void> {
  await db.transaction('rw', db.requests, async () => {
    const current = await db.requests.get(id);
    if (!current) throw new Error('request-not-found');
    const provider = { ...current.provider, ...edit.provider };
    const next = RecordsRequest.parse({ ...current, ...edit, provider, updatedAt: nowIso() });
    await db.requests.put(next);
  });
}

export async function deleteRequest(db: CaseDb, id: string): Promise<void> {
  await db.requests.delete(id);
}

export const markSent = (db: CaseDb, id: string, sentOn: string) => editRequest(db, id, { sentOn });

export const markReceived = (db: CaseDb, id: string, receivedOn: string, recordIds: RecordId[]) =>
  editRequest(db, id, { receivedOn, receivedRecordIds: recordIds });

/**
 * The address the patient typed last time for a provider of this name (any case), so it is typed once.
 * Names compare without case or surrounding spaces.
 */
export async function rememberedProvider(
  db: CaseDb,
  name: string,
  exceptId?: string,
): Promise<ProviderAddress | undefined> {
  const key = name.trim().toLowerCase();
  if (!key) return undefined;
  const all = await db.requests.toArray();
  const match = [...all]
    .filter((r) => r.id !== exceptId)
    .filter((r) => r.provider.name.trim().toLowerCase() === key && (r.provider.address || r.provider.fax))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
    .pop();
  return match ? ProviderAddress.parse(match.provider) : undefined;
}

/** Every provider the patient has written to, for the name field's suggestions. */
export async function knownProviders(db: CaseDb): Promise<string[]> {
  const names = (await db.requests.toArray()).map((r) => r.provider.name.trim()).filter(Boolean);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/**
 * Sets who the letter goes to; when the patient has written to this provider before and this request has no
 * address yet, the department, address and fax typed then are filled in. Resolves true when they were.
 */
export async function setProviderName(db: CaseDb, id: string, name: string): Promise<boolean> {
  return db.transaction('rw', db.requests, async () => {
    const current = await db.requests.get(id);
    if (!current) throw new Error('request-not-found');
    const { department, address, fax } = current.provider;
    const known = department || address || fax ? undefined : await rememberedProvider(db, name, id);
    const provider = known ? { ...known, name } : { ...current.provider, name };
    await db.requests.put(RecordsRequest.parse({ ...current, provider, updatedAt: nowIso() }));
    return known !== undefined;
  });
}
