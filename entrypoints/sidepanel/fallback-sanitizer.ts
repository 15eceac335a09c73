import { canSanitize } from '../../lib/sanitize/sanitize';

/**
 * Loads purify.js (the DOMPurify fallback) into this page when the browser has no HTML Sanitizer API;
 * where it has one, nothing is loaded. Called before anything this page sanitizes (export, import).
 */
export async function ensureSanitizer(): Promise<void> {
  // No page to load into (the export flow's Node tests): whoever sanitizes there brings a sanitizer.
  if (typeof window === 'undefined' || canSanitize(window)) return;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/purify.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('the fallback sanitizer could not be loaded'));
    document.head.append(script);
  });
}
