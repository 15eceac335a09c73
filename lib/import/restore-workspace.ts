import type { CaseDb } from '../core/db';
import type { Manifest } from '../export';
import { writeCase } from '../case';
import { newId, nowIso } from '../core/ids';
import { OPINION_TEXT_FIELDS, Opinion, Question, QuestionFamily, RecordFamily, Story } from '../core/workspace-model';
import type { CaseDetails } from '../core/workspace-model';

/** Keeps each story field that still parses (a redacted export may have altered an enum value). */
function storyFrom(fields: unknown): Story {
  if (!fields || typeof fields !== 'object') return {};
  const story: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!Object.hasOwn(Story.shape, key)) continue;
    const shape = (Story.shape as Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }>)[
      key
    ];
    const parsed = shape?.safeParse(value);
    if (parsed?.success && parsed.data !== undefined) story[key] = parsed.data;
  }
  return story as Story;
}

/** Packages made before the workspace was kept: the checklist's "not applicable" marks, from its statuses. */
function notApplicableFrom(manifest: Manifest): CaseDetails['notApplicable'] {
  const marks: CaseDetails['notApplicable'] = {};
  for (const item of manifest.completeness ?? []) {
    const family = RecordFamily.safeParse(item.familyId);
    if (family.success && item.status === 'not-applicable') marks[family.data] = true;
  }
  return marks;
}

/** What an opinion's fields are when a package leaves them out: empty, as "Add opinion" starts them. */
const blankOpinion = (now: string) => ({
  ...Object.fromEntries(OPINION_TEXT_FIELDS.map((field) => [field, ''])),
  createdAt: now,
  updatedAt: now,
});

export interface RestoredWorkspace {
  details: CaseDetails | undefined;
  questions: Question[];
  opinions: Opinion[];
}

/**
 * The workspace rows an imported package carries, for the new case `caseId`: the stored rows when the
 * package has them (`workspace`, `opinions`), else what older packages hold (story fields, questions,
 * checklist statuses). Rows get new ids (the same package may be imported twice); times and every
 * other field are kept. Record links go through `recordIds` (package id -> new id).
 */
export function workspaceFromManifest(
  manifest: Manifest,
  caseId: string,
  recordIds: ReadonlyMap<string, string>,
  now = nowIso(),
): RestoredWorkspace {
  const links = (ids: readonly string[]) => ids.flatMap((id) => recordIds.get(id) ?? []);
  const opinions = (manifest.opinions ?? []).flatMap((o) => {
    const parsed = Opinion.safeParse({ ...blankOpinion(now), ...o, id: newId(), caseId });
    return parsed.success ? [parsed.data] : [];
  });
  const stored = manifest.workspace;
  if (stored) {
    return {
      details: stored.details ? { ...stored.details, caseId } : undefined,
      questions: stored.questions.map((q) =>
        Question.parse({ ...q, id: newId(), caseId, linkedRecordIds: links(q.linkedRecordIds) }),
      ),
      opinions,
    };
  }
  const story = storyFrom(manifest.case.story?.fields);
  const notApplicable = notApplicableFrom(manifest);
  const details =
    Object.keys(story).length || Object.keys(notApplicable).length
      ? { caseId, story, notApplicable, decision: {}, updatedAt: now }
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
      linkedRecordIds: links(q.recordIds ?? []),
      answered: q.answered === true,
      answer: (q.answer ?? '').slice(0, 20_000),
      createdAt: now,
      updatedAt: now,
    });
    if (parsed.success) questions.push(parsed.data);
  }
  return { details, questions, opinions };
}

/** Writes the story, checklist marks, decision, questions and opinions of an imported case in one transaction. */
export async function restoreWorkspace(
  db: CaseDb,
  manifest: Manifest,
  caseId: string,
  recordIds: ReadonlyMap<string, string>,
): Promise<void> {
  const { details, questions, opinions } = workspaceFromManifest(manifest, caseId, recordIds);
  if (!details && questions.length === 0 && opinions.length === 0) return;
  await writeCase(db, async (w) => {
    if (details) await db.caseDetails.put(details);
    await w.addQuestions(questions);
    await w.addOpinions(opinions);
  });
}
