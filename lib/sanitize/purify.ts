import DOMPurify, { type Config } from 'dompurify';
import { applyAttributePolicy, FORBID_ATTR, FORBID_TAGS, SAFE_SOURCE } from './policy';

/**
 * The fallback sanitizer, for a browser without the HTML Sanitizer API (and for Node, where jsdom has
 * none): DOMPurify with the same policy. The extension ships it as its own file (purify.js), loaded only
 * where the API is missing; it is not part of capture.js or the panel.
 */
const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  ALLOWED_URI_REGEXP: SAFE_SOURCE,
};

/** Sanitizes `markup` into an inert `<body>`; the caller runs the fail-closed check. */
export function purifyToBody(win: Window, markup: string | Node): HTMLElement {
  const purify = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  const body = purify.sanitize(markup, { ...CONFIG, RETURN_DOM: true }) as unknown as HTMLElement;
  applyAttributePolicy(body);
  return body;
}
