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

/**
 * The window's configured Sanitizer and whether it passed its probe, kept on the window itself: the
 * capture script runs anew for every clip in the same isolated world (never the page's), and both are
 * the same for every clip of that page.
 */
interface NativeState {
  sanitizer?: object;
  probed?: boolean;
}
const NATIVE_STATE = '__secondLookNativeSanitizer';
const stateOf = (win: Window): NativeState => {
  const holder = win as unknown as Record<string, NativeState | undefined>;
  return (holder[NATIVE_STATE] ??= {});
};

function nativeSanitizer(win: Window): object {
  const state = stateOf(win);
  let sanitizer = state.sanitizer;
  if (!sanitizer) {
    const svg = 'http://www.w3.org/2000/svg';
    sanitizer = new (win as unknown as SanitizerApi).Sanitizer({
      // The document's own html, head and body must be named too, or the sanitizer removes them.
      elements: [...HTML_ELEMENTS, 'html', 'head', 'body', ...SVG_ELEMENTS.map((name) => ({ name, namespace: svg }))],
      attributes: ATTRIBUTES,
      comments: false,
      dataAttributes: false,
    });
    state.sanitizer = sanitizer;
  }
  return sanitizer;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
/**
 * Elements the allow-list names, as a type selector would match them: HTML elements by their name in
 * any case, others (SVG) exactly.
 */
const ALLOWED_NAMES = [...HTML_ELEMENTS, ...SVG_ELEMENTS, 'html', 'head', 'body'];
const ALLOWED_EXACT = new Set(ALLOWED_NAMES);
const ALLOWED_ANY_CASE = new Set(ALLOWED_NAMES.map((name) => name.toLowerCase()));
const isAllowed = (element: Element) => {
  const name = element.localName;
  return ALLOWED_EXACT.has(name) || (element.namespaceURI === HTML_NS && ALLOWED_ANY_CASE.has(name.toLowerCase()));
};
const REMOVED_WITH_CONTENT = new Set(FORBID_TAGS.filter((tag) => !KEEP_CONTENT_OF.includes(tag)));

/**
 * The allow-list removes an element it does not name together with its content; a portal's own
 * elements (`<va-card>`, an ASP.NET `<form>` around the whole page) hold what the patient sees, so they
 * are unwrapped first. One pass over the elements with a set lookup each: a selector naming the ~100
 * allowed elements cost ~0.45 s on a 50,000-row table.
 */
function unknownElements(root: Element | Document | DocumentFragment): Element[] {
  const all = (root as Element).getElementsByTagName
    ? (root as Element).getElementsByTagName('*')
    : (root as DocumentFragment).querySelectorAll('*');
  const unknown: Element[] = [];
  for (let i = 0, n = all.length; i < n; i++) {
    const element = all[i]!;
    if (!isAllowed(element)) unknown.push(element);
  }
  return unknown;
}

function unwrapUnknown(root: Element | Document | DocumentFragment, unknown = unknownElements(root)): void {
  for (const element of unknown) {
    if (!REMOVED_WITH_CONTENT.has(element.localName) && element.namespaceURI !== MATHML_NS)
      element.replaceWith(...Array.from(element.childNodes));
  }
}

function nativeToBody(win: Window, markup: string | Node, unknown?: Element[]): HTMLElement {
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
    unwrapUnknown(markup as Element, unknown);
    // A root the allow-list does not name would take its content with it: keep only what it holds.
    const allowedRoot = markup.nodeType === 1 && isAllowed(markup as Element);
    html = allowedRoot ? (markup as Element).outerHTML : (markup as Element).innerHTML;
  }
  const doc = (win as unknown as SanitizerApi).Document.parseHTML(html, { sanitizer: nativeSanitizer(win) });
  applyAttributePolicy(doc.body);
  return doc.body;
}

/**
 * `element` sanitized without changing it: its markup is read as it is when it holds nothing to unwrap
 * (no copy of a 50,000-row table made just to be serialized), else a copy is unwrapped first.
 */
export function sanitizeElementToBody(win: Window, element: Element): SanitizedBody {
  const unknown = hasNativeSanitizer(win) ? unknownElements(element) : undefined;
  return unknown?.length === 0 ? sanitizeToBody(win, element, unknown) : sanitizeToBody(win, inertCopy(element));
}

/** A copy in a document without a browsing context (nothing in it loads). */
export const inertCopy = (element: Element): Element =>
  element.ownerDocument.implementation.createHTMLDocument('').importNode(element, true);

export interface SanitizedBody {
  body: HTMLElement;
  sanitizer: 'native' | 'fallback';
}

/**
 * Snapshot markup safe to store and to open offline: no scripts, handlers, forms or remote references.
 * The browser's Sanitizer API with a strict allow-list where it exists, else the DOMPurify fallback
 * (which must have been loaded: SanitizerUnavailableError otherwise); either way a fail-closed check
 * runs after it (the native sanitizer's once per window, `assertNativeSanitizerHolds`; the fallback's
 * on every result, `assertInert`). `markup` given as a node may be changed: pass a copy (or, natively, its
 * `unknownElements` when there are none: it is then only read).
 */
export function sanitizeToBody(win: Window, markup: string | Node, unknown?: Element[]): SanitizedBody {
  if (hasNativeSanitizer(win)) {
    assertNativeSanitizerHolds(win);
    const body = nativeToBody(win, markup, unknown);
    assertNoForbiddenElement(body);
    return { body, sanitizer: 'native' };
  }
  const fallback = fallbackFor(win);
  if (!fallback) throw new SanitizerUnavailableError();
  const body = fallback(win, markup);
  assertInert(body);
  return { body, sanitizer: 'fallback' };
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
  assertNoForbiddenElement(body);
  // Walked without copying node lists, and the regexes run only on attributes that could match:
  // this check ran ~0.9 s on a 50,000-row table when every attribute went through both.
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

/**
 * Markup with every kind of active content the allow-list and our attribute rules must remove: handlers
 * on allowed elements (any case), script addresses in every attribute that can hold one, and elements
 * that run, load or submit. Sanitized once per window before the first real snapshot.
 */
const PROBE =
  '<p onclick=x ONMOUSEOVER=x data-x=javascript:x style=background:url(https://x)>p</p>' +
  '<a href=javascript:x ping=https://x>a</a><a href=" JavaScript:x">b</a>' +
  '<img src=javascript:x onerror=x srcset="https://x/i.png 1x"><img src=https://x/i.png>' +
  '<svg onload=x><a xlink:href=javascript:x><text>t</text></a><script>x</script>' +
  '<animate attributeName=href to="javascript:x"/><foreignObject><iframe src=https://x></iframe></foreignObject></svg>' +
  '<form action=https://x><input value=v onfocus=x autofocus><button formaction=https://x>b</button></form>' +
  '<div name="a b">d</div><table background=https://x/i.png><tr><td>c</td></tr></table>' +
  '<math><mtext><style>*{}</style></mtext></math><template><script>x</script></template><noscript><p>n</p></noscript>' +
  '<object data=https://x></object><embed src=https://x><video poster=https://x></video>' +
  '<base href=https://x><link rel=stylesheet href=https://x><meta http-equiv=refresh content=0>' +
  '<va-card onclick=x><span onclick=x>kept</span></va-card>';

/**
 * Fails closed for the browser's own sanitizer without walking every attribute of every snapshot: once
 * per window, the probe above goes through the same path as a snapshot and must come out inert (the
 * full attribute walk of `assertInert`, on the probe's few elements) with its text kept. The allow-list
 * and the sanitizer are the same for every snapshot of that window, so what holds for the probe holds
 * for them (our attribute rules, `applyAttributePolicy`, are checked on the probe too); each snapshot
 * is still checked for forbidden elements by one selector. The full walk over a 50,000-row table cost
 * ~1.2 s.
 */
function assertNativeSanitizerHolds(win: Window): void {
  const state = stateOf(win);
  const known = state.probed;
  if (known === true) return;
  if (known === false) throw new SanitizerFailedError('active content in its probe');
  try {
    const body = nativeToBody(win, PROBE);
    assertInert(body);
    assertPolicyApplied(body);
    if (!body.textContent?.includes('kept') || body.querySelector('[name]'))
      throw new SanitizerFailedError('its probe not as configured');
  } catch (error) {
    state.probed = false;
    throw error instanceof SanitizerFailedError ? error : new SanitizerFailedError('its probe unreadable');
  }
  state.probed = true;
}

/** Addresses a snapshot may keep: in-page links and inline images only (lib/sanitize/policy.ts). */
const UNCLEARED =
  '[href]:not([href^="#"]),[src]:not([src^="data:image/" i]):not([src^="#"]),[xlink\\:href],[srcset],[style*="url(" i]';

/** Per snapshot, by one native selector: no forbidden element. */
function assertNoForbiddenElement(body: HTMLElement): void {
  const active = body.querySelector(FORBID_TAGS_SELECTOR);
  if (active) throw new SanitizerFailedError(`<${active.tagName.toLowerCase()}>`);
}

/** The probe, besides: no address our attribute rules should have cleared. */
function assertPolicyApplied(body: HTMLElement): void {
  assertNoForbiddenElement(body);
  const address = body.querySelector(UNCLEARED);
  if (address) throw new SanitizerFailedError(`an address on <${address.tagName.toLowerCase()}>`);
}
