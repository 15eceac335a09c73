import type { AbnormalFlag } from '../core/model';
import { oneLineText } from './dom';

/** Portals show values, units, comparators and flags in many shapes; these read one cell each. */

export type Comparator = '<' | '<=' | '>' | '>=';

export interface LabValue {
  /** The value as shown, without its unit or flag markers (`>60`, `11.9`, `Negative`). */
  value: string;
  numericValue?: number;
  comparator?: Comparator;
  unit?: string;
  /** A footnote marker removed from the value ("*", "[1]"), kept so the note it points to can be found. */
  footnote?: string;
}

export interface ReferenceRange {
  /** The range as shown, minus a leading label such as "Standard Range". */
  referenceRange: string;
  low?: number;
  high?: number;
  unit?: string;
}

/** White space as single spaces, trimmed (`\s` includes the no-break space). */
const clean = oneLineText;

const COMPARATORS: Record<string, Comparator> = {
  '<': '<',
  '<=': '<=',
  '=<': '<=',
  '≤': '<=',
  '>': '>',
  '>=': '>=',
  '=>': '>=',
  '≥': '>=',
};
const NUMBER = String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?`;
/** A unit is one token that does not start like a number (`mg/dL`, `%`, `x10E3/uL`, `10*3/uL`, `mL/min/1.73m2`). */
const UNIT = String.raw`(?:x?10[*^E]\d+\/\S+|[A-Za-z%µμ/#°][^\s]*)`;
const COMPARATOR = '(<=|>=|=<|=>|≤|≥|<|>)';
const VALUE_RE = new RegExp(String.raw`^${COMPARATOR}?\s*(${NUMBER})\s*(${UNIT})?$`);

const toNumber = (text: string): number | undefined => {
  if (!/\d/.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
};

/** Footnote markers portals append to values ("11.9*", "11.9 [1]", "11.9 †"). */
const FOOTNOTE = /\s*(?:\[\d{1,2}\]|\(\d{1,2}\)|[*†‡]+)$/;

/** Reads "11.9 K/uL", ">60 mL/min/1.73m2", "<0.5", "Negative". Text that is not one number (+unit) is kept as shown. */
export function parseLabValue(cell: string): LabValue {
  const shown = clean(cell);
  const text = shown.replace(FOOTNOTE, '');
  const footnote = text !== shown ? shown.slice(text.length).trim() : undefined;
  const match = VALUE_RE.exec(text);
  const numericValue = match ? toNumber(match[2]!) : undefined;
  if (!match || numericValue === undefined) return { value: shown };
  const comparator = match[1] ? COMPARATORS[match[1]] : undefined;
  const value = `${match[1] ?? ''}${match[2]}`;
  return {
    value,
    numericValue,
    ...(comparator ? { comparator } : {}),
    ...(match[3] ? { unit: match[3] } : {}),
    ...(footnote ? { footnote } : {}),
  };
}

const RANGE_LABEL =
  /^(?:standard range|normal range|normal value|reference range|reference interval|ref(?:erence)?\.?|range|normal)\s*:?\s*/i;
const BETWEEN = new RegExp(String.raw`^(${NUMBER})\s*(?:-|–|—|to)\s*(${NUMBER})\s*(${UNIT})?$`, 'i');
const ONE_SIDED = new RegExp(String.raw`^${COMPARATOR}\s*(${NUMBER})\s*(${UNIT})?$`);

/** Reads "3.40 - 10.80 K/uL", "65-110 mg/dL", "<200", ">=60", "Negative". Several ranges in one cell give no bounds. */
export function parseReferenceRange(cell: string): ReferenceRange {
  const referenceRange = clean(cell).replace(RANGE_LABEL, '');
  const text = referenceRange.replace(/^\[|\]$/g, '').trim();
  const between = BETWEEN.exec(text);
  if (between) {
    const low = toNumber(between[1]!);
    const high = toNumber(between[2]!);
    if (low !== undefined && high !== undefined && low <= high) {
      return { referenceRange, low, high, ...(between[3] ? { unit: between[3] } : {}) };
    }
  }
  const oneSided = ONE_SIDED.exec(text);
  const bound = oneSided ? toNumber(oneSided[2]!) : undefined;
  if (oneSided && bound !== undefined) {
    const unit = oneSided[3] ? { unit: oneSided[3] } : {};
    return oneSided[1]!.includes('<') || oneSided[1] === '≤'
      ? { referenceRange, high: bound, ...unit }
      : { referenceRange, low: bound, ...unit };
  }
  return { referenceRange };
}

/** Flag words and codes, most specific first (HL7 v2 table 0078 codes plus what portals print). */
const FLAG_WORDS: [RegExp, AbnormalFlag][] = [
  [/^(?:HH|H!!|>>|critical(?:ly)? high|high,? critical|panic high|\*?CRIT(?:ICAL)? ?HI(?:GH)?\*?)$/i, 'HH'],
  [/^(?:LL|L!!|<<|critical(?:ly)? low|low,? critical|panic low|\*?CRIT(?:ICAL)? ?LO(?:W)?\*?)$/i, 'LL'],
  [/^(?:AA|critical(?:ly)? abnormal|abnormal,? critical)$/i, 'AA'],
  [/^(?:critical|panic|\*?CRIT\*?|!!)$/i, 'critical'],
  [/^(?:H|HI|high|above (?:high )?normal|\*HI(?:GH)?\*|↑|▲)$/i, 'H'],
  [/^(?:L|LO|low|below (?:low )?normal|\*LOW?\*|↓|▼)$/i, 'L'],
  [/^(?:A|ABN|abnormal|\*ABN(?:ORMAL)?\*|\*|!)$/i, 'A'],
  [/^(?:N|normal|WNL|within normal limits)$/i, 'N'],
];

const stripDecoration = (text: string) =>
  clean(text)
    .replace(/^\((.*)\)$/, '$1')
    .replace(/\s*flag\s*:?\s*/i, '')
    .trim();

/** A flag from a flag cell or marker ("H", "High", "*HI*", "↑", "(L)"), or undefined when it is not one. */
export function parseFlagText(text: string): AbnormalFlag | undefined {
  const word = stripDecoration(text);
  if (word === '') return undefined;
  return FLAG_WORDS.find(([re]) => re.test(word))?.[1];
}

/** A flag carried only by a CSS class (some portals colour the row and print nothing). */
const FLAG_CLASSES: [RegExp, AbnormalFlag][] = [
  [/\b(critical|panic)[-_]?(high|hi)\b/, 'HH'],
  [/\b(critical|panic)[-_]?(low|lo)\b/, 'LL'],
  [/\b(critical|panic)\b/, 'critical'],
  [/\b(high|flag-?h|abnormal-?high)\b/, 'H'],
  [/\b(low|flag-?l|abnormal-?low)\b/, 'L'],
  [/\babnormal\b/, 'A'],
];

export function parseFlagClasses(classNames: string): AbnormalFlag | undefined {
  const classes = classNames.toLowerCase();
  return FLAG_CLASSES.find(([re]) => re.test(classes))?.[1];
}

/** Explicit text wins over classes because it is what the user reads. */
export function parseFlag(text: string, classNames = ''): AbnormalFlag | undefined {
  return parseFlagText(text) ?? parseFlagClasses(classNames);
}

/** Markers that may sit inside a value cell, before or after the value. `L` alone is left out: it is also litres. */
const EMBEDDED_FLAG = [
  /(?:^|\s)(\*[A-Za-z]{2,8}\*|\((?:HH|LL|AA|H|L|A)\)|[↑↓▲▼])(?=\s|$)/,
  /\s(HH|LL|AA|H|A)$/,
  // "L" after a number and a unit ("3.1 mmol/L L") is a flag; right after a number it may be litres.
  /(?<=\d\s?[A-Za-z%µμ/]\S*)\s(LL|L)$/,
  /\s((?:critical )?(?:high|low)|abnormal|critical)$/i,
];

/** Splits "185 mg/dL *HI*" into the value text and its flag. The value text keeps everything else. */
export function splitFlag(cell: string): { text: string; flag?: AbnormalFlag } {
  let text = clean(cell);
  let flag: AbnormalFlag | undefined;
  for (const re of [...EMBEDDED_FLAG, ...EMBEDDED_FLAG]) {
    const match = re.exec(text);
    const parsed = match ? parseFlagText(match[1]!) : undefined;
    if (!match || !parsed) continue;
    // A marker is never the whole value: "High" alone stays the value.
    const rest = clean(text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length));
    if (rest === '') continue;
    flag ??= parsed;
    text = rest;
  }
  return flag ? { text, flag } : { text };
}
