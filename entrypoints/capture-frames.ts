import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { recordImages } from '../lib/attachments/displayed-image';
import { assignEmbedded, embeddedIn, embeddedOwners } from '../lib/capture/embedded-records';
import { flattenPage } from '../lib/capture/flatten';
import { PAGE_PARTS_GLOBAL, type PageParts } from '../lib/capture/page-parts';
import { copyWithImages } from '../lib/capture/snapshot-images';

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

// The clip's parts for frames, shadow roots, canvases, embedded documents and images. The background
// injects this file after capture.js only into a page that has any of those (capture.js answers PAGE_PARTS_NEEDED);
// the panel loads it with capture.js to read saved pages. Its imports from modules capture.js carries
// come from the frames kit capture.js sets (wxt.config.ts), so they are not shipped twice.
export default defineUnlistedScript(() => {
  const parts: PageParts = {
    embeddedIn,
    flattenPage,
    embeddedOwners,
    assignEmbedded,
    recordImages,
    copyWithImages,
    inlineImage,
  };
  (globalThis as unknown as Record<string, PageParts>)[PAGE_PARTS_GLOBAL] = parts;
});
