import DOMPurify, { type Config } from 'dompurify';

/** Elements that run code, submit data, load remote content or embed other documents. */
const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'audio',
  'video',
  'source',
  'track',
  'noscript',
  'template',
  'dialog',
  'portal',
  'slot',
  'math',
];
const FORBID_TAGS_SELECTOR = FORBID_TAGS.join(',');
const FORBID_ATTR = ['srcset', 'action', 'formaction', 'ping', 'background', 'poster', 'xlink:href', 'lowsrc'];

const SCRIPT_URL = /^\s*(javascript|vbscript):/i;

/** CSS that can fetch, run or hide content. */
const UNSAFE_STYLE = /url\s*\(|expression\s*\(|@import|image-set|-moz-binding|behavior\s*:|\\/i;

const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  ALLOWED_URI_REGEXP: /^(?:data:image\/(?:png|jpeg|gif|webp|bmp);base64,|#)/i,
};

/**
 * Snapshot markup safe to store and to open offline: no scripts, handlers, forms or remote references.
 * Runs where the page's DOM is (the capture script), never in an extension page (DESIGN.md: CSP reports
 * for inline handlers make that very slow).
 */
export function sanitizeSnapshot(win: Window, markup: string | Node): string {
  return sanitizeToBody(win, markup).innerHTML;
}

/** The sanitized content as an inert `<body>` element, for reading its text without parsing twice. */
export function sanitizeToBody(win: Window, markup: string | Node): HTMLElement {
  const purify = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'style' && UNSAFE_STYLE.test(data.attrValue)) data.keepAttr = false;
    if (data.attrName === 'href' && !data.attrValue.startsWith('#')) data.keepAttr = false;
    if (data.attrName === 'id' || data.attrName === 'name') data.keepAttr = /^[\w-]{1,64}$/.test(data.attrValue);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    // SVG <image>/<use> and <img> must end with an inline source or none at all.
    for (const attr of ['src', 'href']) {
      const value = node.getAttribute?.(attr);
      if (value && !/^(?:data:image\/|#)/i.test(value)) node.removeAttribute(attr);
    }
  });
  const body = purify.sanitize(markup, { ...CONFIG, RETURN_DOM: true }) as unknown as HTMLElement;
  assertInert(body);
  return body;
}

export class SanitizerFailedError extends Error {
  constructor(what: string) {
    super(`sanitizer left ${what}`);
    this.name = 'SanitizerFailedError';
  }
}

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
