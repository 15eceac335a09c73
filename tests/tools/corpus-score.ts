import type { RecordKind } from '../../lib/core/model';
import type { CodedValue, TitledSection } from './ccda-corpus';

/** What a page reader found, in the shape the scoring needs (records from an adapter, or the CLI's output). */
export interface FoundRecord {
  kind: RecordKind;
  title: string;
  rows: { test: string; numericValue?: number; unit?: string; unparsed?: boolean }[];
}

const norm = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The page names the same test: equal, or one name is a whole-word part of the other ("HGB" in "HGB (M 13-18 g/dl)"). */
export function sameTest(page: string, names: string[]): boolean {
  const a = norm(page);
  if (a === '') return false;
  return names.some((name) => {
    const b = norm(name);
    if (b === '') return false;
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    return short === long || ` ${long} `.includes(` ${short} `);
  });
}

/** Spellings of one unit that documents and pages both use (written by hand). */
const UNIT_SPELLINGS: Record<string, string> = { inches: 'in', inch: 'in', '[in_i]': 'in', lbs: 'lb', '[lb_av]': 'lb' };

/** Units compared as written, ignoring case, spaces, brackets and the `10+3` / `10*3` / `10^3` spellings. */
export const unitKey = (unit: string | undefined) => {
  const written = (unit ?? '').toLowerCase().replace(/\s/g, '');
  return (UNIT_SPELLINGS[written] ?? written).replace(/[[\]]/g, '').replace(/10[+*^]/g, '10^');
};

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export interface Score {
  coded: number;
  /** Coded values found on the page with the same test and number. */
  found: number;
  /** ... and the same unit. */
  foundWithUnit: number;
  /** Coded values the document's own narrative shows (decided from the XML, see CodedValue.shownOnPage). */
  shown: number;
  /** Of those, found on the page with the same test and number. */
  shownFound: number;
  /** Rows on the page that carry a coded number under another coded test's name. */
  wrongTest: number;
  /** Coded values not found on the page (test and number). */
  missing: string[];
  /** Found, but the page writes another unit than the code (or none). */
  otherUnit: string[];
  /** Coded values the narrative does not show, with what its row shows instead. */
  notShown: string[];
  wrong: string[];
}

export function scoreValues(coded: CodedValue[], records: FoundRecord[]): Score {
  const rows = records.flatMap((r) => r.rows).filter((r) => !r.unparsed && r.numericValue !== undefined);
  const score: Score = {
    coded: coded.length,
    found: 0,
    foundWithUnit: 0,
    shown: 0,
    shownFound: 0,
    wrongTest: 0,
    missing: [],
    otherUnit: [],
    notShown: [],
    wrong: [],
  };
  for (const value of coded) {
    const label = `${value.names[value.names.length - 1]} ${value.value} ${value.unit}`;
    const same = rows.filter((r) => sameTest(r.test, value.names) && sameNumber(r.numericValue!, value.value));
    if (same.length > 0) score.found++;
    if (value.shownOnPage) score.shown++;
    if (value.shownOnPage && same.length > 0) score.shownFound++;
    if (!value.shownOnPage) score.notShown.push(`${label} (the narrative shows: "${value.narrative}")`);
    if (same.length === 0) score.missing.push(label);
    else if (same.some((r) => unitKey(r.unit) === unitKey(value.unit))) score.foundWithUnit++;
    else score.otherUnit.push(`${label} (page unit: ${same.map((r) => r.unit ?? 'none').join(', ')})`);
  }
  for (const row of rows) {
    const named = coded.filter((c) => sameTest(row.test, c.names));
    if (named.length === 0 || named.some((c) => sameNumber(c.value, row.numericValue!))) continue;
    const other = coded.find((c) => !named.includes(c) && sameNumber(c.value, row.numericValue!));
    if (other) {
      score.wrongTest++;
      score.wrong.push(`${row.test} = ${row.numericValue} (coded for ${other.names[0]})`);
    }
  }
  return score;
}

/**
 * The kind a section of each LOINC (or DICOM) code must be read as; several where the families overlap
 * (an op note's "Procedure Findings" is a note or the procedure). Written by hand from the code systems.
 */
export const SECTION_KINDS: Record<string, readonly RecordKind[]> = {
  '30954-2': ['lab'],
  '8716-3': ['vital-signs'],
  '10160-0': ['medication'],
  '10183-2': ['medication'],
  '48765-2': ['allergy'],
  '11450-4': ['problem'],
  '11348-0': ['problem'],
  '10219-4': ['problem'],
  '10218-6': ['problem'],
  '47519-4': ['procedure'],
  '29554-3': ['procedure'],
  '10223-6': ['procedure'],
  '59772-4': ['procedure', 'plan'],
  '11369-6': ['immunization'],
  '46240-8': ['encounter'],
  '18776-5': ['plan'],
  '51847-2': ['plan', 'note'],
  '8653-8': ['plan', 'note'],
  '10157-6': ['family-history'],
  '29762-2': ['social-history'],
  '121070': ['imaging'],
  '121072': ['imaging'],
  '121109': ['imaging', 'note'],
  '11329-0': ['imaging', 'note'],
};
const NARRATIVE: readonly RecordKind[] = ['note', 'other', 'surgical', 'procedure'];
export const kindsOfSection = (code: string): readonly RecordKind[] => SECTION_KINDS[code] ?? NARRATIVE;

export interface SectionScore {
  expected: number;
  found: number;
  missing: string[];
  wrongKind: string[];
}

/** Every titled section with content is a record of its own, titled as the section, of the right kind. */
export function scoreSections(sections: TitledSection[], records: FoundRecord[]): SectionScore {
  const withContent = sections.filter((s) => s.hasContent);
  const score: SectionScore = { expected: withContent.length, found: 0, missing: [], wrongKind: [] };
  for (const section of withContent) {
    const record = records.find((r) => norm(r.title) === norm(section.title));
    if (!record) score.missing.push(section.title);
    else if (!kindsOfSection(section.code).includes(record.kind))
      score.wrongKind.push(`${section.title}: ${record.kind}, expected ${kindsOfSection(section.code).join('|')}`);
    else score.found++;
  }
  return score;
}
