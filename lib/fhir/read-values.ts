import type { Coding } from '../core/model';
import { conceptText } from './render-values';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export { conceptText };

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);
export const bounded = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() ? clip(value.trim(), max) : undefined;

/** The first coding that has a code, as our Coding shape (system kept as the source wrote it). */
export function firstCoding(cc: unknown): Coding | undefined {
  const coding = ((cc as Json | undefined)?.coding as Json[] | undefined)?.find(
    (c) => typeof c.code === 'string' && c.code.trim(),
  );
  if (!coding) return undefined;
  const system = bounded(coding.system, 200);
  const display = bounded(coding.display, 500);
  return {
    ...(system ? { system } : {}),
    code: clip(String(coding.code).trim(), 100),
    ...(display ? { display } : {}),
  };
}

export const codeIn = (cc: unknown, system: string): string | undefined =>
  ((cc as Json | undefined)?.coding as Json[] | undefined)?.find(
    (c) => c.system === system && typeof c.code === 'string',
  )?.code as string | undefined;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A FHIR date or dateTime as our ClinicalDate: full dates and zoned date-times only (a bare year stays in the text). */
export function clinicalDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (DATE.test(value)) return value;
  if (DATE_TIME.test(value)) return value;
  return undefined;
}

export const narrativeText = (resource: Json): string | undefined => {
  const div = resource.text?.div;
  if (typeof div !== 'string') return undefined;
  const plain = div
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return plain || undefined;
};

export const resourceKey = (r: Json) => `${String(r.resourceType)}/${String(r.id ?? '?')}`;
