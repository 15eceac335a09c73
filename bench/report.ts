import { CLIP_STAGES, type ClipResult, type ClipStage, type HeapPeak } from './browser';
import type { PanelResult } from './browser-panel';
import type { ExportResult } from './browser-export';
import type { ImagingResult } from './browser-imaging';
import type { ReadingResult } from './reading';
import type { BuildSize } from './size';
import { fmtKb, fmtMb, fmtMs, type Stat } from './stats';

export interface Results {
  machine: {
    date: string;
    nproc: number;
    cpu: string;
    memoryGb: number;
    chromium: string;
    node: string;
    quick: boolean;
  };
  config: Record<string, unknown>;
  extract: { rows: number; time: Stat; rowsPerSecond: number; extracted: number; heapMb: number };
  size: { builds: BuildSize[]; chromeModules: { file: string; bytes: number; owners: Record<string, number> }[] };
  clip: ClipResult[];
  panel: PanelResult;
  export: ExportResult;
  imaging?: ImagingResult;
  reading?: ReadingResult;
  runtimeSeconds: number;
  targets?: { name: string; met: boolean; detail: string }[];
}

const MB = 1048576;
const heapOf = (h: HeapPeak) =>
  `JS ${fmtMb(h.jsPeak)} peak (+${fmtMb(h.jsPeak - h.jsBase)}); with ArrayBuffers ${fmtMb(h.allPeak)} (+${fmtMb(h.allPeak - h.allBase)})`;

const STAGE_NAMES: Record<ClipStage, string> = {
  injection: 'script injection',
  extraction: 'extraction',
  cloning: 'cloning',
  sanitizing: 'sanitizing',
  serializing: 'serializing (markup, text, JSON both ways)',
  otherInTab: 'other in the tab',
  validating: 'validating',
  messaging: 'messaging',
  idbWrite: 'IndexedDB write',
  panelUpdate: 'panel update',
};

/**
 * Issue 14's budgets, in bytes: all JS of a build at most 10% over the 432,640 bytes before it; what a clip
 * of a plain results page injects (capture.js alone) at most 45 KB.
 */
export const JS_BUDGET = 475_000;
export const CAPTURE_BUDGET = 45_000;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function renderReport(r: Results): { table: string; markdown: string } {
  const rows: [string, string, string, string][] = [];
  const targets: { name: string; met: boolean; detail: string }[] = [];
  const target = (name: string, met: boolean, detail: string) => {
    targets.push({ name, met, detail });
    return `${met ? 'MET' : 'MISSED'}: ${detail}`;
  };

  for (const c of r.clip) {
    const limit = c.rows <= 200 ? 3 : 5;
    const marked = r.clip.find((m) => m.rows === c.rows && !m.bare);
    const name = `${c.rows}${c.bare ? ' bare' : ''}`;
    if (c.bare && marked) {
      const ratio = c.clip.median / marked.clip.median;
      rows.push([
        `1. clip ${c.rows.toLocaleString('en')} rows, no header row, no class names, no portal marks (${fmtKb(c.bytes)})`,
        fmtMs(c.clip),
        `the same rows as the portal writes them (adapter's table path) ${fmtMs(marked.clip)}`,
        target(
          `clip ${name} reading by content`,
          ratio <= 1.5,
          `x${ratio.toFixed(2)} of the table path (target <= 1.5x)`,
        ),
      ]);
    } else
      rows.push([
        `1. clip ${c.rows.toLocaleString('en')} rows (${fmtKb(c.bytes)})`,
        fmtMs(c.clip),
        `floor ${fmtMs(c.floor)} = serialise ${c.serialize.median.toFixed(1)} + IDB write ${c.idbWrite.median.toFixed(1)}`,
        target(
          `clip ${c.rows} ratio`,
          c.ratio <= limit,
          `x${c.ratio.toFixed(1)} of floor (target <= ${limit}x${c.rows > 200 && c.rows < 50000 ? ': none stated between 200 and 50,000 rows, 5x used' : ''})`,
        ),
      ]);
    if (c.stages) {
      const st = c.stages;
      const parts = CLIP_STAGES.map((k) => `${STAGE_NAMES[k]} ${st[k].median.toFixed(1)}`).join(' + ');
      const heaviest = [...CLIP_STAGES].sort((a, b) => st[b].median - st[a].median)[0]!;
      rows.push([
        `   stages, ${c.rows} rows${c.bare ? ', bare page' : ''} (medians, ms; ${c.sanitizer ?? '?'} sanitizer)`,
        parts,
        `largest: ${STAGE_NAMES[heaviest]} x${(st[heaviest].median / c.floor.median).toFixed(1)} of floor`,
        '-',
      ]);
    }
    rows.push([
      `   longest panel task, ${c.rows} rows${c.bare ? ', bare page' : ''}`,
      `${c.longestTask.toFixed(0)} ms`,
      '-',
      target(`clip ${name} long task`, c.longestTask <= 100, `${c.longestTask.toFixed(0)} ms (target <= 100 ms)`),
    ]);
  }

  const e = r.export;
  const z = e.zip;
  const desc = `${e.records} records, ${e.attachments} files ${fmtMb(e.attachmentBytes)}`;
  rows.push([
    `2. export end to end (${desc})`,
    fmtMs(e.product.time),
    `zip floor ${fmtMs(z.floor.time)}`,
    `x${(e.product.time.median / z.floor.time.median).toFixed(2)} of floor, no target (it also reads IndexedDB, builds the pages, PDF and FHIR bundle, re-checks every file's SHA-256 and computes its SHA-1)`,
  ]);
  rows.push([
    `   zip stage, same ${e.entries} entries: ours (own writer, native deflate)`,
    fmtMs(z.ours.time),
    `floor (CRC-32 + copy) ${fmtMs(z.floor.time)}`,
    target(
      'export vs floor',
      z.ours.time.median <= 2 * z.floor.time.median,
      `x${(z.ours.time.median / z.floor.time.median).toFixed(2)} of floor (target <= 2x)`,
    ),
  ]);
  rows.push([
    `   JSZip 3.10`,
    fmtMs(z.jszip.time),
    'ours',
    target(
      'export vs JSZip',
      z.jszip.time.median >= 3 * z.ours.time.median,
      `ours ${(z.jszip.time.median / z.ours.time.median).toFixed(1)}x faster (target >= 3x)`,
    ),
  ]);
  rows.push([
    `   @zip.js/zip.js`,
    fmtMs(z.zipjs.time),
    'ours',
    target(
      'export vs fastest peer',
      z.ours.time.median <= Math.min(z.jszip.time.median, z.zipjs.time.median),
      `ours ${(Math.min(z.jszip.time.median, z.zipjs.time.median) / z.ours.time.median).toFixed(2)}x the fastest peer's speed (target >= 1x)`,
    ),
  ]);
  const bound = 64 * MB + e.largestFile;
  // The issue bounds the peak JS heap (V8's heap: what DevTools and performance.memory call the JS heap).
  // ArrayBuffer backing stores live outside it; their figure is shown beside it and explained in the notes.
  const expHeap = e.product.heap.jsPeak - e.product.heap.jsBase;
  rows.push([
    `   peak heap, export`,
    heapOf(e.product.heap),
    `bound 64 MB + largest file ${fmtMb(e.largestFile)} = ${fmtMb(bound)}`,
    target(
      'export heap',
      expHeap <= bound,
      `JS heap +${fmtMb(expHeap)} over the idle page (ArrayBuffers outside the JS heap: +${fmtMb(e.product.heap.allPeak - e.product.heap.allBase)} with them)`,
    ),
  ]);
  rows.push([
    `   peak heap, JSZip / zip.js / floor`,
    `${fmtMb(z.jszip.heap.allPeak - z.jszip.heap.allBase)} / ${fmtMb(z.zipjs.heap.allPeak - z.zipjs.heap.allBase)} / ${fmtMb(z.floor.heap.allPeak - z.floor.heap.allBase)}`,
    'over a page holding the entries',
    '-',
  ]);
  const impHeap = e.import.heap.jsPeak - e.import.heap.jsBase;
  rows.push([
    `3. import (readPackage, ${fmtMb(e.import.bytes)})`,
    fmtMs(e.import.time),
    `export ${fmtMs(e.product.time)}`,
    target(
      'import time',
      e.import.time.median <= 1.5 * e.product.time.median,
      `x${(e.import.time.median / e.product.time.median).toFixed(2)} of export (target <= 1.5x)`,
    ),
  ]);
  rows.push([
    `   peak heap, import`,
    heapOf(e.import.heap),
    `bound ${fmtMb(bound)}`,
    target(
      'import heap',
      impHeap <= bound,
      `JS heap +${fmtMb(impHeap)} over the idle page (+${fmtMb(e.import.heap.allPeak - e.import.heap.allBase)} with ArrayBuffers)`,
    ),
  ]);

  const p = r.panel;
  rows.push([
    `4. panel usable, ${p.records} records + ${p.questions} questions`,
    fmtMs(p.full),
    `empty ${fmtMs(p.empty)}`,
    target('panel', p.ratio <= 1.5, `x${p.ratio.toFixed(2)} of empty (target <= 1.5x)`),
  ]);
  if (p.firstFull)
    rows.push([
      `   panel first render, same cases`,
      fmtMs(p.firstFull),
      `empty ${fmtMs(p.firstEmpty)}`,
      target('panel first render', p.firstRatio <= 1.5, `x${p.firstRatio.toFixed(2)} of empty (target <= 1.5x)`),
    ]);
  if (p.clip)
    rows.push([
      `   clip 200 rows into the ${p.records}-record case, panel open`,
      fmtMs(p.clip.ms),
      `longest panel task ${p.clip.longestTask.toFixed(0)} ms (${p.clip.runs} clips)`,
      target('panel long task', p.clip.longestTask <= 100, `${p.clip.longestTask.toFixed(0)} ms (target <= 100 ms)`),
    ]);

  for (const b of r.size.builds) {
    const detail = `JS ${fmtKb(b.js)}, CSS ${fmtKb(b.css)}, other ${fmtKb(b.other)}`;
    rows.push([
      `5. size ${b.build}`,
      `total ${fmtKb(b.total)}, zipped ${b.zipped === null ? '?' : fmtKb(b.zipped)}`,
      detail,
      target(
        `${b.build} JS size`,
        b.js <= JS_BUDGET,
        `JS ${kb(b.js)} (budget <= ${kb(JS_BUDGET)}: 432.6 kB before issue 14 + 10%${b.js > JS_BUDGET ? `, over by ${kb(b.js - JS_BUDGET)}` : `, ${kb(JS_BUDGET - b.js)} left`})`,
      ),
    ]);
    const js = b.files.filter((f) => /\.m?js$/.test(f.path)).sort((x, y) => y.bytes - x.bytes);
    rows.push([
      `   ${b.build} JS per file`,
      js.map((f) => `${f.path.replace(/-[\w-]{8}\.js$/, '.js')} ${kb(f.bytes)}`).join(', '),
      'entry points: background.js, sidepanel (its chunks), capture.js (with capture-frames.js, capture-portals.js, capture-files.js and purify.js when the page needs them); the rest load on first use',
      '-',
    ]);
    const injected = b.injected ?? [];
    for (const [i, kind] of injected.entries())
      rows.push([
        i === 0 ? `   ${b.build} injected per clip` : `     ${kind.page}`,
        kb(kind.bytes),
        i === 0 ? `${kind.page}: ${kind.files.join(' + ')}` : kind.files.join(' + '),
        i === 0
          ? target(
              `${b.build} capture per clip size`,
              kind.bytes <= CAPTURE_BUDGET,
              `${kb(kind.bytes)} on a plain results page (target <= 45 kB)`,
            )
          : '-',
      ]);
  }
  const chrome = r.size.builds.find((b) => b.build.startsWith('chrome'));
  if (chrome?.loads) {
    const l = chrome.loads;
    rows.push([
      `   chrome JS by when it loads`,
      `browser start (background) ${fmtKb(l.background)}; panel open ${fmtKb(l.panel)}; per clip up to ${fmtKb(l.capture)} (every capture file); on first use (export, import, files) ${fmtKb(l.lazy)}`,
      'before this issue: 1,093.5 KB in total; background and panel share Dexie, zod and the polyfill',
      '-',
    ]);
  }
  const owners: Record<string, number> = {};
  for (const f of r.size.chromeModules) for (const [k, v] of Object.entries(f.owners)) owners[k] = (owners[k] ?? 0) + v;
  const ownerList = Object.entries(owners).sort((a, b) => b[1] - a[1]);
  rows.push([
    `   chrome JS by module`,
    ownerList
      .slice(0, 6)
      .map(([k, v]) => `${k} ${fmtKb(v)}`)
      .join(', '),
    'all: see below / results.json',
    '-',
  ]);

  const x = r.extract;
  rows.push([
    `6. extraction ${x.rows.toLocaleString('en')} rows (Node)`,
    fmtMs(x.time),
    `decode + jsdom parse + extract; heap ${x.heapMb} MB`,
    `${Math.round(x.rowsPerSecond).toLocaleString('en')} rows/s (no target)`,
  ]);

  const im = r.imaging;
  if (im) {
    rows.push([
      `7. DICOM study import, ${fmtMb(im.bytes)} in ${im.files} files`,
      `${fmtMs(im.study.time)}, ${im.study.mbPerSecond.toFixed(0)} MB/s`,
      `plain copy into IndexedDB ${fmtMs(im.floor.time)}, ${im.floor.mbPerSecond.toFixed(0)} MB/s`,
      `x${(im.study.time.median / im.floor.time.median).toFixed(2)} of the copy (no target)`,
    ]);
    rows.push([
      `   peak heap, study import / copy`,
      `${heapOf(im.study.heap)} / ${heapOf(im.floor.heap)}`,
      `the study is ${fmtMb(im.bytes)}`,
      '-',
    ]);
    rows.push([
      `   one ${fmtMb(im.large.bytes)} file: import / export`,
      `${im.large.importMs.toFixed(0)} ms / ${im.large.exportMs.toFixed(0)} ms`,
      `heap: import ${heapOf(im.large.importHeap)}; export ${heapOf(im.large.exportHeap)}`,
      '-',
    ]);
    rows.push([
      `7. XDM import, ${im.xdm.documents} C-CDA documents`,
      `${fmtMs(im.xdm.time)}, ${Math.round(im.xdm.recordsPerSecond)} records/s (${im.xdm.records} records)`,
      heapOf(im.xdm.heap),
      '-',
    ]);
  }

  // Reading by content in Node (jsdom), each page in a fresh process; its 1.5x target is judged on the clip (section 1).
  if (r.reading) rows.push(...r.reading.table.map((row) => row as [string, string, string, string]));

  r.targets = targets;
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length), 8));
  const header: [string, string, string, string] = ['measure', 'median (min–max)', 'baseline (same run)', 'target'];
  const line = (row: string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const table = [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');

  const perFile = r.size.chromeModules
    .map(
      (f) =>
        `- \`${f.file}\` ${fmtKb(f.bytes)}: ${Object.entries(f.owners)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${fmtKb(v)}`)
          .join(', ')}`,
    )
    .join('\n');
  const m = r.machine;
  const markdown = `## Performance (\`npm run bench\`)

Measured ${m.date.slice(0, 10)} on ${m.nproc} CPUs (${m.cpu}), ${m.memoryGb} GB RAM, ${m.chromium}, Node ${m.node}; shared
machine, so the baselines are measured in the same run and the ratios matter more than absolute times.
Each figure is the median of 3 to 5 runs (min–max in brackets; runs per section in results.json \`config\`); measuring took ${r.runtimeSeconds} s, plus ~25 s of builds.
\`npm run bench -- --quick\` is the CI smoke run (small sizes, one run each).

| ${header.join(' | ')} |
|${header.map(() => '---').join('|')}|
${rows.map((row) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n')}

Chrome build JavaScript by owner (from source maps of the same build):
${perFile}

${notes(targets)}

How it is measured: see \`bench/\` (run.ts orchestrates; browser.ts drives Chromium; the in-browser half is
\`entrypoints/bench/\`, built into test builds only). Clip: the real side panel's Clip button on
\`/generated/labs.html?rows=N\`, from the trusted mouse-down to the record appearing in the panel, a new case per run;
floor: \`documentElement.outerHTML\` in the tab plus one durable IndexedDB put of that many bytes from an extension
page. Export: the product's \`packageEntries\` + \`writeZip\` reading the seeded case from IndexedDB; the zip writers
then run on the same collected entries, interleaved. Heap: CDP \`Runtime.getHeapUsage\` polled every ~20 ms
(V8 heap, and V8 + embedder + ArrayBuffer backing stores); the heap targets are judged on the V8 (JS) heap, as the
issue states them. The figure with ArrayBuffers is higher because V8 frees the backing stores of read buffers
lazily, after they are unreachable: the export holds one attachment plus at most an 8 MB output fold at a time. Panel: \`sidepanel.html\` loaded in a tab until the active
case, its record count and its first page of records (20 per kind) are shown (first render: its Clip button on
screen), runs alternating with an empty case; then, with the real side panel open on the large case, the Clip button
on \`/generated/labs.html\` until the count grows, watching the panel's long tasks (PerformanceObserver
\`longtask\`). Size: the release builds in \`.output/\`, attributed by the source maps of
an identical build. One finding along the way: in the first minute or so after the browser starts, Chromium
handed back an exported 300 MB zip Blob that failed to read (NotReadableError) part-way through. Export-only runs
started right after launch hit it three times out of three; after a 90 s wait it read fine, and in the full run
the export section starts minutes after launch. A patient exporting a very large case right after starting the
browser might meet the same browser limit (the download would fail, nothing stored is touched); writing the zip to
the origin-private file system instead of Blob parts would avoid it (not done).
`;
  return { table, markdown };
}

/** Why a target is missed: the measured numbers are in the table; these are the causes found by profiling. */
const WHY: [RegExp, string][] = [
  [
    /^clip \d+ ratio/,
    "The stage row under each clip says where the time goes; it is measured in the real clip (the tab's own timings travel with the capture, the background keeps a trace, the panel times the click and the record shown), and the stages add up to the clip. The floor serialises once and writes once; a clip must also read the page's structure (extraction walks the DOM from script, in the content script's isolated world where Chromium's bindings are ~1.8x slower than the main world), parse what it stores (the HTML Sanitizer API works on markup: each record's markup is parsed and sanitized natively, then serialised again), read the snapshot's text, ship the result out of the tab and check it against its schema (the tab is untrusted), and write it durably with its summary and head. Done: the native sanitizer is probed once per page instead of a script walk over every attribute of every snapshot, a snapshot with nothing to inline is sanitized without a copy (cloning 126 ms -> 0 at 50,000 rows), lab tables and cell text are read in one pass, the panel reads record heads instead of whole records (panel update 251 -> 36 ms and the 288 ms panel task gone at 50,000 rows). What holds each size now: at 200 rows the fixed costs of three processes (script injection ~7 ms alone is 2.7x the floor; the executeScript round trip, the durable transaction and the panel's live query and render add ~30 ms); at 50,000 rows extraction (~1.2 s), serialising (~0.9 s), sanitizing (~0.8 s, about one native parse) and garbage collection inside them; A page recognised as a portal family by its markup (not its address) asks for the family's reader before any walk of the page: one round trip.",
  ],
  [
    /^export vs JSZip/,
    "On a package that is nearly all stored (incompressible) bytes every writer is bound by CRC-32 and copying. JSZip itself is only ~3.1x the CRC+copy floor, so 3x faster than JSZip means within ~5% of the floor; ours adds deflating ~27 MB of pages and text with the browser's CompressionStream (on the main thread in Chromium: the ~0.2 s between ours and the floor). Done: our own zip writer on native deflate (fflate level 6 before: x2.09 of the floor, now ~x1.2), slicing-by-8 CRC-32 for stored entries, time-sliced yielding.",
  ],
  [
    /^export vs floor/,
    'The zip stage is deflate of the small text files plus the CRC-32 and the copy into Blob parts.',
  ],
  [/^export vs fastest peer/, 'See the JSZip note.'],
  [
    /^export heap/,
    'The pipeline holds one attachment plus at most an 8 MB output fold at a time; V8 frees read buffers lazily.',
  ],
  [
    /^import heap/,
    'One attachment is read whole (to hash it with the native SHA-256 instead of streaming it through a pure-JS hash), plus buffers awaiting collection.',
  ],
  [/^import time/, ''],
  [
    /^panel/,
    "The panel reads the case's summary row (database version 3: counts per kind, newest dates, checklist counts, questions and opinions, kept in the same transaction as every write) and one page of 20 records per kind through the [caseId+kind+clinicalDate] index, so what it reads does not grow with the case; questions show 50 at a time. What remains is the fixed cost of a page of records per kind and the live queries' start.",
  ],
  [
    /JS size$/,
    "Where the bytes are (per file in the row above): the shared vendor chunk (Dexie ~98 KB, zod/mini ~35 KB, the polyfill ~10 KB) loads with the background and the panel; the panel ~112 KB (views, Preact ~14 KB, lab identity ~13 KB); files ~72 KB (the C-CDA, FHIR and VA readers; saved pages are read by capture.js loaded into the panel, not by a second copy); capture.js and its three parts ~69 KB; imaging ~51 KB (dicom-parser ~29 KB); the exporter ~50 KB; letters ~38 KB; purify.js ~31 KB (DOMPurify, loaded only where the HTML Sanitizer API is missing). Before issue 14 the extension was 432.6 kB; the issues that landed beside it (letters, timeline and sent log, FHIR both ways, imaging, reading by content) added their own code, each loaded on first use. Done in issue 14: DOMPurify once instead of twice and out of capture.js and the panel's sanitize chunk, the tab's SHA-256 library replaced by WebCrypto, file import reading saved pages with capture.js instead of its own copy of the page reader (-42 kB). Reaching 475 kB would take dropping a required library (Dexie) or features; the next step without loss: drop purify.js once the minimum browsers are raised (Chrome 146, Firefox 148).",
  ],
  [
    /capture per clip size$/,
    "capture.js is the page reader itself, all of it used on a plain results page: the content readers (lib/reading ~24 KB: result cells and content, lab tables and values, sections, dates, kinds), the generic reader and portal detection (~9 KB), the sanitizer's allow-list and checks (~4 KB), displayed images and links (~3.5 KB), snapshots, the clip's own code and the plain page parts (~6 KB). Done: DOMPurify (28 KB) and @noble/hashes (5 KB) left it; attachment fetching (capture-files.js, -3.1 KB), the portal families' own readers (capture-portals.js, -5.6 KB) and frames, shadow roots, canvases and embedded documents (capture-frames.js, -3.9 KB) are injected only into pages that need them, with no extra round trip for pages that do not (and none for a family named by the page's address). Minifiers measured: oxc (kept) 61.4 KB before the split, terser 61.7-62.0 KB, esbuild 62.8 KB. Added back: the native sanitizer's probe and the no-copy path (+3.2 KB), which cut the tab's sanitizing by ~0.5 s at 50,000 rows. Then -1.8 KB: the injected scripts without WXT's startup wrapper (-0.35 KB), the kits as positional arrays (-0.5 KB), the probe written compactly, one helper for every query of all matching elements, one white-space tidy, one clock, one forbidden-element check shared by the sanitizer and the snapshot. Measured and left: a second minify with terser (-0.35 KB, a new dependency). Reaching 45 KB needs ~5 KB less reading code (lib/reading is ~25 KB).",
  ],
];

function notes(targets: { name: string; met: boolean; detail: string }[]): string {
  const missed = targets.filter((t) => !t.met);
  if (missed.length === 0) return 'Every target is met.';
  const told = new Set<string>();
  const lines = missed.map((t) => {
    const why = WHY.find(([re]) => re.test(t.name))?.[1];
    const text = why && told.has(why) ? ' Same cause as above.' : why ? ` ${why}` : '';
    if (why) told.add(why);
    return `- **${t.name}**: ${t.detail}.${text}`;
  });
  return `Targets missed, by how much and why:\n${lines.join('\n')}`;
}
