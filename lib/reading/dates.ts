const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month's name or its abbreviation, the abbreviation captured. */
const MONTH = `(${MONTHS.join('|')})[a-z]*`;
const monthOf = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined; // 02/30 and friends
  return `${year}-${pad(month)}-${pad(day)}`;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) - (Number(y) > 50 ? 100 : 0) : Number(y));

/** Each date spelling, and how its match becomes an ISO date. */
const PATTERNS: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  // 2026-11-03, 2026/11/03, 2026-11-03T08:14:00Z (the time may follow directly)
  [/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, (m) => isoDate(+m[1]!, +m[2]!, +m[3]!)],
  // 11/03/2026, 11-03-26, 11.03.2026 (US order: portals in scope are US)
  [/\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]\d)/, (m) => isoDate(fullYear(m[4]!), +m[1]!, +m[3]!)],
  // Nov 3, 2026 / November 3 2026 / Nov-03-2026
  [
    new RegExp(String.raw`\b${MONTH}\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})\b`, 'i'),
    (m) => isoDate(+m[3]!, monthOf(m[1]!), +m[2]!),
  ],
  // 3 Nov 2026, 03-Nov-2026 (Cerner)
  [
    new RegExp(String.raw`\b(\d{1,2})[\s-]+${MONTH}\.?,?[\s-]+(\d{4})\b`, 'i'),
    (m) => isoDate(+m[3]!, monthOf(m[2]!), +m[1]!),
  ],
];

/** HL7 timestamps (C-CDA `value="20261028081400-0500"`): the date part, when it is a real date. */
export function parseHl7Date(ts: string | null | undefined): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(ts?.trim() ?? '');
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : undefined;
}

/** The first date in `text` as an ISO date (`YYYY-MM-DD`), or undefined. Impossible dates are rejected. */
export function parseDate(text: string): string | undefined {
  let best: { index: number; iso: string } | undefined;
  for (const [re, toIso] of PATTERNS) {
    const match = re.exec(text);
    const iso = match ? toIso(match) : undefined;
    if (match && iso && (!best || match.index < best.index)) best = { index: match.index, iso };
  }
  return best?.iso;
}

const CLINICAL_LABELS =
  /\b(collected|collection date|resulted|result date|date of service|service date|exam date|study date|visit date|performed|procedure date|signed|specimen collected|date)\b\s*:?\s*/gi;

/** The date a record is about: the first date after a clinical label, else the first date in the text. */
export function findClinicalDate(text: string): string | undefined {
  for (const match of text.matchAll(CLINICAL_LABELS)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    const iso = parseDate(after);
    if (iso) return iso;
  }
  return parseDate(text.slice(0, 5000));
}
