import type { CaseDb } from '../core/db';
import type { Manifest } from '../export';
import { newId, nowIso } from '../core/ids';
import { Question, QuestionFamily, Story } from '../core/workspace-model';
import type { CaseDetails } from '../core/workspace-model';

/** Keeps each story field that still parses (a redacted export may have altered an enum value). */
function storyFrom(manifest: Manifest): Story {
  const fields: unknown = manifest.case.story?.fields;
  if (!fields || typeof fields !== 'object') return {};
  const story: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const shape = (Story.shape as Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }>)[
      key
    ];
    const parsed = shape?.safeParse(value);
    if (parsed?.success && parsed.data !== undefined) story[key] = parsed.data;
  }
  return story as Story;
}

/**
 * The workspace rows (story, questions) an imported package carries, for the new case `caseId`.
 * Question links go through `recordIds` (package id -> new id); links to records not in the package drop.
 */
export function workspaceFromManifest(
  manifest: Manifest,
  caseId: string,
  recordIds: ReadonlyMap<string, string>,
  now = nowIso(),
): { details: CaseDetails | undefined; questions: Question[] } {
  const story = storyFrom(manifest);
  const details = Object.keys(story).length
    ? { caseId, story, notApplicable: {}, decision: {}, updatedAt: now }
    : undefined;
  const ordered = [...manifest.questions]
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (a.q.priority ?? a.i) - (b.q.priority ?? b.i) || a.i - b.i);
  const questions: Question[] = [];
  for (const [index, { q }] of ordered.entries()) {
    const family = QuestionFamily.safeParse(q.questionFamily);
    const parsed = Question.safeParse({
      id: newId(),
      caseId,
      family: family.success ? family.data : 'diagnosis',
      text: q.text.trim().slice(0, 2000),
      priority: index + 1,
      linkedRecordIds: (q.recordIds ?? []).flatMap((id) => recordIds.get(id) ?? []),
      answered: q.answered === true,
      answer: (q.answer ?? '').slice(0, 20_000),
      createdAt: now,
      updatedAt: now,
    });
    if (parsed.success) questions.push(parsed.data);
  }
  return { details, questions };
}

/** Writes the story and questions of an imported case in one transaction (the case itself exists already). */
export async function restoreWorkspace(
  db: CaseDb,
  manifest: Manifest,
  caseId: string,
  recordIds: ReadonlyMap<string, string>,
): Promise<void> {
  const { details, questions } = workspaceFromManifest(manifest, caseId, recordIds);
  if (!details && questions.length === 0) return;
  await db.transaction('rw', db.caseDetails, db.questions, async () => {
    if (details) await db.caseDetails.put(details);
    if (questions.length) await db.questions.bulkAdd(questions);
  });
}
