import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../components/ViewTabs';
import { completeness } from '../../lib/case/completeness';
import { SUGGESTED_QUESTIONS } from '../../lib/case/question-bank';
import {
  DecisionChoice,
  OPINION_TEXT_FIELDS,
  OpinionReason,
  QuestionFamily,
  RecordFamily,
  STORY_FIELDS,
  TimeSensitive,
} from '../../lib/core/workspace-model';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const root = join(__dirname, '../../public/_locales');
const load = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(root, lang, 'messages.json'), 'utf8')) as Catalogue;
const en = load('en');
const languages = readdirSync(root);

/** `$NAME$` references in the message and the declared placeholders, both lower-cased (Chrome ignores case). */
function placeholderSet(entry: Catalogue[string]): string {
  const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
  const declared = Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`);
  return JSON.stringify([[...new Set(used)].sort(), declared.sort()]);
}

describe('message catalogues', () => {
  it('ships English and Spanish', () => {
    expect(languages.sort()).toEqual(['en', 'es']);
  });

  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang} has exactly the English keys`, () => {
      expect(Object.keys(load(lang)).sort()).toEqual(Object.keys(en).sort());
    });
    it(`${lang} uses the same placeholders as English`, () => {
      const other = load(lang);
      const mismatched = Object.keys(en).filter(
        (key) => other[key] && placeholderSet(other[key]!) !== placeholderSet(en[key]!),
      );
      expect(mismatched).toEqual([]);
    });
  }

  it('uses valid keys, non-empty messages and declares every placeholder it uses', () => {
    for (const lang of languages) {
      for (const [key, entry] of Object.entries(load(lang))) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.message.trim()).not.toBe('');
        const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
        for (const name of used)
          expect(
            Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()),
            `${lang}:${key}`,
          ).toContain(name);
      }
    }
  });

  it('has text for every key the workspace builds at run time', () => {
    const under = (s: string) => s.replace(/-/g, '_');
    const keys = [
      ...VIEWS.map((v) => `view_${v}`),
      ...RecordFamily.options.map((f) => `family_${under(f)}`),
      ...completeness([{ id: 'i', kind: 'imaging' }], { notApplicable: {} }).flatMap((i) => i.hint ?? []),
      ...completeness([], { notApplicable: {} }).flatMap((i) => i.hint ?? []),
      ...STORY_FIELDS.map((f) => `story_${f}`),
      ...OpinionReason.options.map((r) => `story_reason_${r}`),
      ...TimeSensitive.options.map((v) => `story_time_${v}`),
      ...QuestionFamily.options.map((f) => `qfamily_${under(f)}`),
      ...OPINION_TEXT_FIELDS.map((f) => `opinion_${f}`),
      ...DecisionChoice.options.map((c) => `decision_${under(c)}`),
    ];
    expect(keys.filter((k) => !en[k])).toEqual([]);
  });

  it('has text for every suggested question', () => {
    for (const s of SUGGESTED_QUESTIONS) expect(en[s.messageKey], s.messageKey).toBeDefined();
  });
});
