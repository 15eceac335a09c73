import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionPage } from './panel-actions';

/** A lab result as the doctor reads it: enough to tell a parser that lost values, units or codes. */
export type LabRowFacts = [test: string, loinc: string | null, value: string, unit: string | null, flag: string | null];

interface LabRecord {
  kind: string;
  structured?: {
    type: string;
    results?: { test: string; loinc?: string; value: string; unit?: string; flag?: string }[];
  };
}

/** Sorted: the database returns records in key order, not file order. */
const facts = (records: LabRecord[]): LabRowFacts[] =>
  records
    .flatMap((r) =>
      // Lab results only: vital signs share the lab shape but are their own kind.
      r.kind === 'lab' && r.structured?.type === 'lab'
        ? (r.structured.results ?? []).map((x): LabRowFacts => [
            x.test,
            x.loinc ?? null,
            x.value,
            x.unit ?? null,
            x.flag ?? null,
          ])
        : [],
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The lab rows the committed golden output (tests/fixtures/ccda, parsed in Node) holds for a sample. */
export function goldenLabRows(sample: string): LabRowFacts[] {
  const golden = join(import.meta.dirname, '../fixtures/ccda', sample.replace(/\.xml$/, '.expected.json'));
  return facts((JSON.parse(readFileSync(golden, 'utf8')) as { records: LabRecord[] }).records);
}

/** The lab rows the extension stored from a C-CDA file, read from an extension page's own IndexedDB. */
export async function storedLabRows(panel: ExtensionPage, path: string): Promise<LabRowFacts[]> {
  const records = await panel.evaluate(
    () =>
      new Promise<(LabRecord & { provenance: { portal: string; path: string } })[]>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('records').objectStore('records').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
  return facts(records.filter((r) => r.provenance.portal === 'ccda' && r.provenance.path === path));
}
