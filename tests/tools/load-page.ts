import { JSDOM } from 'jsdom';

/** Saved pages are decoded as the product decodes them (byte order mark, then the declared charset). */
export { decodePage } from '../../lib/import/saved-page';

/**
 * A parsed, inert page (no scripts, no network), for running adapters in Node. jsdom, not happy-dom:
 * it parses a 50,000-row results page about 3x faster and in linear time (npm run bench, section 6).
 * jsdom runs no scripts and loads no resources unless asked to.
 */
export function parsePage(html: string): Document {
  return new JSDOM(html).window.document;
}
