import { sanitizeElementToBody, sanitizeToBody } from '../sanitize';
import { textOf } from '../reading';
import { pageParts } from './page-parts';

/** Reads a same-origin image with the user's session; null when it cannot or should not be kept. */
export type ImageInliner = (absoluteUrl: string) => Promise<string | null>;

/** Milliseconds a clip spends in each stage inside the tab, summed over its records (the bench reads them). */
export interface CaptureTimings {
  /** Composing the page and running the portal adapter. */
  extract: number;
  /** Copying each record's element into an inert document, with its images as displayed and inlined. */
  clone: number;
  sanitize: number;
  /** Markup and text of the sanitized copy; the capture script adds its JSON encoding. */
  serialize: number;
  /** Which sanitizer ran: the browser's Sanitizer API, or the fallback loaded when it is missing. */
  sanitizer?: 'native' | 'fallback';
}

/** Milliseconds on the page's clock (the stages' timings). */
export const now = (): number => performance.now();

export const noTimings = (): CaptureTimings => ({ extract: 0, clone: 0, sanitize: 0, serialize: 0 });

export interface Snapshot {
  html: string;
  text: string;
  /** Parts of the page that could not be kept, in words the panel can show. */
  warnings: string[];
}

/**
 * A self-contained copy of `element`: same-origin images inlined as data URLs (so it renders offline),
 * canvases turned into images, then sanitized. The live page is never modified.
 */
export async function buildSnapshot(
  win: Window,
  element: Element,
  pageUrl: URL,
  inlineImage: ImageInliner,
  timings: CaptureTimings = noTimings(),
): Promise<Snapshot> {
  let t = now();
  // Nothing to present, inline or draw: sanitized straight from the page's markup, without a copy.
  if (!element.matches(IMAGES) && !element.querySelector(IMAGES)) {
    const sanitized = sanitizeElementToBody(win, element);
    timings.sanitizer = sanitized.sanitizer;
    timings.sanitize += now() - t;
    return serialized(sanitized.body, [], timings);
  }
  // Images and canvases: shown as displayed and inlined, in a copy (capture-frames.js brings the code).
  const { copy, warnings } = await pageParts().copyWithImages(element, pageUrl, inlineImage);
  timings.clone += now() - t;
  t = now();
  const sanitized = sanitizeToBody(win, copy);
  timings.sanitizer = sanitized.sanitizer;
  timings.sanitize += now() - t;
  return serialized(sanitized.body, warnings, timings);
}

/** Elements a snapshot's copy changes: images shown as displayed (and inlined), canvases drawn. */
const IMAGES = 'img, canvas, [role="img"]';

function serialized(body: HTMLElement, warnings: string[], timings: CaptureTimings): Snapshot {
  const t = now();
  const snapshot = { html: body.innerHTML, text: textOf(body), warnings };
  timings.serialize += now() - t;
  return snapshot;
}
