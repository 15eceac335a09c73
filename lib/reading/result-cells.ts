import type { AbnormalFlag } from '../core/model';
import { parseDate } from './dates';
import { parseFlagText, parseLabValue, parseReferenceRange, splitFlag } from './lab-values';
import { oneLineText } from './dom';

/**
 * Reading one cell (or one line) by what it holds, not by the column it sits in: a value (number or
 * qualitative word, maybe with its unit, flag and date), a unit, a range, a flag, a date, or a name.
 */
export type CellRole = 'value' | 'unit' | 'range' | 'flag' | 'date' | 'name' | 'empty' | 'other';

/** White space as single spaces, trimmed (`\s` includes the no-break space). */
const clean = oneLineText;

/** Results written as words ("Negative", "Not detected", "Reactive"). */
const QUALITATIVE =
  /^(?:negative|positive|neg|pos|not detected|detected|non-?reactive|reactive|absent|present|none seen|trace|normal|abnormal|pending|indeterminate|equivocal|clear|yellow|amber|cloudy|hazy)$/i;

/** A unit on its own: UCUM, or the portal spellings (`THOUS/MCL`, `x10E3/uL`, `K/uL`, `10*9/L`, `mm[Hg]`). */
const UNIT_ONLY =
  /^(?:(?:x\s?)?10(?:[*^E+]|\^)?\d{1,2}\/[A-Za-zµμ]{1,4}|[A-Za-z%µμ°#][A-Za-z0-9%µμ/.*^[\]()²³-]{0,24})$/;
/** Units written as a bare word: the common ones only, so a one-word test name is never taken for a unit. */
const UNIT_WORD =
  /^(?:%|g|mg|kg|lbs?|oz|cm|mm|m|in|inch(?:es)?|ft|m2|mmhg|bpm|sec|s|min|h|hr|hrs|u|iu|miu|meq|mmol|umol|µmol|fl|pg|ng|ug|mcg|µg|l|ml|dl|cel|°c|°f|degf|degc|ratio|titer|copies|cells|units?|mosm|pct|percent)$/i;
/** Words that are never units (first word of a name, a flag, a status). */
const NOT_UNIT =
  /^(?:high|low|normal|abnormal|critical|final|pending|result|results|value|test|date|flag|range|units?|none|see|note|comment)$/i;

/** A flag cell may carry its gloss: "N (Normal)", "H (High)", "A - Abnormal". */
export function flagOf(text: string): AbnormalFlag | undefined {
  const word = clean(text);
  if (word === '' || word.length > 40) return undefined;
  const gloss = /^(\S{1,6})\s*(?:\(([^()]+)\)|[-:]\s*(\w[\w ]*))$/.exec(word);
  return (
    parseFlagText(word) ?? (gloss ? (parseFlagText(gloss[1]!) ?? parseFlagText(gloss[2] ?? gloss[3] ?? '')) : undefined)
  );
}

export const isUnit = (text: string): boolean => {
  const t = clean(text);
  if (t.length === 0 || t.length > 25 || !UNIT_ONLY.test(t) || NOT_UNIT.test(t) || flagOf(t) !== undefined)
    return false;
  return /[/%°\d[*^]/.test(t) || UNIT_WORD.test(t);
};

/** A reference range cell: bounds it can read, in any of the usual spellings (a-b, (a-b), [a-b], <a, >=a, a to b). */
export function rangeOf(text: string): ReturnType<typeof parseReferenceRange> | undefined {
  const t = clean(text).replace(/^[([]\s*(.*?)\s*[)\]]$/, '$1');
  if (t === '' || t.length > 120) return undefined;
  const range = parseReferenceRange(t);
  return range.low !== undefined || range.high !== undefined ? range : undefined;
}

export interface ValueCell {
  value: string;
  numeric: boolean;
  unit?: string;
  flag?: AbnormalFlag;
  date?: string;
  /** A range written inside the value cell ("13.2 g/dL (12.0-15.5)"). */
  range?: string;
  /** A marker the reader does not know ("*>HHI*"), kept as shown. */
  marker?: string;
}

/** A trailing date in parentheses, as Cerner writes it: "185 mg/dL *HI* (07/10/2013 22:25 America/Chicago)". */
const TRAILING_DATE = /\s*\(([^()]*\b\d{4}\b[^()]*)\)\s*$/;
const TRAILING_RANGE =
  /\s*[([]\s*((?:[<>]=?|≤|≥)?\s*[-+]?\d[\d.,]*\s*(?:(?:-|–|to)\s*[-+]?\d[\d.,]*)?[^()[\]]{0,20})\s*[)\]]\s*$/i;

/** A value cell: one number (with comparator, unit, flag, range or date) or one qualitative word; else undefined. */
export function valueOf(text: string): ValueCell | undefined {
  let t = clean(text);
  if (t === '' || t.length > 80) return undefined;
  let date: string | undefined;
  const dated = TRAILING_DATE.exec(t);
  if (dated && parseDate(dated[1]!)) {
    date = parseDate(dated[1]!);
    t = t.slice(0, dated.index).trim();
  }
  let range: string | undefined;
  const ranged = TRAILING_RANGE.exec(t);
  if (ranged && rangeOf(ranged[1]!)) {
    range = ranged[1]!;
    t = t.slice(0, ranged.index).trim();
  }
  let marker: string | undefined;
  const unknown = /\s(\*[^*\s]{1,8}\*)$/.exec(t);
  if (unknown && !parseFlagText(unknown[1]!)) {
    marker = unknown[1];
    t = t.slice(0, unknown.index).trim();
  }
  const flagged = splitFlag(t);
  t = flagged.text;
  // A gloss after a flag word ("H (High)") left at the end.
  const gloss = /\s+(\S{1,4}\s*\([A-Za-z ]+\))$/.exec(t);
  let flag = flagged.flag;
  if (gloss && flagOf(gloss[1]!)) {
    flag ??= flagOf(gloss[1]!);
    t = t.slice(0, gloss.index).trim();
  }
  if (QUALITATIVE.test(t)) return { value: t, numeric: false, flag, date, range, marker };
  const parsed = parseLabValue(t.replace(/^\.(\d)/, '0.$1'));
  if (parsed.numericValue === undefined) return undefined;
  // "28.0 Alk": a word after the number that is not a unit is not a value cell we can trust.
  if (parsed.unit && !isUnit(parsed.unit)) return undefined;
  return { value: parsed.value, numeric: true, unit: parsed.unit, flag, date, range, marker };
}

/** What a cell holds. Order matters: "5.0" is a value, "mg/dL" a unit, "3.5-5.0" a range, "H" a flag. */
export function roleOfCell(text: string): CellRole {
  const t = clean(text);
  if (t === '') return 'empty';
  if (/^\D/.test(t) && flagOf(t)) return 'flag';
  if (valueOf(t)) return 'value';
  if (flagOf(t)) return 'flag';
  if (rangeOf(t) && /\d\s*(?:-|–|to)\s*\d|^[([]|^[<>≤≥]/.test(t)) return 'range';
  if (parseDate(t) && t.length <= 40) return 'date';
  if (isUnit(t)) return 'unit';
  if (/[A-Za-z]{2}/.test(t) && t.length <= 200) return 'name';
  return 'other';
}

/** "Glucose, Random [65-110 mg/dL]", "HGB (M 13-18 g/dl; F 12-16 g/dl)": the test's name and the range written with it. */
export function nameAndRange(text: string): { name: string; range?: string } {
  const t = clean(text);
  const m = /^(.*?[A-Za-z].*?)\s*[([]([^()[\]]*\d[^()[\]]*)[)\]]$/.exec(t);
  if (m && /\d\s*(?:-|–|to)\s*\d|[<>≤≥]\s*\d/.test(m[2]!)) return { name: m[1]!.replace(/[\s,:]+$/, ''), range: m[2]! };
  return { name: t.replace(/:$/, '') };
}
