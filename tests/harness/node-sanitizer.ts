import { JSDOM } from 'jsdom';
import { purifyToBody } from '../../lib/sanitize/purify';
import { FALLBACK_GLOBAL, sanitizeSnapshot } from '../../lib/sanitize/sanitize';

/**
 * The clip sanitizer (lib/sanitize) for code that imports packages in Node: the DOMPurify fallback on a jsdom
 * window, the DOM it is tested on (it does not sanitize under happy-dom).
 */
export function nodeSanitizer(): (html: string) => string {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  // jsdom has no HTML Sanitizer API: the fallback the extension loads in such browsers.
  (window as unknown as Record<string, unknown>)[FALLBACK_GLOBAL] = purifyToBody;
  return (html) => sanitizeSnapshot(window as unknown as Window, html);
}
