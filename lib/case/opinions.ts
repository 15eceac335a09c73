import type { CaseDb } from '../core/db';
import type { CaseId } from '../core/model';
import { newId, nowIso } from '../core/ids';
import { Opinion, type OpinionField } from '../core/workspace-model';
import { writeCase } from './case-write';

/** Opinions oldest consultation first; undated ones (still being entered) last. */
export function sortOpinions(opinions: Opinion[]): Opinion[] {
  const key = (o: Opinion) => (o.date || '9999') + o.createdAt;
  return [...opinions].sort((a, b) => key(a).localeCompare(key(b)));
}

export async function listOpinions(db: CaseDb, caseId: CaseId): Promise<Opinion[]> {
  return sortOpinions(await db.opinions.where('caseId').equals(caseId).toArray());
}

/** An opinion with every field empty: what "Add opinion" opens for the patient to fill in. */
export function blankOpinion(caseId: CaseId, id: string, now: string): Opinion {
  return {
    id,
    caseId,
    clinician: '',
    institution: '',
    date: '',
    diagnosis: '',
    recommendedTreatment: '',
    reasoning: '',
    answers: '',
    notes: '',
    createdAt: now,
    updatedAt: now,
  };
}

export async function addOpinion(db: CaseDb, caseId: CaseId): Promise<Opinion> {
  return writeCase(db, async (w) => {
    if (!(await db.cases.get(caseId))) throw new Error('case-not-found');
    const opinion = Opinion.parse(blankOpinion(caseId, newId(), nowIso()));
    await w.addOpinions([opinion]);
    return opinion;
  });
}

/** Writes one field only, so two panels editing different fields of one opinion keep both edits. */
export async function setOpinionField(db: CaseDb, id: string, field: OpinionField, value: string): Promise<void> {
  const valid = Opinion.shape[field].parse(value);
  const changed = await db.opinions.update(id, { [field]: valid, updatedAt: nowIso() });
  if (changed === 0) throw new Error('opinion-not-found');
}

export async function deleteOpinion(db: CaseDb, id: string): Promise<void> {
  await writeCase(db, (w) => w.deleteOpinion(id));
}
