import { FhirReader, type FhirRead } from './read-fhir';
import { ReferenceIndex } from './read-index';
import type { FhirItem } from './read-model';
import { FhirInputError, FhirItemScanner, type FhirTextError } from './read-input';

/** One FHIR file (a File, an entry of a zip...) that can be read, as text piece by piece, more than once. */
export interface FhirSource {
  name: string;
  /** Its size in bytes. */
  size: number;
  /** Calls `onText` with each piece of text and the bytes read so far. */
  read(onText: (text: string, bytesRead: number) => void): Promise<void>;
}

/** First pass: bytes checked of all; second: resources read of all. */
export type FhirProgress = (done: number, total: number, phase: 'checking' | 'reading') => void;

export type RefusedFile = { file: string } & FhirTextError;

export interface FhirSourcesRead {
  read: FhirRead;
  /** Files that are not JSON, or not FHIR: nothing of them is read. */
  refused: RefusedFile[];
  /** The files read. */
  files: string[];
}

async function scan(
  source: FhirSource,
  onItem: (item: FhirItem) => void,
  onBytes?: (bytesRead: number) => void,
): Promise<void> {
  const scanner = new FhirItemScanner(source.name);
  await source.read((text, bytesRead) => {
    for (const item of scanner.push(text)) onItem(item);
    onBytes?.(bytesRead);
  });
  for (const item of scanner.end()) onItem(item);
}

/**
 * Several FHIR files read together (a DiagnosticReport in one finds its Observations in another), in two
 * passes so that memory follows the largest resource, not the files: the first checks each file whole
 * (a file that breaks anywhere is refused and nothing of it is read) and notes what resources point at;
 * the second reads each resource as it arrives and lets it go.
 */
export async function readFhirSources(sources: FhirSource[], onProgress?: FhirProgress): Promise<FhirSourcesRead> {
  const totalBytes = sources.reduce((n, s) => n + s.size, 0);
  let checkedBytes = 0;
  const index = new ReferenceIndex();
  const refused: RefusedFile[] = [];
  const good: FhirSource[] = [];
  for (const source of sources) {
    const part = new ReferenceIndex();
    const before = checkedBytes;
    checkedBytes += source.size;
    try {
      await scan(
        source,
        (item) => part.note(item),
        (bytesRead) => onProgress?.(before + bytesRead, totalBytes, 'checking'),
      );
    } catch (error) {
      if (error instanceof FhirInputError) refused.push({ file: source.name, ...error.reason });
      else
        refused.push({
          file: source.name,
          error: 'bad-json',
          detail: `it could not be read: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
        });
      continue;
    }
    index.merge(part);
    good.push(source);
  }
  const reader = new FhirReader(index, onProgress && ((done, total) => onProgress(done, total, 'reading')));
  for (const source of good) await scan(source, (item) => reader.add(item));
  return { read: reader.finish(), refused, files: good.map((s) => s.name) };
}
