/** The slice of FHIR R4 JSON we write. Validated against the real specification in the tests. */
export interface FhirResource {
  resourceType: string;
  [element: string]: unknown;
}

export interface Reference {
  reference: string;
}

/** FHIR strings may not be empty or whitespace-only; callers leave the element out instead. */
export function text(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** FHIR dateTime: a plain date as is; a date-time with seconds and zone (zod allows `T10:00Z`, FHIR does not). */
export function fhirDateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
