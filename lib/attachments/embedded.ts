/**
 * Documents a page shows inside itself: a PDF or an image in an `iframe`, `frame`, `embed` or `object`,
 * by address, by a `blob:` URL the page's script made, or by a `data:` URL. Document viewers of patient
 * portals show reports this way; the clip must keep the file, or say that it could not.
 */
import type { AttachmentCandidate } from './links';

/** Why an embedded document was not copied; the panel explains each. */
export type EmbeddedProblemReason = 'cross-origin' | 'unsupported-address';

export interface EmbeddedDocument {
  /** The embedding element in the live page (used to place the document with its record). */
  element: Element;
  /** A file to fetch with the session, or why it cannot be. */
  outcome: { fetch: AttachmentCandidate } | { problem: EmbeddedProblemReason; name: string };
}

const EMBEDDING = 'iframe, frame, embed, object';
const DOCUMENT_EXTENSION = /\.(pdf|png|jpe?g|gif|webp|tiff?)$/i;
const DOCUMENT_TYPE = /^(application\/pdf|image\/)/i;
const HTML_TYPE = /^(text\/html|application\/xhtml\+xml|text\/xml|application\/xml|text\/plain)$/i;
const MAX_FRAME_DEPTH = 5;

function lastSegment(url: URL): string {
  try {
    return decodeURIComponent(url.pathname.split('/').pop() ?? '').trim();
  } catch {
    return '';
  }
}

/** A name for the user: the element's title or label, else the address's last segment, else a word for it. */
function nameFor(element: Element, url: URL | undefined): string {
  const labelled = (element.getAttribute('title') ?? element.getAttribute('aria-label') ?? '').trim();
  const fromPath = url && /^https?:$/.test(url.protocol) ? lastSegment(url) : '';
  const raw = DOCUMENT_EXTENSION.test(fromPath) ? fromPath : labelled || fromPath || 'embedded document';
  return (
    raw
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200) || 'embedded document'
  );
}

/** The frame's readable document, or null when the browser hides it (another origin, a PDF viewer). */
function frameDocument(element: Element): Document | null {
  try {
    return (element as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** The address the element shows: the frame's current document when readable, else its attribute. */
function shownAddress(element: Element, inner: Document | null): string {
  const tag = element.localName;
  if (inner && inner.URL && inner.URL !== 'about:blank') return inner.URL;
  if (tag === 'object') return element.getAttribute('data') ?? '';
  return element.getAttribute('src') ?? '';
}

function resolve(raw: string, base: string): URL | undefined {
  if (!raw.trim()) return undefined;
  try {
    return new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
}

/** Whether the embedding says it holds a PDF or an image (its `type`, or the address's extension). */
function claimsDocument(element: Element, url: URL): boolean {
  return DOCUMENT_TYPE.test(element.getAttribute('type') ?? '') || DOCUMENT_EXTENSION.test(url.pathname);
}

/**
 * Same origin as the page, a `blob:` URL made by a document of that origin, or a `data:` URL: the only
 * addresses fetched, because the fetch carries the user's portal session, which never goes elsewhere.
 */
function fetchableFrom(url: URL, pageOrigin: string): boolean {
  if (url.protocol === 'data:') return true;
  if (url.protocol === 'blob:') return url.origin === pageOrigin;
  return /^https?:$/.test(url.protocol) && url.origin === pageOrigin;
}

function classify(element: Element, page: Document, pageUrl: URL): EmbeddedDocument | null {
  const inner = element.localName === 'embed' ? null : frameDocument(element);
  // Addresses in the page resolve against the page's address (as links do); inside a frame, against the frame's.
  const base = element.ownerDocument === page ? pageUrl.href : element.ownerDocument.baseURI || pageUrl.href;
  const url = resolve(shownAddress(element, inner), base);
  if (!url || url.protocol === 'about:' || url.protocol === 'javascript:') return null;
  // A readable HTML document is composed into the clip like the rest of the page (lib/capture/flatten.ts),
  // unless the element said it would show a PDF: then the answer is checked and reported.
  const loaded = inner && inner.URL !== 'about:blank' ? inner.contentType : undefined;
  if (loaded && HTML_TYPE.test(loaded) && !claimsDocument(element, url)) return null;
  const isFrame = element.localName === 'iframe' || element.localName === 'frame';
  // An unreadable frame that does not say it holds a document may be any page (an imaging viewer, a
  // video): it is reported with the page's other unreadable frames, not here.
  const documentLike =
    (loaded !== undefined && DOCUMENT_TYPE.test(loaded)) ||
    !isFrame ||
    claimsDocument(element, url) ||
    url.protocol === 'blob:' ||
    url.protocol === 'data:';
  if (!documentLike) return null;
  const name = nameFor(element, url);
  if (!fetchableFrom(url, pageUrl.origin)) {
    const problem = /^(https?|blob):$/.test(url.protocol) ? 'cross-origin' : 'unsupported-address';
    return { element, outcome: { problem, name } };
  }
  if (url.protocol !== 'blob:' && url.protocol !== 'data:') url.hash = '';
  return { element, outcome: { fetch: { url: url.href, name, source: 'embedded', expectFile: true } } };
}

/**
 * Every embedded PDF or image in the page, its same-origin frames and open shadow roots, in document
 * order. Elements whose document is an ordinary page are left out.
 */
export function findEmbeddedDocuments(doc: Document, pageUrl: URL): EmbeddedDocument[] {
  const found: EmbeddedDocument[] = [];
  const objects = new Set<Element>();
  const visit = (root: ParentNode, depth: number) => {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root as Node, 1 /* SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node as Element;
      if (element.shadowRoot) visit(element.shadowRoot, depth);
      if (!element.matches(EMBEDDING)) continue;
      // Fallback content inside a kept <object> (often an <embed> of the same file) is not shown.
      const outer = element.parentElement?.closest('object');
      if (outer && objects.has(outer)) continue;
      const entry = classify(element, doc, pageUrl);
      if (entry) found.push(entry);
      if (entry && element.localName === 'object') objects.add(element);
      const inner = element.localName === 'iframe' || element.localName === 'frame' ? frameDocument(element) : null;
      if (!entry && inner?.body && depth < MAX_FRAME_DEPTH) visit(inner.body, depth + 1);
    }
  };
  if (doc.body) visit(doc.body, 0);
  return found;
}
