import type { CaseRecord, Medication } from '../core/model';

/** One line per medication, as the portal listed it: name, dose, route, frequency. */
export function medicationLine(m: Medication): string {
  return [m.name, m.dose, m.route, m.frequency].filter((part) => part && part.trim()).join(' ');
}

/**
 * Medications from the clipped medication lists, offered to the story so the patient need not retype
 * them. Duplicates across lists (same line, ignoring case and spacing) are offered once.
 */
export function medicationOffers(records: Pick<CaseRecord, 'structured'>[]): string[] {
  const seen = new Set<string>();
  const offers: string[] = [];
  for (const record of records) {
    if (record.structured?.type !== 'medications') continue;
    for (const medication of record.structured.medications) {
      if (medication.status && /\b(stopped|discontinued|inactive|completed)\b/i.test(medication.status)) continue;
      const line = medicationLine(medication).replace(/\s+/g, ' ').trim();
      const key = line.toLowerCase();
      if (!line || seen.has(key)) continue;
      seen.add(key);
      offers.push(line);
    }
  }
  return offers;
}
