import type { CaseDb } from '../core/db';
import { sha256Hex } from '../core/hash';
import { Case, CaseRecord, type Attachment } from '../core/model';
import { newId, nowIso } from '../core/ids';
import { fail } from './import-error';
import { ATTACHMENT_OWN_FIELDS } from '../export';
import type { ImportedPackage } from './package-import';
import { workspaceFromManifest } from './restore-workspace';
import { sentLogFromFile, writeCase } from '../case';

export interface ImportCaseOptions {
  /**
   * Makes a record page safe to store, exactly as a clip's snapshot is made safe (lib/sanitize,
   * `sanitizeSnapshot` with the importing page's window): a package from someone else is untrusted.
   */
  sanitize: (html: string) => string;
  now?: () => Date;
}

export interface ImportedCase {
  caseId: string;
  /** Package record id -> new record id, so the caller can carry questions' record links over. */
  recordIds: Map<string, string>;
  /**
   * Package ids of records whose page, once sanitized, does not have the content hash the manifest gave:
   * the page held active content (now removed) or was changed after export. They are imported with the
   * hash of what was stored, and the user is told.
   */
  altered: string[];
  /** Entries of data/sent-log.json that did not parse and were left out. */
  sentLogDropped: number;
}

/**
 * Writes a package that `readPackage` accepted as a NEW case, with its story, checklist marks,
 * decision, questions and opinions, in one durable transaction: all or nothing. Ids are new (the package's ids may collide with or mirror an existing case, and the same
 * package may be imported twice); every other stored field is kept as the package gives it, times
 * included. Record pages are sanitized and their content hashes recomputed, never copied.
 */
export async function importCase(db: CaseDb, data: ImportedPackage, options: ImportCaseOptions): Promise<ImportedCase> {
  const at = nowIso(options.now);
  const caseRow = Case.parse({
    id: newId(),
    title: data.manifest.case.title.trim().slice(0, 300) || 'Imported case',
    createdAt: data.manifest.case.createdAt,
    updatedAt: data.manifest.case.updatedAt,
  });
  const recordIds = new Map(data.records.map((r) => [r.packageId, newId()]));
  const altered: string[] = [];
  const hashes = new Set<string>();
  const records: CaseRecord[] = [];
  for (const { packageId, ...record } of data.records) {
    const snapshotHtml = options.sanitize(record.snapshotHtml);
    const contentHash = await sha256Hex(snapshotHtml);
    if (contentHash !== record.contentHash) altered.push(packageId);
    // Two pages that sanitize to the same content are one record's content twice: not from our exporter.
    if (hashes.has(contentHash)) fail('invalid-record', `${packageId}: same content as another record`);
    hashes.add(contentHash);
    records.push(
      CaseRecord.parse({
        ...record,
        snapshotHtml,
        contentHash,
        id: recordIds.get(packageId)!,
        caseId: caseRow.id,
        updatedAt: record.updatedAt ?? at,
      }),
    );
  }
  const attachments: Attachment[] = data.attachments.map((a) => {
    const recordId = recordIds.get(a.packageRecordId);
    if (!recordId) throw new Error('attachment without a record');
    // Fields this version does not know are kept as stored; the ones it owns are set from what was verified.
    const extra = Object.fromEntries(Object.entries(a.fields ?? {}).filter(([key]) => !ATTACHMENT_OWN_FIELDS.has(key)));
    return {
      ...extra,
      id: newId(),
      caseId: caseRow.id,
      recordId,
      name: a.name,
      mediaType: a.mediaType,
      size: a.size,
      sha256: a.sha256,
      blob: a.blob,
    };
  });
  const workspace = workspaceFromManifest(data.manifest, caseRow.id, recordIds, at);
  const sentLog = data.sentLog === undefined ? { rows: [], dropped: 0 } : sentLogFromFile(data.sentLog, caseRow.id);
  // Everything above (sanitizing, hashing) is done before the transaction: IndexedDB commits a
  // transaction that waits on anything else.
  await writeCase(db, async (w) => {
    await db.cases.add(caseRow);
    w.startCase(caseRow.id);
    await w.addRecords(records, attachments);
    if (workspace.details) await db.caseDetails.put(workspace.details);
    await w.addQuestions(workspace.questions);
    await w.addOpinions(workspace.opinions);
    await db.sentPackages.bulkAdd(sentLog.rows);
  });
  return { caseId: caseRow.id, recordIds, altered, sentLogDropped: sentLog.dropped };
}
