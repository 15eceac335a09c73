import type { FhirItem } from './read-fhir';
import type { Json } from './read-values';

export type FhirTextError = { error: 'bad-json'; detail: string } | { error: 'not-fhir'; detail: string };

/** Does this text start like JSON (an object or an array)? FHIR JSON and NDJSON both do. */
export const looksLikeJson = (head: string): boolean => /^\s*[[{]/.test(head.replace(/^\uFEFF/, ''));

function flatten(file: string, resource: Json, fullUrl: string | undefined, out: FhirItem[]): void {
  if (resource.resourceType === 'Bundle') {
    // A Bundle of any type (collection, searchset, transaction, document...): its entries are the content.
    for (const entry of (resource.entry as Json[] | undefined) ?? [])
      if (entry && typeof entry.resource === 'object' && entry.resource)
        flatten(file, entry.resource as Json, entry.fullUrl as string | undefined, out);
    return;
  }
  out.push({ file, ...(fullUrl ? { fullUrl } : {}), resource });
}

const isResource = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Json).resourceType === 'string';

/**
 * One file's text -> resources: a single resource, a Bundle (any type), a JSON array of resources, or
 * NDJSON (one resource per line). Text that is neither gives an error naming where it broke.
 */
export function fhirItemsFromText(file: string, text: string): FhirItem[] | FhirTextError {
  const body = text.replace(/^\uFEFF/, '');
  const out: FhirItem[] = [];
  let whole: unknown;
  try {
    whole = JSON.parse(body);
  } catch (error) {
    const lines = body.split(/\r?\n/);
    const nonEmpty = lines.filter((l) => l.trim());
    if (nonEmpty.length < 2)
      return { error: 'bad-json', detail: error instanceof Error ? error.message.slice(0, 200) : 'not JSON' };
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return { error: 'bad-json', detail: `line ${i + 1} is not JSON` };
      }
      if (!isResource(value)) return { error: 'not-fhir', detail: `line ${i + 1} has no resourceType` };
      flatten(file, value, undefined, out);
    }
    return out;
  }
  const list = Array.isArray(whole) ? whole : [whole];
  for (const value of list) {
    if (!isResource(value)) return { error: 'not-fhir', detail: 'no resourceType' };
    flatten(file, value, undefined, out);
  }
  return out;
}
