/** Which letter a file holds; the name says so ("request" for the records and referral requests). */
export type LetterKind = 'records-request' | 'records-request-follow-up' | 'referral-request' | 'decision-letter';

/** A portable file name: the letter's kind, who it is to, and the date, e.g. `records-request_Valley-Clinic_2026-12-06.pdf`. */
export function letterFileName(kind: LetterKind, to: string, date: string, extension: 'pdf' | 'txt'): string {
  const who = to
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${[kind, who, date].filter(Boolean).join('_')}.${extension}`;
}
