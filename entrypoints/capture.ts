import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  ATTACHMENT_IDLE_MS,
  CHUNK_BYTES,
  FALLBACK_SANITIZER_NEEDED,
  MAX_ATTACHMENT_BYTES,
  MAX_CLIP_ATTACHMENT_BYTES,
  MAX_CLIP_ATTACHMENTS,
  MAX_EMBEDDED_BYTES,
} from '../lib/core/limits';
import { fetchAttachment } from '../lib/attachments/fetch-attachment';
import { capturePage } from '../lib/capture/capture-page';
import { noTimings, type CaptureTimings } from '../lib/capture/snapshot';
import { canSanitize } from '../lib/sanitize/sanitize';

const MAX_INLINE_IMAGE_BYTES = 8 * 1024 * 1024;

/** Same-origin images with the user's session, as data URLs; anything else is left out. */
async function inlineImage(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    const blob = await response.blob();
    if (!response.ok || !blob.type.startsWith('image/') || blob.size > MAX_INLINE_IMAGE_BYTES) return null;
    return await dataUrl(blob);
  } catch {
    return null;
  }
}

const dataUrl = (blob: Blob) =>
  new Promise<string | null>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(blob);
  });

/** Fetched files wait here (the content script's isolated world, not the page's) until the background pulls them. */
const kept = new Map<string, Blob>();

/**
 * The capture as one JSON string: executeScript converts an object result value by value on its way to
 * the background: 1.27 s for a 50,000-row table, against 0.32 s for one string (plus 0.15 s to parse it)
 * (issue 7). The background parses it as untrusted input either way (lib/clip/clip.ts).
 */
async function capture(selectionOnly: boolean): Promise<string> {
  if (!canSanitize(window)) return FALLBACK_SANITIZER_NEEDED;
  const started = performance.now();
  const timings = noTimings();
  const outcome = await captureOutcome(selectionOnly, timings);
  const t = performance.now();
  const json = JSON.stringify(outcome);
  timings.serialize += performance.now() - t;
  // The time of each stage in the tab travels with the capture (the bench's breakdown reads it).
  if (!json.endsWith('}')) return json;
  const inTab = { ...timings, total: performance.now() - started };
  return `${json.slice(0, -1)},"timings":${JSON.stringify(inTab)}}`;
}

async function captureOutcome(selectionOnly: boolean, timings: CaptureTimings): Promise<unknown> {
  kept.clear();
  const selection = window.getSelection();
  const range = selectionOnly && selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const outcome = await capturePage(window, document, location.href, { selection: range, inlineImage, timings });
  if (!outcome.ok) return outcome;
  const attachments: unknown[] = outcome.notCopied.map(({ record, name, reason }) => ({
    record,
    ok: false,
    name,
    reason,
    embedded: true,
  }));
  const warnings = [...outcome.warnings];
  let budget = MAX_CLIP_ATTACHMENT_BYTES;
  let skipped = 0;
  for (const [record, candidates] of outcome.attachments.entries()) {
    for (const candidate of candidates) {
      if (attachments.length >= MAX_CLIP_ATTACHMENTS) {
        skipped++;
        continue;
      }
      const embedded = candidate.source === 'embedded';
      const fetched = await fetchAttachment(
        (url, init) => fetch(url, init),
        candidate,
        Math.min(embedded ? MAX_EMBEDDED_BYTES : MAX_ATTACHMENT_BYTES, budget),
        ATTACHMENT_IDLE_MS,
      );
      if (!fetched.ok) {
        // "View report" leading to an ordinary page is not a failed file.
        if (!candidate.expectFile && (fetched.reason === 'login-page' || fetched.reason === 'unexpected-type'))
          continue;
        attachments.push({
          record,
          ok: false,
          name: fetched.name,
          reason: fetched.reason,
          ...(embedded ? { embedded } : {}),
        });
        continue;
      }
      budget -= fetched.size;
      const transferId = crypto.randomUUID();
      kept.set(transferId, fetched.blob);
      const { blob: _blob, ...meta } = fetched;
      attachments.push({ record, transferId, ...meta });
    }
  }
  if (skipped > 0) warnings.push(`attachments-not-fetched:${skipped}`);
  return { ok: true, records: outcome.records, warnings, attachments };
}

/** One chunk as base64 (executeScript results are JSON): `{offset, data}`. */
async function chunk(transferId: string, offset: number): Promise<unknown> {
  const blob = kept.get(transferId);
  if (!blob) return null;
  const url = await dataUrl(blob.slice(offset, offset + CHUNK_BYTES));
  return url === null ? null : { offset, data: url.slice(url.indexOf(',') + 1) };
}

/** A saved page read like a clip of it (file import in the panel), without fetching its images. */
const readPage = (win: Window, doc: Document, url: string) =>
  capturePage(win, doc, url, { inlineImage: async () => null });

export interface CaptureApi {
  capture: typeof capture;
  chunk: typeof chunk;
  release: () => void;
  readPage: typeof readPage;
}

// Injected on demand (no manifest content_scripts). The background then calls these functions; their
// results are the return values of executeScript and are parsed there as untrusted input.
export default defineUnlistedScript(() => {
  const api: CaptureApi = { capture, chunk, release: () => kept.clear(), readPage };
  (globalThis as unknown as { secondLook: CaptureApi }).secondLook = api;
});
