import type { AttachmentCandidate, EmbeddedDocument } from '../attachments';
import type { EmbeddedNotCopied } from './embedded-records';
import type { FlatPage } from './flatten';
import type { ImageInliner } from './snapshot';
import { queryAll } from '../reading';

/**
 * The parts of the clip only some pages need: composing frames, shadow roots and canvases into a copy
 * (flatten.ts), finding the PDFs and images the page embeds (lib/attachments/embedded.ts,
 * embedded-records.ts), and what the page's images show (lib/attachments/displayed-image.ts,
 * snapshot-images.ts). capture.js reads pages without any of those with the plain parts below;
 * capture-frames.js brings the real ones into tabs whose page has them. Node callers register them once.
 */
export interface PageParts {
  embeddedIn: (doc: Document, pageUrl: URL, shadows: boolean, selection?: Range | null) => EmbeddedDocument[];
  flattenPage: (doc: Document, embedded?: ReadonlyMap<Element, number>, shadows?: boolean) => FlatPage;
  embeddedOwners: (embedded: EmbeddedDocument[], source: Document, live: Document, records: Element[]) => number[];
  assignEmbedded: (
    embedded: EmbeddedDocument[],
    owners: number[],
    kept: number[],
    attachments: AttachmentCandidate[][],
  ) => EmbeddedNotCopied[];
  /** The images under an element worth keeping with its record (lib/attachments/displayed-image.ts). */
  recordImages: (root: Element) => [address: string, label: string | null][];
  copyWithImages: (
    element: Element,
    pageUrl: URL,
    inlineImage: ImageInliner,
  ) => Promise<{ copy: Element; warnings: string[] }>;
  /** Same-origin images with the user's session, as data URLs: a clip's, unless its caller gives its own. */
  inlineImage: ImageInliner;
}

/** Elements shown as images (lib/attachments/displayed-image.ts reads only these). */
const IMAGES = 'img, [role="img"]';

const LOAD_MORE = /^\s*(show|load|view|see|display)\s+(more|all|older|additional)\b|\bmore results\b/i;

/**
 * Whether any element of the page hosts an open shadow root. No selector finds shadow hosts, so every
 * element is asked once, by index over one collection (a TreeWalker took ~0.3 s on a 50,000-row table).
 */
export function hasShadowRoots(doc: Document): boolean {
  const all = doc.getElementsByTagName('*');
  for (let i = 0, n = all.length; i < n; i++) if (all[i]!.shadowRoot) return true;
  return false;
}

/** True when the page has parts a plain `cloneNode` would miss or mis-read. */
export function needsFlattening(doc: Document, shadows: boolean = hasShadowRoots(doc)): boolean {
  return shadows || doc.querySelector('iframe, frame, canvas') !== null;
}

/** Buttons and links that load more rows, and regions still loading: content the clip may be missing. */
export function notLoadedHints(root: ParentNode): number {
  let hints = 0;
  for (const control of queryAll(root, 'button, a, [role="button"]')) {
    if (LOAD_MORE.test(control.textContent ?? '') || LOAD_MORE.test(control.getAttribute('aria-label') ?? '')) hints++;
  }
  hints += root.querySelectorAll('[aria-busy="true"], [role="progressbar"]').length;
  return hints;
}

/**
 * True when the page has frames, canvases, shadow roots, embeds, objects or images (`<img>`, `role="img"`):
 * the parts only some pages need. Exact for images: the image code runs only on those elements.
 */
export function hasOwnParts(doc: Document, shadows: boolean = hasShadowRoots(doc)): boolean {
  return !!doc.querySelector(`embed, object, ${IMAGES}`) || needsFlattening(doc, shadows);
}

const missing = (): never => {
  throw new PagePartsMissing();
};

/**
 * A page with none of those: nothing to compose, nothing embedded, no image; the same hints flattenPage
 * gives. The image parts are never reached on such a page; if they were, the parts are asked for.
 */
const PLAIN: PageParts = {
  embeddedIn: () => [],
  flattenPage: (doc) => ({ doc, warnings: notLoadedHints(doc) > 0 ? ['content-not-loaded'] : [] }),
  embeddedOwners: () => [],
  assignEmbedded: () => [],
  recordImages: (root) => (root.querySelector(IMAGES) ? missing() : []),
  copyWithImages: missing,
  inlineImage: missing,
};

let loaded: PageParts | undefined;

export function registerPageParts(parts: PageParts): void {
  loaded = parts;
}

/** Thrown for a page with frames, canvases, shadow roots, embedded documents or images before their parts are loaded. */
export class PagePartsMissing extends Error {
  constructor() {
    super('the page parts are not loaded');
  }
}

/** The parts to read `doc` with: the real ones once loaded, the plain ones for a page that needs none. */
export function partsFor(doc: Document, shadows: boolean = hasShadowRoots(doc)): PageParts {
  if (loaded) return loaded;
  if (hasOwnParts(doc, shadows)) throw new PagePartsMissing();
  return PLAIN;
}

/** The loaded parts, for a snapshot that shows images (the page has them, so they are loaded). */
export const pageParts = (): PageParts => loaded ?? PLAIN;

/** Where capture.js finds the parts once capture-frames.js is loaded, and what it lends them (frames kit). */
export const PAGE_PARTS_GLOBAL = 'secondLookPageParts';
