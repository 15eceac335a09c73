// The FHIR shapes and string rule live in the FHIR room; the package's own bundle writes dates its own way.
export { text, type FhirResource, type Reference } from '../fhir';

/** FHIR dateTime: a plain date as is; a date-time with seconds and zone (zod allows `T10:00Z`, FHIR does not). */
export function fhirDateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
