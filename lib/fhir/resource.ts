import { sha256 } from '@noble/hashes/sha2.js';

/** A FHIR R4 resource as JSON. Checked against the R4 specification in the tests. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [element: string]: unknown;
}

export interface BundleEntry {
  fullUrl?: string;
  resource?: FhirResource;
}

export interface Reference {
  reference: string;
}

/** Whom a resource is about: the Patient resource, or (in the patient-free package bundle) a display only. */
export type Subject = Reference | { display: string };

/** The status as the record printed it, where FHIR's code says it otherwise ("discontinued" is `stopped`). */
export const PRINTED_STATUS_EXTENSION = 'urn:second-look:fhir:printed-status';
/** A lab row dated on its own with its panel's date (a row without this takes the panel's date). */
export const ROW_DATE_EXTENSION = 'urn:second-look:fhir:row-date';

/** Does a resource (or element) carry one of our extensions? */
export const extensionValue = (element: unknown, url: string): unknown =>
  (((element as { extension?: unknown } | undefined)?.extension as { url?: unknown }[] | undefined) ?? []).find(
    (e) => e?.url === url,
  ) as unknown;

/** FHIR strings may not be empty or whitespace-only; callers leave the element out instead. */
export function text(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** FHIR dateTime: a plain date as is; a date-time with seconds and zone. */
export function fhirDateTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  // Already a FHIR dateTime (seconds and zone): kept as written, zone included.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A FHIR date (no time): the first ten characters of a date-time. */
export const fhirDate = (value: string | undefined): string | undefined =>
  value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;

/** Stable urn:uuid from a seed: the same case gives the same bundle; the seed is not recoverable. */
export function urnUuid(seed: string): string {
  const bytes = sha256(new TextEncoder().encode(`fhir:${seed}`)).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Strict base64 (whitespace allowed): undefined when the text is not base64, never a guess. */
export function base64ToBytes(value: string): Uint8Array | undefined {
  const clean = value.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export const utf8Base64 = (value: string) => bytesToBase64(new TextEncoder().encode(value));
