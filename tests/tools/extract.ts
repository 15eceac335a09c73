import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCcda, type ImportedRecord, type SectionOutcome } from '../../lib/import/ccda';
import { readXdmPackage } from '../../lib/import/xdm';
import { vaRecordsFromJson } from '../../lib/portals';
import { fhirItemsFromText, looksLikeJson, readFhir } from '../../lib/fhir';
import type { StructuredData } from '../../lib/core/model';
import { familyReaders } from '../../lib/portals/family-readers';
import { detectPortal, registerFamilyReaders } from '../../lib/portals/registry';
import { documentRoot } from '../../lib/reading';
import { decodePage, parsePage } from './load-page';
import { parseXmlDocument } from './xml-parser';

/**
 * `npm run extract -- FILE... [--url URL]`: the capture extraction run in Node on saved portal pages,
 * C-CDA XML and XDM zips, printed as one JSON document. Wiring only: the logic lives in lib/.
 */

interface OutputRecord {
  file: string;
  source: string;
  kind: string;
  title: string;
  clinicalDate: string | null;
  panel?: Record<string, unknown>;
  results?: {
    test: string;
    value: string;
    unit: string | null;
    referenceRange: string | null;
    flag: string | null;
    date: string | null;
    unparsed?: true;
  }[];
  structured?: StructuredData;
}

/** What became of every section of each C-CDA document read (the import report). */
export interface DocumentSections {
  file: string;
  title: string;
  sections: SectionOutcome[];
}

export interface ExtractOutput {
  records: OutputRecord[];
  documents?: DocumentSections[];
  errors?: { file: string; error: string }[];
}

function shape(
  file: string,
  source: string,
  r: { kind: string; title: string; clinicalDate?: string; structured?: StructuredData },
): OutputRecord {
  const out: OutputRecord = { file, source, kind: r.kind, title: r.title, clinicalDate: r.clinicalDate ?? null };
  if (r.structured?.type === 'lab') {
    out.panel = r.structured.panel;
    // A row without its own date was taken when its panel was collected (or resulted).
    const panelDate = r.structured.panel.collected ?? r.structured.panel.resulted ?? r.clinicalDate ?? null;
    out.results = r.structured.results.map((row) => ({
      test: row.test,
      value: row.value,
      unit: row.unit ?? null,
      referenceRange: row.referenceRange ?? null,
      flag: row.flag ?? null,
      date: row.date ?? panelDate,
      ...(row.unparsed ? { unparsed: true as const } : {}),
    }));
  } else if (r.structured) out.structured = r.structured;
  return out;
}

function fromCcda(file: string, xml: string, source: string, documents: DocumentSections[]): OutputRecord[] {
  const doc = parseCcda(xml, parseXmlDocument);
  documents.push({ file, title: doc.title, sections: doc.sections });
  return doc.records.map((r: ImportedRecord) => shape(file, source, r));
}

export async function extractFile(
  file: string,
  bytes: Uint8Array,
  pageUrl?: string,
  documents: DocumentSections[] = [],
  errors: { file: string; error: string }[] = [],
): Promise<OutputRecord[]> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) {
    const xdm = await readXdmPackage(bytes, parseXmlDocument);
    for (const path of xdm.missing)
      errors.push({ file: `${file}!${path}`, error: 'listed in METADATA.XML but not in the zip' });
    return xdm.documents.flatMap((doc) => fromCcda(`${file}!${doc.path}`, doc.xml, 'xdm', documents));
  }
  const text = decodePage(bytes);
  const head = text.slice(0, 4000);
  // The root decides, not the prolog or the file name: an XHTML page with `<?xml?>` and a DOCTYPE is a page.
  const root = documentRoot(text);
  if (root === 'clinical-document' || root === 'xml' || (root === 'unknown' && /\.xml$/i.test(file)))
    return fromCcda(file, text, 'ccda', documents);
  if (/\.(nd)?json$/i.test(file) || looksLikeJson(head)) {
    // VA.gov's own shapes first (they are FHIR-like but read by the VA reader), then FHIR R4 JSON or NDJSON.
    const va = /\.json$/i.test(file) ? vaRecordsFromJson(tryJson(text)) : null;
    if (va) return va.map((r) => shape(file, 'va-mhv', r));
    const items = fhirItemsFromText(file, text);
    if ('error' in items) throw new Error(`${items.error}: ${items.detail}`);
    return readFhir(items).records.map(({ record }) => shape(file, 'fhir', record));
  }
  const url = new URL(pageUrl ?? pathToFileURL(resolve(file)).href);
  const doc = parsePage(text);
  // Every family's reader, as capture-portals.js brings them into a tab of a recognised family.
  registerFamilyReaders(familyReaders);
  const adapter = detectPortal(url, doc);
  return adapter.extract(doc, url).map((r) => shape(file, adapter.id, r));
}

const tryJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export function parseArgs(argv: string[]): { files: string[]; url?: string } {
  const files: string[] = [];
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') url = argv[++i];
    else if (arg.startsWith('--url=')) url = arg.slice(6);
    else files.push(arg);
  }
  if (url !== undefined) new URL(url); // fail early on a malformed address
  return { files, url };
}

export async function main(
  argv: string[],
  readFile: (path: string) => Uint8Array = (p) => readFileSync(p),
): Promise<ExtractOutput> {
  const { files, url } = parseArgs(argv);
  if (files.length === 0) throw new Error('usage: npm run extract -- FILE... [--url URL]');
  const output: ExtractOutput = { records: [] };
  const documents: DocumentSections[] = [];
  const errors: { file: string; error: string }[] = [];
  for (const file of files) {
    try {
      output.records.push(...(await extractFile(file, readFile(file), url, documents, errors)));
    } catch (error) {
      errors.push({ file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (documents.length) output.documents = documents;
  if (errors.length) output.errors = errors;
  return output;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const output = await main(process.argv.slice(2));
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    process.exitCode = output.errors ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
