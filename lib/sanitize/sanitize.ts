import {
  ATTRIBUTES,
  applyAttributePolicy,
  FORBID_TAGS,
  FORBID_TAGS_SELECTOR,
  HTML_ELEMENTS,
  KEEP_CONTENT_OF,
  SVG_ELEMENTS,
} from './policy';

/** Sanitizes into an inert `<body>` where the browser has no Sanitizer API (lib/sanitize/purify.ts). */
export type FallbackSanitizer = (win: Window, markup: string | Node) => HTMLElement;

/** Where the fallback is found once loaded: a property of the window it was loaded into (purify.js sets it). */
export const FALLBACK_GLOBAL = 'secondLookPurify';

export class SanitizerUnavailableError extends Error {
  constructor() {
    super('no HTML sanitizer: the browser has no Sanitizer API and the fallback is not loaded');
    this.name = 'SanitizerUnavailableError';
  }
}

interface SanitizerApi {
  Sanitizer: new (config: object) => object;
  Document: { parseHTML: (html: string, options: { sanitizer: object }) => Document };
}

/** The browser's own HTML Sanitizer API (Document.parseHTML with a Sanitizer), when `win` has it. */
export function hasNativeSanitizer(win: Window): boolean {
  const api = win as unknown as Partial<SanitizerApi>;
  return typeof api.Sanitizer === 'function' && typeof api.Document?.parseHTML === 'function';
}

let registeredFallback: FallbackSanitizer | undefined;
/** Installs the fallback for every window of this context (Node, where no window carries it). */
export function registerFallbackSanitizer(fallback: FallbackSanitizer | undefined): void {
  registeredFallback = fallback;
}

function fallbackFor(win: Window): FallbackSanitizer | undefined {
  return (win as unknown as Record<string, FallbackSanitizer | undefined>)[FALLBACK_GLOBAL] ?? registeredFallback;
}

/** Whether `win` can sanitize now: natively, or with the fallback already loaded. */
export function canSanitize(win: Window): boolean {
  return hasNativeSanitizer(win) || fallbackFor(win) !== undefined;
}

const sanitizers = new WeakMap<Window, object>();
function nativeSanitizer(win: Window): object {
  let sanitizer = sanitizers.get(win);
  if (!sanitizer) {
    const svg = 'http://www.w3.org/2000/svg';
    sanitizer = new (win as unknown as SanitizerApi).Sanitizer({
      // The document's own html, head and body must be named too, or the sanitizer removes them.
      elements: [...HTML_ELEMENTS, 'html', 'head', 'body', ...SVG_ELEMENTS.map((name) => ({ name, namespace: svg }))],
      attributes: ATTRIBUTES,
      comments: false,
      dataAttributes: false,
    });
    sanitizers.set(win, sanitizer);
  }
  return sanitizer;
}

/** Elements the allow-list does not name, unwrapped (their content kept) unless removed with their content. */
const ALLOWED_SELECTOR = `:not(${[...HTML_ELEMENTS, ...SVG_ELEMENTS, 'html', 'head', 'body'].join(',')})`;
const REMOVED_WITH_CONTENT = new Set(FORBID_TAGS.filter((tag) => !KEEP_CONTENT_OF.includes(tag)));

/**
 * The allow-list removes an element it does not name together with its content; a portal's own
 * elements (`<va-card>`, an ASP.NET `<form>` around the whole page) hold what the patient sees, so they
 * are unwrapped first. Found by one native selector: only those elements are visited.
 */
function unwrapUnknown(root: ParentNode): void {
  for (const element of Array.from(root.querySelectorAll(ALLOWED_SELECTOR))) {
    if (!REMOVED_WITH_CONTENT.has(element.localName) && element.namespaceURI !== 'http://www.w3.org/1998/Math/MathML')
      element.replaceWith(...Array.from(element.childNodes));
  }
}

function nativeToBody(win: Window, markup: string | Node): HTMLElement {
  let html: string;
  if (typeof markup === 'string') {
    // An inert parse (no browsing context: nothing loads, nothing runs) just to unwrap unknown elements.
    const parsed = new (win as unknown as { DOMParser: typeof DOMParser }).DOMParser().parseFromString(
      markup,
      'text/html',
    );
    unwrapUnknown(parsed.body);
    html = parsed.body.innerHTML;
  } else {
    unwrapUnknown(markup as ParentNode);
    // A root the allow-list does not name would take its content with it: keep only what it holds.
    const allowedRoot = markup.nodeType === 1 && !(markup as Element).matches(ALLOWED_SELECTOR);
    html = allowedRoot ? (markup as Element).outerHTML : (markup as Element).innerHTML;
  }
  const doc = (win as unknown as SanitizerApi).Document.parseHTML(html, { sanitizer: nativeSanitizer(win) });
  applyAttributePolicy(doc.body);
  return doc.body;
}

export interface SanitizedBody {
  body: HTMLElement;
  sanitizer: 'native' | 'fallback';
}

/**
 * Snapshot markup safe to store and to open offline: no scripts, handlers, forms or remote references.
 * The browser's Sanitizer API with a strict allow-list where it exists, else the DOMPurify fallback
 * (which must have been loaded: SanitizerUnavailableError otherwise); either way the fail-closed check
 * runs after it. `markup` given as a node may be changed: pass a copy.
 */
export function sanitizeToBody(win: Window, markup: string | Node): SanitizedBody {
  let sanitized: SanitizedBody;
  if (hasNativeSanitizer(win)) sanitized = { body: nativeToBody(win, markup), sanitizer: 'native' };
  else {
    const fallback = fallbackFor(win);
    if (!fallback) throw new SanitizerUnavailableError();
    sanitized = { body: fallback(win, markup), sanitizer: 'fallback' };
  }
  assertInert(sanitized.body);
  return sanitized;
}

/** The sanitized markup as a string (record pages of an export or import). */
export function sanitizeSnapshot(win: Window, markup: string | Node): string {
  return sanitizeToBody(win, markup).body.innerHTML;
}

export class SanitizerFailedError extends Error {
  constructor(what: string) {
    super(`sanitizer left ${what}`);
    this.name = 'SanitizerFailedError';
  }
}

const SCRIPT_URL = /^\s*(javascript|vbscript):/i;

/** Attributes that only ever hold human-readable text: "javascript:" there is words, not a link. */
const TEXT_ATTRS = new Set([
  'title',
  'alt',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'summary',
  'abbr',
  'label',
]);

/**
 * Fails closed: if the DOM implementation let something active through (DOMPurify silently does
 * nothing under some non-browser DOMs), refuse rather than store or export it.
 */
export function assertInert(body: HTMLElement): void {
  const active = body.querySelector(FORBID_TAGS_SELECTOR);
  if (active) throw new SanitizerFailedError(`<${active.tagName.toLowerCase()}>`);
  // Walked without copying node lists, and the regexes run only on attributes that could match:
  // this check ran ~0.9 s on a 50,000-row table when every attribute went through both (issue 7).
  const elements = body.getElementsByTagName('*');
  for (let e = 0; e < elements.length; e++) {
    const attributes = elements[e]!.attributes;
    for (let a = 0; a < attributes.length; a++) {
      const { name, value } = attributes[a]!;
      const first = name.charCodeAt(0) | 0x20; // lower-cased
      if (first === 0x6f /* o */ && /^on/i.test(name)) throw new SanitizerFailedError(name);
      if (value.includes(':') && SCRIPT_URL.test(value) && !TEXT_ATTRS.has(name.toLowerCase()))
        throw new SanitizerFailedError(name);
    }
  }
}
