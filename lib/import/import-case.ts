import type { CaseDb } from '../core/db';
import { Case, CaseRecord, type Attachment } from '../core/model';
import { newId, nowIso } from '../core/ids';
import type { ImportedPackage } from './package-import';

export interface ImportedCase {
  caseId: string;
  /** Package record id -> new record id, so the caller can carry questions' record links over. */
  recordIds: Map<string, string>;
}

/**
 * Writes a package that `readPackage` accepted as a NEW case, in one durable transaction: all or
 * nothing. Ids are new (the package's ids may collide with or mirror an existing case); content
 * hashes are kept because they identify the captured content.
 */
export async function importCase(
  db: CaseDb,
  data: ImportedPackage,
  now: () => Date = () => new Date(),
): Promise<ImportedCase> {
  const at = nowIso(now);
  const caseRow = Case.parse({
    id: newId(),
    title: data.manifest.case.title.trim().slice(0, 300) || 'Imported case',
    createdAt: data.manifest.case.createdAt,
    updatedAt: at,
  });
  const recordIds = new Map(data.records.map((r) => [r.packageId, newId()]));
  const records = data.records.map(({ packageId, ...record }) =>
    CaseRecord.parse({ ...record, id: recordIds.get(packageId)!, caseId: caseRow.id, updatedAt: at }),
  );
  const attachments: Attachment[] = data.attachments.map((a) => {
    const recordId = recordIds.get(a.packageRecordId);
    if (!recordId) throw new Error('attachment without a record');
    return {
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
  await db.transaction('rw', db.cases, db.records, db.attachments, async () => {
    await db.cases.add(caseRow);
    await db.records.bulkAdd(records);
    await db.attachments.bulkAdd(attachments);
  });
  return { caseId: caseRow.id, recordIds };
}
