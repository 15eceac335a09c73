import type { CaseRecord, StructuredData } from './model';

/**
 * A record that holds nothing but its title: no text beyond headings and titles, no results, no image,
 * no file. Typically a page that showed its document in a frame the clip could not copy. Such a record
 * must be flagged to the user and must not count as its family being present.
 */
export type TitleOnlyInput = Pick<CaseRecord, 'title' | 'snapshotHtml'> &
  Partial<Pick<CaseRecord, 'structured' | 'provenance'>>;

/** Elements whose text is a title or a control, not content. */
const NOT_CONTENT = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'nav', 'header', 'footer', 'title']);
const NOT_CONTENT_ROLES = /^(heading|button|toolbar|navigation|banner|menubar|tablist)$/i;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->/g;

const decode = (text: string) =>
  text
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The text of sanitized snapshot HTML outside headings and controls, and whether it shows an image.
 * The snapshot is our own serialisation (well-formed), so a tag scanner is enough; no DOM is needed.
 */
export function snapshotContent(html: string): { text: string; hasImage: boolean } {
  let text = '';
  let hasImage = false;
  const skipping: string[] = [];
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    if (skipping.length === 0) text += ' ' + html.slice(last, match.index);
    last = match.index + match[0].length;
    const [, closing, rawName, attributes = ''] = match;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (name === 'img' && skipping.length === 0 && /\bsrc\s*=/.test(attributes)) hasImage = true;
    if (VOID.has(name) || name === 'img' || match[4]) continue;
    if (closing) {
      if (skipping.at(-1) === name) skipping.pop();
      else if (skipping.length > 0 && skipping.includes(name)) skipping.length = skipping.lastIndexOf(name);
      continue;
    }
    const role = /\brole\s*=\s*"([^"]*)"/.exec(attributes)?.[1] ?? '';
    if (skipping.length > 0 || NOT_CONTENT.has(name) || NOT_CONTENT_ROLES.test(role)) skipping.push(name);
  }
  if (skipping.length === 0) text += ' ' + html.slice(last);
  return { text: decode(text), hasImage };
}

function hasStructuredContent(data: StructuredData | undefined): boolean {
  // Report sections and note paragraphs are read from the snapshot's own text, which is judged below
  // (a report read from a bare heading has one "section" holding that heading).
  if (!data || data.type === 'report' || data.type === 'note') return false;
  // Every other shape is a list of entries (results, medications, allergies ...): any entry is content.
  return Object.values(data).some((value) => Array.isArray(value) && value.length > 0);
}

/** True when the record holds only its title (see TitleOnlyInput); `files` is how many files it keeps. */
export function isTitleOnly(record: TitleOnlyInput, files: number): boolean {
  if (files > 0 || hasStructuredContent(record.structured)) return false;
  const { text, hasImage } = snapshotContent(record.snapshotHtml);
  if (hasImage) return false;
  let rest = normalize(text);
  for (const title of [record.title, record.provenance?.pageTitle ?? '']) {
    const known = normalize(title);
    if (known) rest = rest.split(known).join(' ');
  }
  // What is left is content only if it holds a letter or a digit (not just separators).
  return !/[\p{L}\p{N}]/u.test(rest);
}
