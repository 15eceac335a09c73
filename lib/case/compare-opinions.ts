import type { Opinion } from '../core/workspace-model';

/** The fields that carry medical content worth comparing; who/where/when are shown but not judged. */
export const COMPARED_FIELDS = ['diagnosis', 'recommendedTreatment', 'reasoning'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** `agree`: every opinion says the same text; `differ`: they do not; `incomplete`: some left it empty. */
export type Agreement = 'agree' | 'differ' | 'incomplete';

export interface FieldComparison {
  field: ComparedField;
  agreement: Agreement;
  values: string[];
}

/**
 * Deliberately simple: text equality after normalising case, spacing, Unicode form and end
 * punctuation. It cannot tell that two wordings mean the same thing; the UI says so.
 */
export function normalizeForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,!]+$/u, '')
    .trim();
}

export function compareOpinions(opinions: Pick<Opinion, ComparedField>[]): FieldComparison[] {
  return COMPARED_FIELDS.map((field) => {
    const values = opinions.map((o) => o[field]);
    const normalized = values.map(normalizeForComparison);
    const agreement: Agreement = normalized.some((v) => v === '')
      ? 'incomplete'
      : new Set(normalized).size === 1
        ? 'agree'
        : 'differ';
    return { field, agreement, values };
  });
}
