import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePage } from '../lib/capture/capture-page';

const MAX_INLINE_IMAGE_BYTES = 8 * 1024 * 1024;

/** Same-origin images with the user's session, as data URLs; anything else is left out. */
async function inlineImage(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    const blob = await response.blob();
    if (!response.ok || !blob.type.startsWith('image/') || blob.size > MAX_INLINE_IMAGE_BYTES) return null;
    return await new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(blob);
    });
  } catch {
    return null;
  }
}

// Injected on demand (no manifest content_scripts). The background then calls this function; its
// result is the return value of executeScript and is parsed there as untrusted input.
export default defineUnlistedScript(() => {
  (globalThis as unknown as { secondLookCapture: (selectionOnly: boolean) => Promise<unknown> }).secondLookCapture = (
    selectionOnly,
  ) => {
    const selection = window.getSelection();
    const range = selectionOnly && selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    return capturePage(window, document, location.href, { selection: range, inlineImage });
  };
});
