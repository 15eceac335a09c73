import type { CaseDb } from '../core/db';
import type { CaseId, RecordId } from '../core/model';
import { newId, nowIso } from '../core/ids';
import { z } from '../core/schema';
import { Question, QuestionFamily } from '../core/workspace-model';
import { writeCase } from './case-write';

/** Questions in the order the patient will ask them: priority, then the order they were added. */
export function sortQuestions<T extends Pick<Question, 'priority' | 'createdAt'>>(questions: T[]): T[] {
  return [...questions].sort((a, b) => a.priority - b.priority || a.createdAt.localeCompare(b.createdAt));
}

export async function listQuestions(db: CaseDb, caseId: CaseId): Promise<Question[]> {
  return sortQuestions(await db.questions.where('caseId').equals(caseId).toArray());
}

/** Adds a question at the end of the list (lowest priority). */
export async function addQuestion(db: CaseDb, caseId: CaseId, family: QuestionFamily, text: string): Promise<Question> {
  return writeCase(db, async (w) => {
    if (!(await db.cases.get(caseId))) throw new Error('case-not-found');
    const existing = await db.questions.where('caseId').equals(caseId).toArray();
    const last = existing.reduce((max, q) => Math.max(max, q.priority), 0);
    const now = nowIso();
    const question = Question.parse({
      id: newId(),
      caseId,
      family,
      text: text.trim(),
      priority: last + 1,
      linkedRecordIds: [],
      answered: false,
      answer: '',
      createdAt: now,
      updatedAt: now,
    });
    await w.addQuestions([question]);
    return question;
  });
}

export const QuestionEdit = z.partial(z.pick(Question, { family: true, text: true, answered: true, answer: true }));
export type QuestionEdit = z.infer<typeof QuestionEdit>;

/** Changes only the given fields, so another panel's edit to a different field survives. */
export async function editQuestion(db: CaseDb, id: string, edit: QuestionEdit): Promise<void> {
  const valid = QuestionEdit.parse(edit);
  const changed = await writeCase(db, (w) => w.updateQuestion(id, { ...valid, updatedAt: nowIso() }));
  if (!changed) throw new Error('question-not-found');
}

export async function deleteQuestion(db: CaseDb, id: string): Promise<void> {
  await writeCase(db, (w) => w.deleteQuestion(id));
}

/** Links or unlinks a record; read and written in one transaction so concurrent link changes compose. */
export async function setQuestionLink(db: CaseDb, id: string, recordId: RecordId, linked: boolean): Promise<void> {
  await writeCase(db, async (w) => {
    const question = await db.questions.get(id);
    if (!question) throw new Error('question-not-found');
    const others = question.linkedRecordIds.filter((r) => r !== recordId);
    await w.updateQuestion(id, { linkedRecordIds: linked ? [...others, recordId] : others, updatedAt: nowIso() });
  });
}

/**
 * Moves a question one place up (-1) or down (+1) by swapping priorities with its neighbour.
 * Priorities are renumbered 1..n first, so ties left by concurrent adds cannot make a move a no-op.
 */
export async function moveQuestion(db: CaseDb, id: string, direction: -1 | 1): Promise<void> {
  await writeCase(db, async (w) => {
    const question = await db.questions.get(id);
    if (!question) throw new Error('question-not-found');
    const ordered = await listQuestions(db, question.caseId);
    const from = ordered.findIndex((q) => q.id === id);
    const to = from + direction;
    if (to < 0 || to >= ordered.length) return;
    [ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
    const now = nowIso();
    for (const [index, q] of ordered.entries()) {
      if (q.priority !== index + 1) await w.updateQuestion(q.id, { priority: index + 1, updatedAt: now });
    }
  });
}
