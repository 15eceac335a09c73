import type { CaseRecord } from '../core/model';
import { flagLabel, labMatrix, UNDATED } from '../labs';

export interface KeyResult {
  test: string;
  /** The latest value with its unit, as the lab's one-identity view gives it. */
  value: string;
  /** As the lab printed it (H, L, CRIT...); empty when not flagged. */
  flag: string;
  /** `YYYY-MM-DD`, or undefined when no result of the test was dated. */
  date: string | undefined;
}

/** Same words, any case or spacing: one entry. */
const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The latest result of each test (one row per test identity and unit family, lib/labs): flagged tests
 * first, then in the lab table's order. A test's latest value is its last dated one; undated only when
 * nothing of it was dated.
 */
export function keyResults(records: CaseRecord[]): KeyResult[] {
  const matrix = labMatrix(records);
  const results = matrix.rows.flatMap((row): KeyResult[] => {
    const dated = matrix.dates.filter((d) => d !== UNDATED && row.cells.has(d));
    const column = dated.at(-1) ?? (row.cells.has(UNDATED) ? UNDATED : undefined);
    const latest = column ? row.cells.get(column)?.at(-1) : undefined;
    if (!latest) return [];
    return [
      {
        test: row.test,
        value: `${latest.value} ${row.unit}`.trim(),
        flag: flagLabel(latest.flag),
        date: column === UNDATED ? undefined : column,
      },
    ];
  });
  return [...results.filter((r) => r.flag), ...results.filter((r) => !r.flag)];
}

const STOPPED = /^(stopped|discontinued|completed|inactive|ended|cancell?ed|entered-in-error)$/i;

/** Medications the records list and do not say were stopped, with dose and frequency; each name once. */
export function recordMedications(records: CaseRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const record of records) {
    if (record.structured?.type !== 'medications') continue;
    for (const m of record.structured.medications) {
      if (!m.name.trim() || (m.status && STOPPED.test(m.status.trim()))) continue;
      if (!seen.has(key(m.name)))
        seen.set(key(m.name), [m.name.trim(), m.dose, m.frequency].filter(Boolean).join(', '));
    }
  }
  return [...seen.values()];
}

/** Allergies the records list, with the reaction when given; each substance once. */
export function recordAllergies(records: CaseRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const record of records) {
    if (record.structured?.type !== 'allergies') continue;
    for (const a of record.structured.allergies) {
      if (!a.substance.trim() || seen.has(key(a.substance))) continue;
      seen.set(key(a.substance), a.reaction ? `${a.substance.trim()} (${a.reaction})` : a.substance.trim());
    }
  }
  return [...seen.values()];
}
