// Bundled by bench/clip-stages.ts and evaluated in the portal page: the capture's own code, stage by stage.
import { flattenPage } from '../lib/capture/flatten';
import { sanitizeToBody } from '../lib/sanitize/sanitize';
import { textOf } from '../lib/reading/text';
import { detectPortal } from '../lib/portals/registry';

export interface StageTimes {
  /** Composing the page and running the portal adapter (structured rows). */
  extract: number;
  /** Copying the record's element into an inert document. */
  clone: number;
  /** DOMPurify plus the fail-closed re-check (DESIGN.md: clipped HTML is sanitized with DOMPurify). */
  sanitize: number;
  /** Serialising the sanitized copy and reading its text. */
  serializeAndText: number;
}

function stages(): StageTimes {
  const url = new URL(location.href);
  let t = performance.now();
  const flat = flattenPage(document);
  const extracted = detectPortal(url, flat.doc).extract(flat.doc, url);
  const extract = performance.now() - t;
  const element = extracted[0]?.element ?? document.body;
  t = performance.now();
  const clone = document.implementation.createHTMLDocument('').importNode(element, true);
  const cloneMs = performance.now() - t;
  t = performance.now();
  const body = sanitizeToBody(window, clone);
  const sanitize = performance.now() - t;
  t = performance.now();
  const html = body.innerHTML;
  const text = textOf(body);
  const serializeAndText = performance.now() - t;
  if (html.length === 0 || text.length === 0) throw new Error('stage run produced nothing');
  return { extract, clone: cloneMs, sanitize, serializeAndText };
}

(globalThis as unknown as { slClipStages: typeof stages }).slClipStages = stages;
