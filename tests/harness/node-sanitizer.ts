import { JSDOM } from 'jsdom';
import { sanitizeSnapshot } from '../../lib/sanitize/sanitize';

/**
 * The clip sanitizer (lib/sanitize) for code that imports packages in Node: DOMPurify on a jsdom
 * window, the DOM it is tested on (it does not sanitize under happy-dom).
 */
export function nodeSanitizer(): (html: string) => string {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  return (html) => sanitizeSnapshot(window as unknown as Window, html);
}
