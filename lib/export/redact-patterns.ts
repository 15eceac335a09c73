import { MONTH_NAMES } from '../core/month-names';
import { z } from '../core/schema';

/** What a finding is, for the preview ("3 phone numbers") and the UI catalogue (`redact_kind_<kind>`). */
export const IdentifierKind = z.enum([
  'name',
  'date-of-birth',
  'record-number',
  'account-number',
  'ssn',
  'street-address',
  'phone',
  'email',
  'address-id',
  'term',
]);
export type IdentifierKind = z.infer<typeof IdentifierKind>;

export interface Detected {
  kind: IdentifierKind;
  text: string;
}

// An id holds at least one digit: "Visit Snapshot" is not an account number.
const ID_VALUE = String.raw`((?=[A-Z-]*\d)[A-Z0-9](?:[A-Z0-9-]{2,30}[A-Z0-9]))`;
// Numeric, ISO, "March 4, 1961", "4 March 1961", and Spanish "4 de marzo de 1961".
const DATE_VALUE = String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|\d{1,2} de [a-z]{4,10} de \d{4})`;
// Spanish labels of the same numbers: "N.º de historia clínica", "Número de expediente", "ID de paciente".
// (A bare "Cuenta" is not an account label: it is also a count, "cuenta de leucocitos".)
const ES_RECORD_LABELS = String.raw`(?:N(?:[úu]mero|\.?[º°o]\.?) de (?:historia(?: cl[íi]nica)?|expediente|paciente|afiliado|miembro|p[óo]liza|seguro)|Historia cl[íi]nica|Expediente|ID de (?:paciente|miembro|afiliado))`;
const STREET_TYPES =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl';

/** Labelled identifiers: the label stays (so the reader knows what was there), the value goes. */
const LABELLED: { kind: IdentifierKind; pattern: RegExp }[] = [
  {
    kind: 'date-of-birth',
    pattern: new RegExp(
      String.raw`\b(?:DOB|D\.O\.B\.?|Date of birth|Birth ?date|Born|Fecha de nacimiento|F\. ?(?:de )?nac\.?|Nacid[oa](?: el)?)\s*[:#]?\s*${DATE_VALUE}`,
      'gi',
    ),
  },
  {
    kind: 'record-number',
    pattern: new RegExp(
      String.raw`\b(?:MRN|Medical record (?:number|no\.?|#)|Record (?:number|no\.?|#)|Patient ID|Chart (?:number|no\.?|#)|Member ID|Subscriber ID|Insurance ID|Policy (?:number|no\.?|#)|Enterprise ID|EPI|CMRN|${ES_RECORD_LABELS})[ \t]*[:#]?[ \t]*${ID_VALUE}`,
      'gi',
    ),
  },
  {
    kind: 'account-number',
    pattern: new RegExp(
      String.raw`\b(?:Account|Acct\.?|Billing account|Guarantor|HAR|Encounter|Visit|CSN|FIN|N(?:[úu]mero|\.?[º°o]\.?) de cuenta)[ \t]*(?:(?:number|no\.?|#|ID)[ \t]*[:#]?|[:#])[ \t]*${ID_VALUE}`,
      'gi',
    ),
  },
  {
    // Any country's format once labelled ("Teléfono: +52 55 5010 0199"); unlabelled, only the US one below.
    kind: 'phone',
    pattern:
      /\b(?:Phone|Tel(?:[ée]fono)?\.?|Mobile|Cell|Celular|M[óo]vil|Fax)[ \t]*[:#]?[ \t]*(\+?\(?\d[\d ().-]{5,18}\d)(?![\d-])/gi,
  },
];

/** Identifiers recognisable without a label. */
const UNLABELLED: { kind: IdentifierKind; pattern: RegExp }[] = [
  { kind: 'ssn', pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  { kind: 'email', pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g },
  { kind: 'phone', pattern: /(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/g },
  {
    kind: 'street-address',
    pattern: new RegExp(
      String.raw`\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,4}(?:${STREET_TYPES})\b\.?(?:,?\s+(?:Apt|Suite|Unit|#)\.?\s*[A-Za-z0-9-]+)?(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)*,?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?)?`,
      'g',
    ),
  },
];

/** Identifiers the scanners recognise in free text (titles, notes, snapshots, story). */
export function detectIdentifiers(text: string): Detected[] {
  const found: Detected[] = [];
  for (const { kind, pattern } of LABELLED) for (const m of text.matchAll(pattern)) found.push({ kind, text: m[1]! });
  for (const { kind, pattern } of UNLABELLED)
    for (const m of text.matchAll(pattern)) found.push({ kind, text: m[0].trim() });
  return found.filter((f) => f.text.length >= 3);
}

/** Source addresses: path segments that look like ids (patient, chart or encounter numbers). */
export function detectAddressIds(path: string): Detected[] {
  return path
    .split('/')
    .filter((segment) => /\d{5,}/.test(segment) && !/^\d{4}-\d{2}-\d{2}$/.test(segment))
    .map((segment) => ({ kind: 'address-id' as const, text: decodeURIComponentSafe(segment) }));
}

const decodeURIComponentSafe = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The ways portals print one date of birth: ISO, US, European, month written in English or Spanish. */
export function dateVariants(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return [iso.trim()].filter(Boolean);
  const [y, mm, dd] = [m[1]!, m[2]!, m[3]!];
  const month = MONTH_NAMES.en[Number(mm) - 1] ?? '';
  const mes = MONTH_NAMES.es[Number(mm) - 1] ?? '';
  const [mo, d] = [String(Number(mm)), String(Number(dd))];
  return [
    `${y}-${mm}-${dd}`,
    `${mm}/${dd}/${y}`,
    `${mo}/${d}/${y}`,
    `${dd}.${mm}.${y}`,
    `${dd}/${mm}/${y}`,
    `${month} ${d}, ${y}`,
    `${month.slice(0, 3)} ${d}, ${y}`,
    `${d} ${month} ${y}`,
    `${d} ${month.slice(0, 3)} ${y}`,
    `${d} de ${mes} de ${y}`,
    `${d} ${mes.slice(0, 3)} ${y}`,
  ];
}

/** A user-given name, also as "Last, First" and its parts (portals print "DOE, JANE M"). */
export function nameVariants(name: string): string[] {
  const parts = name
    .trim()
    .split(/\s+/)
    .filter((p) => p.replace(/\W/g, '').length >= 3);
  const full = name.trim().replace(/\s+/g, ' ');
  if (!full) return [];
  const variants = [full];
  if (parts.length >= 2)
    variants.push(`${parts.at(-1)}, ${parts.slice(0, -1).join(' ')}`, `${parts.at(-1)}, ${parts[0]}`);
  return [...variants, ...parts];
}
