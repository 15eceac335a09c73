import type { DocumentLanguage } from '../core/document-language';
import type { DecisionChoice, RecordFamily } from '../core/workspace-model';
import { wordingEn } from './wording-en';
import { wordingEs } from './wording-es';

/** Every sentence a letter is made of, in one language. The project's own text, plainly written; not legal advice. */
export interface Wording {
  months: readonly string[];
  /** A calendar date written out, e.g. "December 6, 2026". */
  longDate: (day: number, month: string, year: number) => string;
  birthDate: (date: string) => string;
  contact: string;
  records: {
    title: string;
    subject: (name: string) => string;
    salutation: (department: string) => string;
    opening: string;
    which: (range: string) => string;
    family: Record<RecordFamily, string>;
    range: {
      between: (from: string, to: string) => string;
      since: (from: string) => string;
      until: (to: string) => string;
      all: string;
    };
    form: string;
    toPatient: string;
    toDoctor: (doctor: string) => string;
    right: string;
    questions: string;
  };
  followUp: {
    title: string;
    subject: (name: string) => string;
    opening: (sentOn: string, due: string) => string;
    ask: string;
    original: string;
  };
  referral: {
    title: string;
    subject: (name: string) => string;
    salutation: string;
    opening: (doctor: string) => string;
    ask: string;
    note: (note: string) => string;
    sendNumber: (doctor: string) => string;
  };
  decision: {
    title: string;
    subject: (name: string) => string;
    salutation: string;
    thanks: string;
    choice: Record<Exclude<DecisionChoice, 'undecided'>, (plan: string) => string>;
    share: string;
  };
  note: (note: string) => string;
  closing: string;
  signatureName: (name: string) => string;
  signLine: string;
}

export const WORDING: Record<DocumentLanguage, Wording> = { en: wordingEn, es: wordingEs };

/** `YYYY-MM-DD` written out in the letter's language; anything else is returned as it is. */
export function longDate(wording: Wording, date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return wording.longDate(Number(match[3]), wording.months[Number(match[2]) - 1] ?? match[2]!, Number(match[1]));
}
