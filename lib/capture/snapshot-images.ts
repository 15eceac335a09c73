import { presentDisplayedImages } from '../attachments';
import { queryAll } from '../reading';
import { inertCopy } from '../sanitize';
import type { ImageInliner } from './snapshot';

const MAX_INLINE_IMAGES = 200;

/**
 * The copy a snapshot sanitizes when its element shows images or canvases: each image as displayed
 * (currentSrc, lazy-loading addresses, role="img" backgrounds), canvases drawn as images, same-origin
 * images inlined as data URLs (so it renders offline). Part of capture-frames.js: only pages that show
 * any image or canvas reach it (page-parts.ts, `hasOwnParts`).
 */
export async function copyWithImages(
  element: Element,
  pageUrl: URL,
  inlineImage: ImageInliner,
): Promise<{ copy: Element; warnings: string[] }> {
  // Copied into a document without a browsing context: a copy made in the live page would fetch every
  // <img>, poster and srcset again, outside the page's own CSP (no data leaves but to the portal).
  const clone = inertCopy(element);
  const warnings: string[] = [];
  // Each image as shown, before canvases become images, so the live and copied image lists still line up.
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
  return { copy: clone, warnings };
}
