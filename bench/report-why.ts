/**
 * Why each missed bench target is missed: the stage or the bytes that hold it, and what was done. Matched by the
 * target's name; a cause shared by several targets is told once.
 */
import type { ClipResult } from './clip-stages';
import { clipWhy } from './report-floors';

/** How the clip's stages are measured, and what earlier sessions did to them. */
const CLIP_STAGES_MEASURED =
  "The stage row under each clip says where the time goes; it is measured in the real clip (the tab's own timings travel with the capture, the background keeps a trace, the panel times the click and the record shown), and the stages add up to the clip. The floor serialises once and writes once; a clip must also read the page's structure (extraction walks the DOM from script, in the content script's isolated world where Chromium's bindings are ~1.8x slower than the main world), parse what it stores (the HTML Sanitizer API works on markup: each record's markup is parsed and sanitized natively, then serialised again), read the snapshot's text, ship the result out of the tab and check it against its schema (the tab is untrusted), and write it durably with its summary and head.";
const CLIP_DONE =
  'Done: the native sanitizer is probed once per page instead of a script walk over every attribute of every snapshot, a snapshot with nothing to inline is sanitized without a copy (cloning 126 ms -> 0 at 50,000 rows), lab tables and cell text are read in one pass, the panel reads record heads instead of whole records (panel update 251 -> 36 ms and the 288 ms panel task gone at 50,000 rows).';
/** The reason written before the plumbing clip and the stage bounds were measured (older results.json). */
const CLIP_WHY_BEFORE_BASELINES = `${CLIP_STAGES_MEASURED} ${CLIP_DONE} What holds each size now: at 200 rows the fixed costs of three processes (script injection ~7 ms alone is 2.7x the floor; the executeScript round trip, the durable transaction and the panel's live query and render add ~30 ms); at 50,000 rows extraction (~1.2 s), serialising (~0.9 s), sanitizing (~0.8 s, about one native parse) and garbage collection inside them; A page recognised as a portal family by its markup (not its address) asks for the family's reader before any walk of the page: one round trip.`;

/** Why a target is missed: the measured numbers are in the table; these are the causes found by profiling. */
const WHY: [RegExp, string][] = [
  [/^clip \d+ ratio/, CLIP_WHY_BEFORE_BASELINES],
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
    "capture.js is the page reader itself, all of it used on a plain results page: the content readers (lib/reading ~24 KB: result cells and content, lab tables and values, sections, dates, kinds), the generic reader and portal detection (~9 KB), the sanitizer's allow-list, checks and probe (~6 KB), the clip's own code, snapshots and the plain page parts (~5 KB), links to files (~1 KB). Done: DOMPurify (28 KB) and @noble/hashes (5 KB) left it; attachment fetching (capture-files.js, -3.1 KB), the portal families' own readers (capture-portals.js, -5.6 KB) and frames, shadow roots, canvases and embedded documents (capture-frames.js, -3.9 KB) are injected only into pages that need them, with no extra round trip for pages that do not (and none for a family named by the page's address). Minifiers measured: oxc (kept) 61.4 KB before the split, terser 61.7-62.0 KB, esbuild 62.8 KB. Added back: the native sanitizer's probe and the no-copy path (+3.2 KB), which cut the tab's sanitizing by ~0.5 s at 50,000 rows. Then -1.8 KB: the injected scripts without WXT's startup wrapper (-0.35 KB), the kits as positional arrays (-0.5 KB), the probe written compactly, one helper for every query of all matching elements, one white-space tidy, one clock, one forbidden-element check shared by the sanitizer and the snapshot. Then -4.0 KB: what images show, the snapshot's image copy and inlining travel with capture-frames.js, asked for only by a page that shows an image (one selector before any walk; -3.0 KB; a page with any <img>, a logo included, pays one round trip and capture-frames.js for it), what a page embeds is looked for and reported by those parts (-0.2 KB), and duplicated reading code folded (-0.8 KB: one native sanitizing path, white-space tidy, label patterns, month and comparator patterns, tables instead of repeated branches). Measured and left: a second minify with terser (-0.35 KB, a new dependency). Reaching 45 KB needs ~1.2 KB less: nothing left runs only on some pages that one selector can tell before the walk.",
  ],
];

/**
 * A missed clip target's reason, written from its own run's plumbing clip and stage bounds (report-floors.ts);
 * results measured before those baselines keep the reason written then.
 */
function measuredWhy(name: string, clips: ClipResult[]): string | undefined {
  const size = /^clip (\d+) ratio$/.exec(name);
  if (!size) return undefined;
  const rows = Number(size[1]);
  return clipWhy(
    clips.find((c) => c.rows === rows && !c.bare),
    rows <= 200 ? 3 : 5,
  );
}

export function targetNotes(
  targets: { name: string; met: boolean; detail: string }[],
  clips: ClipResult[] = [],
): string {
  const missed = targets.filter((t) => !t.met);
  if (missed.length === 0) return 'Every target is met.';
  const told = new Set<string>();
  let clipIntro = `${CLIP_STAGES_MEASURED} ${CLIP_DONE} `;
  const lines = missed.map((t) => {
    const measured = measuredWhy(t.name, clips);
    // How the stages are measured and what was done, told once before the first clip's figures.
    const why = measured ? clipIntro + measured : WHY.find(([re]) => re.test(t.name))?.[1];
    if (measured) clipIntro = '';
    const text = why && told.has(why) ? ' Same cause as above.' : why ? ` ${why}` : '';
    if (why) told.add(why);
    return `- **${t.name}**: ${t.detail}.${text}`;
  });
  return `Targets missed, by how much and why:\n${lines.join('\n')}`;
}
