/**
 * XML is parsed by the platform's own parser, passed in. File import runs in the side panel
 * (Chrome) or sidebar (Firefox), both pages with `DOMParser`; Node passes jsdom's, which keeps namespaces
 * (happy-dom's XML mode does not). The MV3 service worker has no `DOMParser` and never imports files.
 */

export class XmlRefused extends Error {
  override name = 'XmlRefused';
  /** Refused for safety or size (`unsafe`), or because the text is not XML at all (`malformed`). */
  constructor(
    message: string,
    readonly reason: 'unsafe' | 'malformed' = 'unsafe',
  ) {
    super(message);
  }
}

/** The minimal node shape we read; browser and jsdom DOM nodes fit it. */
export interface XNode {
  nodeType: number;
  nodeValue: string | null;
  localName?: string | null;
  childNodes: ArrayLike<XNode>;
  getAttribute?(name: string): string | null;
}
export type XElement = XNode & { localName: string; getAttribute(name: string): string | null };

/** What we read of a parsed document: its root, and whether the parser reported an error. */
export interface XmlDocument {
  documentElement: XElement | null;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<{ textContent: string | null }>;
}

/** `(xml) => new DOMParser().parseFromString(xml, 'application/xml')`, from whichever DOM the caller has. */
export type XmlParser = (xml: string) => XmlDocument;

export const MAX_XML_CHARS = 64 * 1024 * 1024;

/** Prefixes HL7 examples and some exporters use without declaring them (a bare `<section>` with `xsi:type`). */
const KNOWN_PREFIXES: Record<string, string> = {
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  sdtc: 'urn:hl7-org:sdtc',
};

function declarePrefixes(xml: string): string {
  const missing = Object.entries(KNOWN_PREFIXES).filter(
    ([p]) => new RegExp(`[\\s<]${p}:`).test(xml) && !xml.includes(`xmlns:${p}=`),
  );
  if (missing.length === 0) return xml;
  const decl = missing.map(([p, ns]) => ` xmlns:${p}="${ns}"`).join('');
  // Into the root start tag: the first `<name` that is not a declaration, comment or processing instruction.
  return xml.replace(/<([A-Za-z_][\w.:-]*)/, (m) => m + decl);
}

/**
 * Browsers report a parse error in the document instead of throwing: Chrome inserts an XHTML
 * `<parsererror>` into what it parsed, Firefox (and jsdom) return a document whose root is a
 * `<parsererror>` in the Mozilla namespace. Neither namespace occurs in C-CDA.
 */
const PARSE_ERROR_NAMESPACES = ['http://www.w3.org/1999/xhtml', 'http://www.mozilla.org/newlayout/xml/parsererror.xml'];

function parseError(doc: XmlDocument): string | undefined {
  for (const namespace of PARSE_ERROR_NAMESPACES) {
    const report = doc.getElementsByTagNameNS(namespace, 'parsererror')[0];
    if (!report) continue;
    const text = report.textContent ?? '';
    // Chrome: "This page contains the following errors:error on line 1 at column 40: ...".
    const line = /error on line[^\n]*/.exec(text)?.[0] ?? text.split('\n').find((l) => l.trim()) ?? '';
    return line.trim().slice(0, 200) || 'parse error';
  }
  return undefined;
}

/**
 * Parses untrusted XML. DOCTYPEs and entity declarations are refused before parsing: C-CDA never needs
 * them, and they are how billion-laughs and external-entity (XXE) attacks start.
 */
export function parseXml(xml: string, parse: XmlParser): XElement {
  if (xml.length > MAX_XML_CHARS)
    throw new XmlRefused(`The XML file is too large (over ${MAX_XML_CHARS / 1024 / 1024} MB).`);
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new XmlRefused(
      'The XML file declares a DOCTYPE or entities; such files are refused for safety (C-CDA never needs them).',
    );
  }
  const doc = parse(declarePrefixes(xml.replace(/^\uFEFF/, '')));
  const error = parseError(doc);
  if (error !== undefined) throw new XmlRefused(`The file is not well-formed XML: ${error}`, 'malformed');
  if (!doc.documentElement) throw new XmlRefused('The file holds no XML element.', 'malformed');
  return doc.documentElement;
}

const isElement = (n: XNode): n is XElement => n.nodeType === 1;

export const childElements = (el: XNode, name?: string): XElement[] =>
  Array.from(el.childNodes)
    .filter(isElement)
    .filter((c) => !name || c.localName === name);

export const child = (el: XNode | undefined, name: string): XElement | undefined =>
  el ? childElements(el, name)[0] : undefined;

/** A path of child names: `path(obs, 'value')`, `path(range, 'observationRange', 'text')`. */
export function path(el: XNode | undefined, ...names: string[]): XElement | undefined {
  let node = el as XElement | undefined;
  for (const name of names) node = child(node, name);
  return node;
}

/** Descendants by local name (namespaces vary between exporters; some fixtures have none). */
export function descendants(el: XNode, name: string, out: XElement[] = []): XElement[] {
  for (const c of childElements(el)) {
    if (c.localName === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

export const attr = (el: XNode | undefined, name: string): string | undefined =>
  el?.getAttribute?.(name)?.trim() || undefined;

const BLOCKS = new Set([
  'paragraph',
  'tr',
  'item',
  'list',
  'table',
  'caption',
  'thead',
  'tbody',
  'title',
  'text',
  'section',
]);

/** Narrative text as lines: paragraphs, list items and table rows on their own lines, cells split by tabs. */
export function narrativeText(el: XNode | undefined): string {
  if (!el) return '';
  const out: string[] = [];
  const walk = (node: XNode) => {
    if (node.nodeType === 3 || node.nodeType === 4) return void out.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
    if (node.nodeType !== 1) return;
    const name = node.localName ?? '';
    if (name === 'br') return void out.push('\n');
    if (name === 'td' || name === 'th') out.push('\t');
    const block = BLOCKS.has(name);
    if (block) out.push('\n');
    for (const c of Array.from(node.childNodes)) walk(c);
    if (block) out.push('\n');
  };
  walk(el);
  return out
    .join('')
    .split('\n')
    .map((l) =>
      l
        .replace(/ *\t */g, '\t')
        .replace(/^\t/, '')
        .replace(/ +/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}

/** Elements with an `ID` attribute, for resolving `<reference value="#...">` into narrative text. */
export function idIndex(root: XNode): Map<string, XElement> {
  const ids = new Map<string, XElement>();
  const walk = (node: XNode) => {
    for (const c of childElements(node)) {
      const id = c.getAttribute('ID');
      if (id) ids.set(id, c);
      walk(c);
    }
  };
  walk(root);
  return ids;
}
