import type { QuestionFamily } from '../core/workspace-model';

/** A suggested question: its family and the catalogue key of its plain-language text (DOMAIN.md). */
export interface SuggestedQuestion {
  id: string;
  family: QuestionFamily;
  messageKey: string;
}

const bank: [QuestionFamily, string[]][] = [
  ['diagnosis', ['agree', 'evidence', 'alternatives', 'tests']],
  ['treatment', ['agree', 'proscons', 'options', 'outcomes', 'dailylife', 'delay']],
  ['experience', ['cases', 'results']],
  ['next-steps', ['recommend', 'share', 'support']],
];

/** Keys follow `qbank_<family>_<name>` so the catalogue test can check every suggestion has text. */
export const SUGGESTED_QUESTIONS: SuggestedQuestion[] = bank.flatMap(([family, names]) =>
  names.map((name) => ({
    id: `${family}/${name}`,
    family,
    messageKey: `qbank_${family.replace(/-/g, '_')}_${name}`,
  })),
);
