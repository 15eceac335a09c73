import { completeness, type CompletenessRecord, type CompletenessState } from '../case';
import { sortQuestions } from '../case';
import type { CaseDetails, Opinion, Question, Story } from '../core/workspace-model';
import type {
  CaseStory,
  CompletenessItem,
  ManifestOpinionInput,
  ManifestWorkspaceInput,
  PackageQuestion,
} from './package-input';

/** The catalogue lookup the panel uses; the package is text, so keys are translated before export. */
export type TranslateKey = (key: string) => string;

const under = (s: string) => s.replace(/-/g, '_');

/** Story fields shown as labelled sections on the cover sheet, in the order the story form asks them. */
const SECTION_FIELDS = [
  'diagnosis',
  'proposedTreatment',
  'triedSoFar',
  'goals',
  'timeSensitiveDetail',
  'medications',
  'allergies',
  'familyHistory',
  'referringDoctor',
  'secondOpinionDoctor',
] as const satisfies readonly (keyof Story)[];

/**
 * The workspace story as the package's cover sheet wants it (translated labels), plus the raw fields
 * under `fields` so an import can restore the story form exactly (CaseStory is a loose schema).
 */
export function packageStory(story: Story, t: TranslateKey): CaseStory | undefined {
  const fields = Object.fromEntries(Object.entries(story).filter(([, v]) => v !== undefined && v !== ''));
  if (Object.keys(fields).length === 0) return undefined;
  const reason = [story.reason ? t(`story_reason_${story.reason}`) : '', story.reasonDetail?.trim() ?? '']
    .filter(Boolean)
    .join('\n\n');
  const sections = SECTION_FIELDS.filter((f) => story[f]?.trim()).map((f) => ({
    label: t(`story_${f}`),
    text: story[f]!.trim(),
  }));
  return {
    ...(reason ? { reason } : {}),
    ...(sections.length ? { sections } : {}),
    ...(story.timeSensitive === 'yes' ? { timeSensitive: true } : {}),
    fields,
  };
}

/**
 * Questions in priority order, renumbered 1..n. Links to records left out of the package are dropped.
 * `questionFamily` and `answered` are kept raw for import; `family` is the translated label the doctor reads.
 */
export function packageQuestions(
  questions: Question[],
  includedRecordIds: ReadonlySet<string>,
  t: TranslateKey,
): PackageQuestion[] {
  return sortQuestions(questions).map((q, i) => ({
    id: q.id,
    text: q.text,
    priority: i + 1,
    family: t(`qfamily_${under(q.family)}`),
    questionFamily: q.family,
    ...(q.answer.trim() ? { answer: q.answer } : {}),
    answered: q.answered,
    recordIds: q.linkedRecordIds.filter((id) => includedRecordIds.has(id)),
  }));
}

/** The checklist for the records in the package, with family names and gap hints as text; `familyId` stays stable for software. */
export function packageCompleteness(
  records: CompletenessRecord[],
  state: CompletenessState,
  t: TranslateKey,
): CompletenessItem[] {
  return completeness(records, state).map((item) => ({
    family: t(`family_${under(item.family)}`),
    familyId: item.family,
    status: item.status,
    count: item.count,
    hint: item.hint ? t(item.hint) : '',
  }));
}

/**
 * The workspace rows as stored, for the manifest's `workspace` and `opinions`: what an import needs to
 * restore the case exactly. Links to records left out of the package are dropped (they would point at
 * nothing in the imported case); everything else is the row as stored, minus its case id.
 */
const byPriority = (a: Question, b: Question) =>
  a.priority - b.priority || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

export function packageWorkspace(
  details: CaseDetails | undefined,
  questions: Question[],
  opinions: Opinion[],
  includedRecordIds: ReadonlySet<string>,
): { workspace: ManifestWorkspaceInput; opinions: ManifestOpinionInput[] } {
  const withoutCase = <T extends { caseId: string }>({ caseId: _case, ...row }: T): Omit<T, 'caseId'> => row;
  return {
    workspace: {
      ...(details ? { details: withoutCase(details) } : {}),
      // In priority order, not storage order (ids change on import), so the same case writes the same manifest.
      questions: [...questions].sort(byPriority).map((q) => ({
        ...withoutCase(q),
        linkedRecordIds: q.linkedRecordIds.filter((id) => includedRecordIds.has(id)),
      })),
    },
    opinions: [...opinions]
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
      .map(withoutCase),
  };
}
