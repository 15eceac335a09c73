import { presentDisplayedImages } from '../attachments';
import { inertCopy, sanitizeElementToBody, sanitizeToBody } from '../sanitize';
import { queryAll, textOf } from '../reading';

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

const MAX_INLINE_IMAGES = 200;

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
  // Copied into a document without a browsing context: a copy made in the live page would fetch every
  // <img>, poster and srcset again, outside the page's own CSP (issue 6, "No data leaves").
  const clone = inertCopy(element);
  const warnings: string[] = [];
  // Each image as shown (currentSrc, lazy-loading addresses, role="img" backgrounds), before canvases
  // become images, so the live and copied image lists still line up.
  presentDisplayedImages(element, clone);

  const liveCanvases = queryAll(element, 'canvas');
  queryAll(clone, 'canvas').forEach((canvas, i) => {
    const img = canvas.ownerDocument.createElement('img');
    try {
      img.src = liveCanvases[i]?.toDataURL('image/png') ?? '';
      canvas.replaceWith(img);
    } catch {
      warnings.push('canvas-unreadable');
      canvas.remove();
    }
  });

  let dropped = 0;
  const images = queryAll(clone, 'img');
  for (const [i, img] of images.entries()) {
    const src = img.getAttribute('src') ?? '';
    if (src.startsWith('data:image/')) continue;
    let absolute: URL | undefined;
    try {
      absolute = new URL(src, pageUrl);
    } catch {
      absolute = undefined;
    }
    const inlined =
      absolute && absolute.origin === pageUrl.origin && i < MAX_INLINE_IMAGES ? await inlineImage(absolute.href) : null;
    if (inlined) img.setAttribute('src', inlined);
    else {
      img.removeAttribute('src');
      dropped++;
    }
  }
  if (dropped > 0) warnings.push(`images-not-kept:${dropped}`);

  timings.clone += now() - t;
  t = now();
  const sanitized = sanitizeToBody(win, clone);
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
