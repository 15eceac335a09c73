/**
 * What a saved document is, decided by its root element, not its prolog: servers and HL7's stylesheet
 * write pages as XHTML with an `<?xml?>` prolog and a DOCTYPE, and those are pages all the same.
 */
export type DocumentRoot = 'page' | 'clinical-document' | 'xml' | 'unknown';

const PROLOG_PART = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)/i;

/** The root element's local name ("html", "ClinicalDocument"), skipping the prolog, comments and DOCTYPE. */
export function rootElementName(text: string): string | undefined {
  let rest = text.replace(/^\uFEFF/, '').slice(0, 64 * 1024);
  for (let match = PROLOG_PART.exec(rest); match && match[0] !== ''; match = PROLOG_PART.exec(rest))
    rest = rest.slice(match[0].length);
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  return name?.replace(/^[\w.-]+:/, '');
}

/**
 * `page` for a document whose root is `html` (with or without the XHTML namespace, prolog or DOCTYPE);
 * `clinical-document` for a C-CDA; `xml` for any other XML root. A document that declares entities is
 * never a page: it goes to the XML path, which refuses it.
 */
export function documentRoot(text: string): DocumentRoot {
  const name = rootElementName(text);
  if (!name) return 'unknown';
  if (name.toLowerCase() === 'html') return /<!ENTITY/i.test(text.slice(0, 64 * 1024)) ? 'xml' : 'page';
  if (name === 'ClinicalDocument') return 'clinical-document';
  return /^\s*<\?xml/.test(text.replace(/^\uFEFF/, '')) ? 'xml' : 'unknown';
}
