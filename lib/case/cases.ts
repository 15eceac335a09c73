import type { CaseDb } from '../core/db';
import { Case, type CaseId } from '../core/model';
import { newId, nowIso } from '../core/ids';
import { writeCase } from './case-write';

export async function createCase(db: CaseDb, title: string): Promise<Case> {
  const now = nowIso();
  const created = Case.parse({ id: newId(), title: title.trim(), createdAt: now, updatedAt: now });
  await writeCase(db, async (w) => {
    await db.cases.add(created);
    w.startCase(created.id);
  });
  return created;
}

export async function renameCase(db: CaseDb, id: CaseId, title: string): Promise<void> {
  const trimmed = Case.shape.title.parse(title.trim());
  const changed = await db.cases.update(id, { title: trimmed, updatedAt: nowIso() });
  if (changed === 0) throw new Error('case-not-found');
}

/** Deletes the case with everything in it, in one transaction: never half a case. */
export async function deleteCase(db: CaseDb, id: CaseId): Promise<void> {
  await writeCase(db, async (w) => {
    w.forgetCase(id);
    await db.caseSummaries.delete(id);
    await db.sentPackages.where('caseId').equals(id).delete();
    await db.requests.where('caseId').equals(id).delete();
    await db.opinions.where('caseId').equals(id).delete();
    await db.questions.where('caseId').equals(id).delete();
    await db.caseDetails.delete(id);
    await db.attachments.where('caseId').equals(id).delete();
    await db.recordHeads.where('caseId').equals(id).delete();
    await db.records.where('caseId').equals(id).delete();
    await db.cases.delete(id);
  });
}

export async function listCases(db: CaseDb): Promise<Case[]> {
  return db.cases.orderBy('updatedAt').reverse().toArray();
}
