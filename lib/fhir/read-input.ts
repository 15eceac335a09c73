import type { FhirItem } from './read-model';
import type { Json } from './read-values';
import { JsonScanner, JsonSyntaxError, type ScannedValue } from './json-scan';

export type FhirTextError = { error: 'bad-json'; detail: string } | { error: 'not-fhir'; detail: string };

/** A file that is not JSON, or JSON that is not FHIR: the import refuses it by name and says where. */
export class FhirInputError extends Error {
  constructor(
    readonly error: FhirTextError['error'],
    readonly detail: string,
  ) {
    super(detail);
  }
  get reason(): FhirTextError {
    return { error: this.error, detail: this.detail };
  }
}

/** Does this text start like JSON (an object or an array)? FHIR JSON and NDJSON both do. */
export const looksLikeJson = (head: string): boolean => /^\s*[[{]/.test(head.replace(/^\uFEFF/, ''));

function flatten(file: string, resource: Json, fullUrl: string | undefined, out: FhirItem[]): void {
  if (resource.resourceType === 'Bundle') {
    // A Bundle of any type (collection, searchset, transaction, document...): its entries are the content.
    for (const entry of (resource.entry as Json[] | undefined) ?? []) flattenEntry(file, entry, out);
    return;
  }
  out.push({ file, ...(fullUrl ? { fullUrl } : {}), resource });
}

function flattenEntry(file: string, entry: Json | undefined, out: FhirItem[]): void {
  if (entry && typeof entry.resource === 'object' && entry.resource)
    flatten(file, entry.resource as Json, typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined, out);
}

const isResource = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Json).resourceType === 'string';

/**
 * One file's resources, read as its text arrives: a single resource, a Bundle (any type), a JSON array
 * of resources, or NDJSON (one resource per line). A Bundle's entries come out one by one, so a file of
 * 200,000 entries is never held whole. Throws `FhirInputError` naming the line where the file broke.
 */
export class FhirItemScanner {
  private readonly json = new JsonScanner();
  constructor(readonly file: string) {}

  push(text: string): FhirItem[] {
    return this.items(() => this.json.push(text));
  }

  end(): FhirItem[] {
    return this.items(() => this.json.end());
  }

  private items(scan: () => ScannedValue[]): FhirItem[] {
    let values: ScannedValue[];
    try {
      values = scan();
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      // A break after the first value of several is a bad line of NDJSON.
      throw new FhirInputError('bad-json', error.value > 1 ? `line ${error.line} is not JSON` : error.message);
    }
    const out: FhirItem[] = [];
    for (const scanned of values) {
      if (scanned.kind === 'entry') {
        flattenEntry(this.file, scanned.value as Json, out);
        continue;
      }
      if (!isResource(scanned.value))
        throw new FhirInputError(
          'not-fhir',
          scanned.kind === 'value' && scanned.index > 1
            ? `line ${scanned.line} has no resourceType`
            : `no resourceType (line ${scanned.line})`,
        );
      flatten(this.file, scanned.value, undefined, out);
    }
    return out;
  }
}

/** One file's whole text -> resources (see `FhirItemScanner`), or an error naming where it broke. */
export function fhirItemsFromText(file: string, text: string): FhirItem[] | FhirTextError {
  const scanner = new FhirItemScanner(file);
  try {
    const out = scanner.push(text);
    for (const item of scanner.end()) out.push(item);
    return out;
  } catch (error) {
    if (error instanceof FhirInputError) return error.reason;
    throw error;
  }
}
