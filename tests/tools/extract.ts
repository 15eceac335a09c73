import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCcda, type ImportedRecord } from '../../lib/import/ccda';
import { readXdm } from '../../lib/import/xdm';
import type { StructuredData } from '../../lib/core/model';
import { detectPortal } from '../../lib/portals/registry';
import { documentRoot } from '../../lib/reading';
import { decodeDocument, parsePage } from './load-page';
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

export interface ExtractOutput {
  records: OutputRecord[];
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

const fromCcda = (file: string, xml: string, source = 'ccda') =>
  parseCcda(xml, parseXmlDocument).records.map((r: ImportedRecord) => shape(file, source, r));

export async function extractFile(file: string, bytes: Uint8Array, pageUrl?: string): Promise<OutputRecord[]> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip)
    return (await readXdm(bytes, parseXmlDocument)).flatMap((doc) => fromCcda(`${file}!${doc.path}`, doc.xml, 'xdm'));
  const text = decodeDocument(bytes);
  // The root decides, not the prolog or the file name: an XHTML page with `<?xml?>` and a DOCTYPE is a page.
  const root = documentRoot(text);
  if (root === 'clinical-document' || root === 'xml' || (root === 'unknown' && /\.xml$/i.test(file)))
    return fromCcda(file, text);
  const url = new URL(pageUrl ?? pathToFileURL(resolve(file)).href);
  const doc = parsePage(text);
  const adapter = detectPortal(url, doc);
  return adapter.extract(doc, url).map((r) => shape(file, adapter.id, r));
}

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
  for (const file of files) {
    try {
      output.records.push(...(await extractFile(file, readFile(file), url)));
    } catch (error) {
      (output.errors ??= []).push({ file, error: error instanceof Error ? error.message : String(error) });
    }
  }
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
