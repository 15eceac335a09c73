import { oneLineText, parseDate, queryAll } from '../reading';
import { cellText } from '../reading';

/** The page title without the portal's branding suffix ("Test Details - MyChart"). */
export function pageHeading(doc: Document): string {
  const h1 = oneLineText(doc.querySelector('h1')?.textContent ?? '');
  const title = doc.title.split(/\s+[|\u2013\u2014-]\s+/)[0]?.trim();
  return (h1 || title || 'Untitled page').slice(0, 300);
}

/** The main content of a page. */
export const mainOf = (doc: Document): Element =>
  doc.querySelector('main, [role="main"]') ?? doc.body ?? doc.documentElement;

/** The heading that names `el`: its caption, else the nearest heading before it (within `root`). */
export function headingBefore(el: Element, root: Element, selector = 'h1, h2, h3, h4'): string | undefined {
  const caption = el.querySelector(':scope > caption');
  if (caption) return cellText(caption);
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (prev.matches(selector)) return cellText(prev);
      const inner = queryAll(prev, selector).pop();
      if (inner) return cellText(inner);
    }
  }
  return undefined;
}

/** The largest ancestor of `el` (below `root`) that holds no other element matching `selector`. */
export function ownContainer(el: Element, root: Element, selector: string): Element {
  let best = el;
  for (let node = el.parentElement; node && node !== root; node = node.parentElement) {
    if (node.querySelectorAll(selector).length > 1) break;
    best = node;
  }
  return root.querySelectorAll(selector).length === 1 ? root : best;
}

export const dateOf = (text: string | undefined) => (text ? parseDate(text) : undefined);
