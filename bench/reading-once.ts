/**
 * One reading run in its own process (`tsx bench/reading-once.ts MODE ROWS`), so each path gets a fresh
 * heap (a parsed 50,000-row page holds over a GB that Node does not give back between runs).
 *   adapter   the generated MyChart results page read by its adapter's table path (the baseline)
 *   content   the same page read by the generic reader: sections, content-based results
 *   headless  the same rows with no header row and no class names: every cell's role read from its content
 *   corpus    every shared C-CDA rendered by both stylesheets, by the adapter detection picks (ROWS ignored)
 */
import { generic } from '../lib/portals/generic';
import { familyReaders } from '../lib/portals/family-readers';
import { detectPortal, registerFamilyReaders } from '../lib/portals/registry';
import type { ExtractedRecord } from '../lib/portals/types';
import { bareLabPage, generatedLabPage } from '../tests/harness/generated-pages';
import { corpusFiles, renderCcda, STYLESHEETS } from '../tests/tools/ccda-corpus';
import { parsePage } from '../tests/tools/load-page';

// The families' readers, as capture-portals.js brings them into a tab of a recognised family.
registerFamilyReaders(familyReaders);

const mode = process.argv[2] ?? 'adapter';
const rows = Number(process.argv[3] ?? '5000');
const url = new URL('http://127.0.0.1:8080/generated/labs.html');

const resultRows = (records: ExtractedRecord[]) =>
  records.reduce(
    (n, r) => n + (r.structured?.type === 'lab' ? r.structured.results.filter((x) => !x.unparsed).length : 0),
    0,
  );

/** Parse, detect the portal family, read: each timed on its own, results counted, heap after reading. */
function measure(pages: string[], read: (doc: Document) => { records: ExtractedRecord[]; detectMs: number }) {
  const out = { parseMs: 0, detectMs: 0, readMs: 0, extracted: 0, heapMb: 0, pages: pages.length };
  for (const html of pages) {
    const t0 = performance.now();
    const doc = parsePage(html);
    const t1 = performance.now();
    const { records, detectMs } = read(doc);
    const t2 = performance.now();
    out.parseMs += t1 - t0;
    out.detectMs += detectMs;
    out.readMs += t2 - t1 - detectMs;
    out.extracted += resultRows(records);
    out.heapMb = Math.max(out.heapMb, Math.round(process.memoryUsage().heapUsed / 1048576));
  }
  return out;
}

const byDetection = (doc: Document) => {
  const t = performance.now();
  const adapter = detectPortal(url, doc);
  const detectMs = performance.now() - t;
  return { records: adapter.extract(doc, url), detectMs };
};
const byContent = (doc: Document) => ({ records: generic.extract(doc, url), detectMs: 0 });

const page = mode === 'corpus' ? '' : generatedLabPage(rows);
const pages: Record<string, () => ReturnType<typeof measure>> = {
  corpus: () =>
    measure(
      corpusFiles().flatMap((f) => STYLESHEETS.map((s) => renderCcda(f, s))),
      byDetection,
    ),
  adapter: () => measure([page], byDetection),
  content: () => measure([page], byContent),
  headless: () => measure([bareLabPage(rows)], byDetection),
};
if (!pages[mode]) throw new Error(`unknown mode ${mode}`);
process.stdout.write(`${JSON.stringify(pages[mode]())}\n`);
process.exit(0);
