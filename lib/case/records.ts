import type { CaseDb } from '../core/db';
import {
  CapturedRecord,
  CaseRecord,
  ClinicalDate,
  RecordKind,
  type Attachment,
  type CaseId,
  type RecordId,
} from '../core/model';
import { sha256Hex } from '../core/hash';
import type { RecordHead } from '../core/record-head';
import { newId, nowIso } from '../core/ids';
import { z } from '../core/schema';
import { writeCase } from './case-write';

export interface AddResult {
  added: RecordId[];
  /** Records whose content the case already holds; nothing was written for them. */
  duplicates: RecordId[];
  /** Files stored with the added records (only counted when there are any). */
  attachmentsAdded?: number;
}

export class CaseNotFoundError extends Error {
  constructor(caseId: CaseId) {
    super(`case ${caseId} not found`);
    this.name = 'CaseNotFoundError';
  }
}

/** A file to keep with a record, already checked and hashed. */
export type NewAttachment = Pick<Attachment, 'name' | 'mediaType' | 'size' | 'sha256' | 'blob'>;

/**
 * Adds captured records to a case in one durable transaction: all or nothing, attachments included
 * (`attachments[i]` belongs to `captured[i]`; a duplicate record's attachments are not stored again).
 * Hashing happens before the transaction because a non-IndexedDB await inside one would commit it early.
 */
export async function addRecords(
  db: CaseDb,
  caseId: CaseId,
  captured: CapturedRecord[],
  attachments: NewAttachment[][] = [],
  /** `parsed: true` when the caller already parsed `captured` with CapturedRecord (the clip path does):
   * parsing a 50,000-row lab panel a second time cost as much as the write. */
  options: { parsed?: boolean } = {},
): Promise<AddResult> {
  const now = nowIso();
  const prepared: CaseRecord[] = [];
  for (const item of captured) {
    const valid = options.parsed ? item : CapturedRecord.parse(item);
    prepared.push({
      ...valid,
      id: newId(),
      caseId,
      capturedAt: now,
      updatedAt: now,
      contentHash: await sha256Hex(valid.snapshotHtml),
      note: '',
    });
  }
  return writeCase(db, async (w) => {
    // The reads are asked at once (one round trip, not one per read), and a duplicate is found by its index
    // key alone: the stored record (perhaps a 50,000-row panel) is never read back to learn its id.
    const [found, existing] = await Promise.all([
      db.cases.get(caseId),
      Promise.all(
        prepared.map((record) =>
          db.records.where('[caseId+contentHash]').equals([caseId, record.contentHash]).primaryKeys(),
        ),
      ),
      w.summary(caseId),
    ]);
    if (!found) throw new CaseNotFoundError(caseId);
    const result: AddResult = { added: [], duplicates: [] };
    const seen = new Set<string>();
    for (const [index, record] of prepared.entries()) {
      const stored = existing[index]![0];
      if (stored !== undefined || seen.has(record.contentHash)) {
        result.duplicates.push(stored !== undefined ? String(stored) : record.id);
        continue;
      }
      seen.add(record.contentHash);
      const files = (attachments[index] ?? []).map((file) => ({ ...file, id: newId(), caseId, recordId: record.id }));
      await w.addRecord(record, files);
      result.added.push(record.id);
      if (files.length > 0) result.attachmentsAdded = (result.attachmentsAdded ?? 0) + files.length;
    }
    if (result.added.length > 0) await db.cases.update(caseId, { updatedAt: now });
    return result;
  });
}

export const RecordEdit = z.partial(
  z.object({
    title: CaseRecord.shape.title,
    clinicalDate: z.nullable(ClinicalDate),
    kind: RecordKind,
    note: CaseRecord.shape.note,
  }),
);
export type RecordEdit = z.infer<typeof RecordEdit>;

export async function editRecord(db: CaseDb, id: RecordId, edit: RecordEdit): Promise<void> {
  const valid = RecordEdit.parse(edit);
  const { clinicalDate, ...rest } = valid;
  const changes: Partial<CaseRecord> = { ...rest, updatedAt: nowIso() };
  if (clinicalDate !== undefined) changes.clinicalDate = clinicalDate ?? undefined;
  if (!(await writeCase(db, (w) => w.updateRecord(id, changes)))) throw new Error('record-not-found');
}

/**
 * The patient names a portal (one no adapter knows, or a clearer name): every record of the case from that
 * origin shows it. Returns how many records changed.
 */
export async function namePortal(db: CaseDb, caseId: CaseId, origin: string, name: string): Promise<number> {
  const portalName = name.trim().slice(0, 200);
  if (!portalName) throw new Error('portal-name-empty');
  // The portal's name is not part of the case summary; it still goes through the one writer.
  return writeCase(db, () =>
    db.records
      .where('caseId')
      .equals(caseId)
      .filter((r) => r.provenance.origin === origin)
      .modify((r) => {
        r.provenance = { ...r.provenance, portalName };
        r.updatedAt = nowIso();
      }),
  );
}

export async function deleteRecord(db: CaseDb, id: RecordId): Promise<void> {
  await writeCase(db, (w) => w.deleteRecord(id));
}

const KIND_ORDER = RecordKind.options;

/** Records grouped by kind (checklist order), newest clinical date first within a kind. */
const KIND_RANK = new Map<string, number>(KIND_ORDER.map((kind, i) => [kind, i]));

/**
 * Kind order, then newest first. Dates are ISO 8601 strings, so code-unit order is date order: the
 * `localeCompare` this replaced ran ICU collation ~10,000 times on every load of a 1,000-record case.
 */
export function sortRecords<T extends Pick<CaseRecord, 'kind' | 'clinicalDate' | 'capturedAt'>>(records: T[]): T[] {
  return records
    .map((record) => ({
      record,
      rank: KIND_RANK.get(record.kind) ?? KIND_ORDER.length,
      date: record.clinicalDate ?? record.capturedAt,
    }))
    .sort((a, b) => a.rank - b.rank || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map(({ record }) => record);
}

export async function listRecords(db: CaseDb, caseId: CaseId): Promise<CaseRecord[]> {
  return sortRecords(await db.records.where('caseId').equals(caseId).toArray());
}

/** Every record of a case as a list shows it (heads: no snapshot, text or results), in `sortRecords` order. */
export async function listRecordHeads(db: CaseDb, caseId: CaseId): Promise<RecordHead[]> {
  return sortRecords(await db.recordHeads.where('caseId').equals(caseId).toArray());
}

/**
 * The first `limit` records of one kind, in list order, as the list shows them (their heads: no snapshot, text
 * or results are read): dated ones newest first (read through the [caseId+kind+clinicalDate] index, so a page
 * costs its own size, not the case's), then undated ones, newest capture first among those shown. `undated`
 * (from the case summary) says whether any exist.
 */
export async function listRecordPage(
  db: CaseDb,
  caseId: CaseId,
  kind: RecordKind,
  limit: number,
  undated: number,
): Promise<RecordHead[]> {
  const dated = await db.recordHeads
    .where('[caseId+kind+clinicalDate]')
    .between([caseId, kind, ''], [caseId, kind, '\uffff'], true, true)
    .reverse()
    .limit(limit)
    .toArray();
  if (dated.length >= limit || undated === 0) return dated;
  // Reached only once every dated record of the kind is shown: the scan reads at most those plus the page.
  const rest = await db.recordHeads
    .where('[caseId+kind]')
    .equals([caseId, kind])
    .filter((r) => !r.clinicalDate)
    .limit(limit - dated.length)
    .toArray();
  return [...dated, ...rest.sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : 0))];
}

/** Which of these records keep at least one file (index keys only: no file is read). */
export async function recordsWithFiles(db: CaseDb, recordIds: readonly RecordId[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  return new Set(
    (
      await db.attachments
        .where('recordId')
        .anyOf([...recordIds])
        .keys()
    ).map(String),
  );
}
