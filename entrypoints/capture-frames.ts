import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { findEmbeddedDocuments } from '../lib/attachments/embedded';
import { assignEmbedded, embeddedOwners } from '../lib/capture/embedded-records';
import { flattenPage } from '../lib/capture/flatten';
import { PAGE_PARTS_GLOBAL, type PageParts } from '../lib/capture/page-parts';

// The clip's parts for frames, shadow roots, canvases and embedded documents. The background injects this
// file after capture.js only into a page that has any of those (capture.js answers PAGE_PARTS_NEEDED);
// the panel loads it with capture.js to read saved pages. Its imports from modules capture.js carries
// come from the frames kit capture.js sets (wxt.config.ts), so they are not shipped twice.
export default defineUnlistedScript(() => {
  const parts: PageParts = { findEmbeddedDocuments, flattenPage, embeddedOwners, assignEmbedded };
  (globalThis as unknown as Record<string, PageParts>)[PAGE_PARTS_GLOBAL] = parts;
});
