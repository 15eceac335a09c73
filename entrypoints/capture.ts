import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FILE_FETCHER_GLOBAL, type FileFetcher } from '../lib/attachments';
import {
  FALLBACK_SANITIZER_NEEDED,
  FAMILY_READER_NEEDED,
  FILE_FETCHER_NEEDED,
  PAGE_PARTS_NEEDED,
} from '../lib/core/limits';
import {
  capturePage,
  FRAMES_KIT_GLOBAL,
  framesKit,
  PAGE_PARTS_GLOBAL,
  PagePartsMissing,
  registerPageParts,
  type CaptureOutcome,
  type PageParts,
} from '../lib/capture';
import {
  FAMILY_KIT_GLOBAL,
  FAMILY_READERS_GLOBAL,
  FamilyReaderMissing,
  familyKit,
  registerFamilyReaders,
} from '../lib/portals';
import { noTimings, now, type CaptureTimings } from '../lib/capture/snapshot';
import { canSanitize } from '../lib/sanitize/sanitize';

/** The file fetcher, once the background has injected capture-files.js into this isolated world. */
const fileFetcher = () => (globalThis as unknown as Record<string, FileFetcher | undefined>)[FILE_FETCHER_GLOBAL];

/** Registers what capture-portals.js and capture-frames.js brought, once loaded next to this script. */
function withLoadedParts(): void {
  const loaded = globalThis as unknown as Record<string, unknown>;
  const readers = loaded[FAMILY_READERS_GLOBAL] as Parameters<typeof registerFamilyReaders>[0] | undefined;
  if (readers) registerFamilyReaders(readers);
  const parts = loaded[PAGE_PARTS_GLOBAL] as PageParts | undefined;
  if (parts) registerPageParts(parts);
}

type ReadPage = Extract<CaptureOutcome, { ok: true }>;

/**
 * A page read whose files still have to be fetched, waiting for capture-files.js: the next capture call
 * (the background's, right after injecting it) goes on from here instead of reading the page again.
 */
let waiting: { selectionOnly: boolean; read: ReadPage; timings: CaptureTimings; elapsed: number } | null = null;
/**
 * Time spent in reads that stopped for parts the page needs (PAGE_PARTS_NEEDED, FAMILY_READER_NEEDED):
 * the clip's all the same, so it counts in the capture's total.
 */
let stopped = 0;

/**
 * The capture as one JSON string: executeScript converts an object result value by value on its way to
 * the background: 1.27 s for a 50,000-row table, against 0.32 s for one string (plus 0.15 s to parse it)
 * (npm run bench, clip section). The background parses it as untrusted input either way (lib/clip/clip.ts).
 */
async function capture(selectionOnly: boolean): Promise<string> {
  if (!canSanitize(window)) return FALLBACK_SANITIZER_NEEDED;
  const started = now();
  const resumed = waiting?.selectionOnly === selectionOnly ? waiting : null;
  waiting = null;
  const timings = resumed?.timings ?? noTimings();
  const before = resumed?.elapsed ?? stopped;
  stopped = 0;
  const elapsed = () => before + now() - started;
  let read: CaptureOutcome;
  try {
    read = resumed?.read ?? (await readTab(selectionOnly, timings));
  } catch (error) {
    // The page needs parts not here yet (its frames' or its family's readers): the background injects
    // them and asks again.
    if (error instanceof PagePartsMissing) {
      stopped = elapsed();
      return PAGE_PARTS_NEEDED;
    }
    if (!(error instanceof FamilyReaderMissing)) throw error;
    stopped = elapsed();
    return FAMILY_READER_NEEDED;
  }
  let outcome: unknown = read;
  if (read.ok) {
    const fetcher = fileFetcher();
    if (!fetcher && read.attachments.some((candidates) => candidates.length > 0)) {
      waiting = { selectionOnly, read, timings, elapsed: elapsed() };
      return FILE_FETCHER_NEEDED;
    }
    outcome = await withFiles(read, fetcher);
  }
  const t = now();
  const json = JSON.stringify(outcome);
  timings.serialize += now() - t;
  // The time of each stage in the tab travels with the capture (the bench's breakdown reads it).
  if (!json.endsWith('}')) return json;
  const inTab = { ...timings, total: elapsed() };
  return `${json.slice(0, -1)},"timings":${JSON.stringify(inTab)}}`;
}

function readTab(selectionOnly: boolean, timings: CaptureTimings): Promise<CaptureOutcome> {
  fileFetcher()?.release();
  withLoadedParts();
  const selection = window.getSelection();
  const range = selectionOnly && selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  return capturePage(window, document, location.href, { selection: range, timings });
}

/** The capture as sent: records, warnings, and a report per file (fetched ones wait in capture-files.js). */
async function withFiles(read: ReadPage, fetcher: FileFetcher | undefined): Promise<unknown> {
  const attachments: unknown[] = [...read.notCopied];
  const warnings = [...read.warnings];
  if (fetcher) {
    const { reports, skipped } = await fetcher.fetchFiles(read.attachments, attachments.length);
    attachments.push(...reports);
    if (skipped > 0) warnings.push(`attachments-not-fetched:${skipped}`);
  }
  return { ok: true, records: read.records, warnings, attachments };
}

/** A saved page read like a clip of it (file import in the panel), without fetching its images. */
const readPage = (win: Window, doc: Document, url: string) => {
  withLoadedParts();
  return capturePage(win, doc, url, { inlineImage: async () => null });
};

/** One chunk of a file capture-files.js keeps (only clips that fetched files have any). */
const chunk = async (transferId: string, offset: number): Promise<unknown> =>
  (await fileFetcher()?.chunk(transferId, offset)) ?? null;

export interface CaptureApi {
  capture: typeof capture;
  chunk: typeof chunk;
  release: () => void;
  readPage: typeof readPage;
}

// Injected on demand (no manifest content_scripts). The background then calls these functions; their
// results are the return values of executeScript and are parsed there as untrusted input.
export default defineUnlistedScript(() => {
  const api: CaptureApi = { capture, chunk, release: () => fileFetcher()?.release(), readPage };
  // What capture-portals.js and capture-frames.js take from here (family-kit.ts, frames-kit.ts), if needed.
  const kits = globalThis as unknown as Record<string, unknown>;
  kits[FAMILY_KIT_GLOBAL] = familyKit;
  kits[FRAMES_KIT_GLOBAL] = framesKit;
  (globalThis as unknown as { secondLook: CaptureApi }).secondLook = api;
});
