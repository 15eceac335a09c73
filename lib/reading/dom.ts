import type { ReportSection } from '../core/model';
import { breaksLine, holdsNoText, queryAll, textOf } from './text';

const WHITESPACE = /[\u00a0\s]+/g;
/** Where `WHITESPACE` would change anything: white space other than one plain space. */
const UNTIDY_SPACE = /[^\S ]| {2}/;
/** `text` with each run of white space as one space, trimmed; most cells need only the trim. */
export const oneLineText = (text: string): string =>
  UNTIDY_SPACE.test(text) ? text.replace(WHITESPACE, ' ').trim() : text.trim();

/**
 * Text of an element on one line (cells, labels, values): exactly `textOf` with every line break and
 * tab turned into one space, built directly because `textOf`'s line handling is wasted here and a
 * 50,000-row table reads ~300,000 cells (npm run bench, clip section).
 */
export const cellText = (el: Element | null | undefined): string => {
  if (!el || holdsNoText(el.tagName)) return '';
  const only = el.firstChild;
  // Most cells hold a single text node.
  if (only && only === el.lastChild && only.nodeType === 3) return oneLineText(only.nodeValue ?? '');
  const out: string[] = [];
  const walk = (node: Node): void => {
    let firstCell = true;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out.push(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName;
      if (holdsNoText(tag)) continue;
      // Where textOf starts a line (blocks, rows, <br>) or puts a tab (between cells): a space.
      const cell = tag === 'TD' || tag === 'TH';
      const separated = breaksLine(tag) || tag === 'BR' || (cell && !firstCell);
      if (cell) firstCell = false;
      if (separated) out.push(' ');
      walk(child);
      if (separated) out.push(' ');
    }
  };
  walk(el);
  return out.join('').replace(WHITESPACE, ' ').trim();
};

const HEADING = /^H[1-6]$/;

const inertDocuments = new WeakMap<Document, Document>();

/**
 * A document without a browsing context, one per page, to hold copies of parts of it: a copy made in
 * the live page would load its images again (and outside the page's own CSP).
 */
export function inertDocumentFor(doc: Document): Document {
  let inert = inertDocuments.get(doc);
  if (!inert) inertDocuments.set(doc, (inert = doc.implementation.createHTMLDocument('')));
  return inert;
}

/** Label/value pairs such as `<span class="InfoLabel">Collected</span><span>10/28/2026</span>`, `dt/dd`, `th/td`. */
export function labelValues(root: ParentNode): Map<string, string> {
  const pairs = new Map<string, string>();
  const add = (label: string, value: string) => {
    const key = label.replace(/:$/, '').trim().toLowerCase();
    if (key && value && !pairs.has(key)) pairs.set(key, value);
  };
  for (const dt of queryAll(root, 'dt')) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') add(cellText(dt), cellText(dd));
  }
  for (const tr of queryAll(root, 'tr')) {
    // Checked without copying the cells: result tables have thousands of rows and none of them match.
    const th = tr.firstElementChild;
    const td = th?.nextElementSibling;
    if (th?.tagName === 'TH' && td?.tagName === 'TD' && !td.nextElementSibling) add(cellText(th), cellText(td));
  }
  for (const label of queryAll(root, '.InfoLabel, .label, .field-label, [class$="Label"]')) {
    const value = label.nextElementSibling;
    if (value) add(cellText(label), cellText(value));
    else if (label.parentElement)
      add(cellText(label), cellText(label.parentElement).slice(cellText(label).length).trim());
  }
  return pairs;
}

/** The first value whose label matches. */
export function pick(pairs: Map<string, string>, label: RegExp): string | undefined {
  for (const [key, value] of pairs) if (label.test(key)) return value;
  return undefined;
}

/**
 * Sections under headings (`h2`..`h6`, or a bold paragraph such as `<p><b>FINDINGS:</b></p>`), each with
 * the text of the siblings that follow it. Text is kept verbatim: doctors read the original words.
 */
export function sectionsByHeadings(root: Element): ReportSection[] {
  const sections: ReportSection[] = [];
  const headings = queryAll(root, 'h2, h3, h4, h5, h6, p > b:only-child, p > strong:only-child')
    .map((h) => (HEADING.test(h.tagName) ? h : h.parentElement!))
    .filter((h) => !h.closest('table'));
  const isHeading = new Set<Element>(headings);
  for (const heading of headings) {
    const parts: string[] = [];
    for (let next = heading.nextElementSibling; next && !isHeading.has(next); next = next.nextElementSibling) {
      if (next.querySelector('h2, h3, h4') && queryAll(next, '*').some((e) => isHeading.has(e))) break;
      const text = textOf(next);
      if (text) parts.push(text);
    }
    sections.push({ heading: cellText(heading).replace(/:$/, ''), text: parts.join('\n') });
  }
  return sections.filter((s) => s.heading !== '');
}

const TEXT_HEADING = /^([A-Z][A-Z0-9 ,/&()'-]{2,60}):\s*(.*)$/;

/** Sections of a preformatted report: lines such as `IMPRESSION: ...` start a section. */
export function sectionsFromText(text: string): ReportSection[] {
  const sections: ReportSection[] = [];
  let current: ReportSection | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const match = TEXT_HEADING.exec(line.trim());
    if (match) {
      current = { heading: match[1]!.trim(), text: match[2]!.trim() };
      sections.push(current);
    } else if (current) {
      current.text = current.text ? `${current.text}\n${line.trimEnd()}` : line.trim();
    } else if (line.trim()) {
      current = { heading: '', text: line.trimEnd() };
      sections.push(current);
    }
  }
  return sections.map((s) => ({ heading: s.heading, text: s.text.trim() }));
}

/** The element's text as paragraphs (one per block). */
export const paragraphsOf = (root: Element): string[] =>
  textOf(root)
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
