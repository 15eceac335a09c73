import { displayedImageSource, presentDisplayedImage } from '../attachments';
import { hasShadowRoots, needsFlattening, notLoadedHints } from './page-parts';

export { notLoadedHints };

/**
 * Capture reads what the user sees, including open shadow roots and same-origin frames, and
 * says which parts it could not read. Adapters work on plain documents, so those parts are copied into
 * a detached document first; the live page is never modified.
 */
export interface FlatPage {
  doc: Document;
  /** Warning codes for the clip status (`frames-unreadable:2`, `canvas-unreadable`, `content-not-loaded`). */
  warnings: string[];
}

const MAX_FRAME_DEPTH = 5;

interface Counters {
  frames: number;
  canvases: number;
  /** Embedded PDFs and images (lib/attachments/embedded.ts) by element: marked in the copy, reported there. */
  embedded: ReadonlyMap<Element, number>;
}

/** The attribute that marks where an embedded document sat, so it can be given to the record around it. */
export const EMBED_MARK = 'data-second-look-embed';

/** Children of a shadow host as rendered: the shadow tree, with each slot replaced by what is assigned to it. */
function composedChildren(host: Element, shadow: ShadowRoot, target: Document, counters: Counters): Node[] {
  const copies = Array.from(shadow.childNodes).map((n) => copyNode(n, target, counters));
  const holder = target.createElement('div');
  holder.append(...copies);
  const light = Array.from(host.childNodes);
  for (const slot of Array.from(holder.querySelectorAll('slot'))) {
    const name = slot.getAttribute('name');
    const assigned = light.filter((n) =>
      name
        ? n.nodeType === 1 && (n as Element).getAttribute('slot') === name
        : n.nodeType !== 1 || !(n as Element).hasAttribute('slot'),
    );
    const replacement =
      assigned.length > 0 ? assigned.map((n) => copyNode(n, target, counters)) : Array.from(slot.childNodes);
    slot.replaceWith(...replacement);
  }
  return Array.from(holder.childNodes);
}

function copyNode(node: Node, target: Document, counters: Counters, depth = 0): Node {
  if (node.nodeType !== 1) return target.importNode(node, false);
  const element = node as Element;
  const tag = element.localName;
  const embedded = counters.embedded.get(element);
  const mark = () => {
    const span = target.createElement('span');
    span.setAttribute(EMBED_MARK, String(embedded));
    return span;
  };
  if (embedded !== undefined && (tag === 'embed' || tag === 'object')) return mark();
  // A placeholder image (1x1, spacer) shows nothing: not copied, so not counted as an image lost.
  if (tag === 'img' && displayedImageSource(element) === null) return target.createComment(' placeholder image ');
  if (tag === 'iframe' || tag === 'frame') {
    let inner: Document | null = null;
    try {
      inner = (element as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (!inner?.body || depth >= MAX_FRAME_DEPTH) {
      // An embedded PDF or image is fetched or reported on its own (lib/attachments/embedded.ts).
      if (embedded !== undefined) return mark();
      counters.frames++;
      return target.createComment(' frame not readable ');
    }
    const section = target.createElement('div');
    section.setAttribute('data-second-look-frame', '');
    if (embedded !== undefined) section.setAttribute(EMBED_MARK, String(embedded));
    section.append(...Array.from(inner.body.childNodes).map((n) => copyNode(n, target, counters, depth + 1)));
    return section;
  }
  if (tag === 'canvas') {
    const img = target.createElement('img');
    try {
      img.setAttribute('src', (element as HTMLCanvasElement).toDataURL('image/png'));
    } catch {
      counters.canvases++;
      return target.createComment(' canvas not readable ');
    }
    return img;
  }
  const copy = target.importNode(element, false);
  const shadow = element.shadowRoot;
  const children = shadow
    ? composedChildren(element, shadow, target, counters)
    : Array.from(element.childNodes).map((n) => copyNode(n, target, counters, depth));
  copy.append(...children);
  // The copy has no browsing context: record now what each image shows (currentSrc, lazy loading, backgrounds).
  if (tag === 'img' || element.getAttribute('role') === 'img') presentDisplayedImage(element, copy);
  return copy;
}

/** A detached, composed copy of the page (or the page itself when nothing needs composing). */
export function flattenPage(
  doc: Document,
  embedded: ReadonlyMap<Element, number> = new Map(),
  shadows: boolean = hasShadowRoots(doc),
): FlatPage {
  const warnings: string[] = [];
  let result = doc;
  if (needsFlattening(doc, shadows)) {
    const counters: Counters = { frames: 0, canvases: 0, embedded };
    const copy = doc.implementation.createHTMLDocument(doc.title);
    const root = copyNode(doc.documentElement, copy, counters);
    copy.removeChild(copy.documentElement);
    copy.appendChild(root);
    if (counters.frames > 0) warnings.push(`frames-unreadable:${counters.frames}`);
    if (counters.canvases > 0) warnings.push('canvas-unreadable');
    result = copy;
  }
  if (notLoadedHints(result) > 0) warnings.push('content-not-loaded');
  return { doc: result, warnings };
}
