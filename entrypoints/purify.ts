import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { purifyToBody } from '../lib/sanitize/purify';
import { FALLBACK_GLOBAL, type FallbackSanitizer } from '../lib/sanitize/sanitize';

// The DOMPurify fallback, for browsers without the HTML Sanitizer API only: the background injects it
// into the clipped tab's isolated world, and extension pages load it with a script element, after
// finding the API missing. Where the API exists this file is never loaded.
// Set on `window`: in a Firefox content script the global object is a sandbox, and capture.js looks on
// the window it sanitizes for (lib/sanitize).
export default defineUnlistedScript(() => {
  (window as unknown as Record<string, FallbackSanitizer>)[FALLBACK_GLOBAL] = purifyToBody;
});
