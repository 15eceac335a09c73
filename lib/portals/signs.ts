import { oneLineText, queryAll } from '../reading';
/**
 * How a portal family is recognised: by the host it is served from, and by the page's own content, since
 * one family runs on many host names and a saved page has none. Each adapter lists its signs (with where
 * each came from, in README's portal table); a page that shows none of any family's is read by content.
 */
export interface PageSigns {
  /** Host names the family is served from. */
  hosts?: RegExp;
  /** Paths of the page's own address. */
  paths?: RegExp;
  /** Markup only this family writes (a CSS selector). */
  markup?: string;
  /** Paths of the page's own scripts, stylesheets, images, forms and links (same site or relative only). */
  resources?: RegExp;
  /** Words of the page's footer, copyright line, generator meta or title. */
  text?: RegExp;
  /** Column headings a results table of this family has, all in one header row. */
  columns?: readonly RegExp[];
}

export type SignKind = keyof PageSigns;

/** What the page shows of itself, gathered at most once per look (detection asks every adapter in turn). */
export interface PageFacts {
  resources: string[];
  text: string;
  headerRows: string[][];
}

/** Enough to find a family's signs without walking a 50,000-row page's every link. */
const MAX_RESOURCES = 2000;
const MAX_TABLES = 50;
const squash = (t: string | null | undefined) => oneLineText(t ?? '');

/** The path (and query) of a resource the page itself serves: relative, or on the page's own host. */
function ownPath(ref: string, url: URL): string | undefined {
  try {
    const resolved = new URL(ref, url);
    if (/^(?:[a-z][\w+.-]*:)?\/\//i.test(ref) && resolved.host !== url.host) return undefined;
    return resolved.pathname + resolved.search;
  } catch {
    return undefined;
  }
}

function gatherFacts(doc: Document, url: URL): PageFacts {
  const resources: string[] = [];
  const refs = doc.querySelectorAll('script[src], link[href], img[src], form[action], iframe[src], a[href]');
  for (let i = 0; i < refs.length && resources.length < MAX_RESOURCES; i++) {
    const el = refs[i]!;
    const ref = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('action') ?? '';
    const path = ownPath(ref, url);
    if (path) resources.push(path);
  }
  const text = [
    doc.title,
    doc.querySelector('meta[name="generator" i]')?.getAttribute('content'),
    ...Array.from(
      doc.querySelectorAll('footer, [id*="footer" i], [class*="footer" i], [class*="copyright" i]'),
      (el) => el.textContent,
    ).slice(0, 20),
  ]
    .map(squash)
    .join('\n')
    .slice(0, 20_000);
  const headerRows = queryAll(doc, 'table')
    .slice(0, MAX_TABLES)
    .map((table) => {
      const row = table.querySelector('thead tr') ?? table.querySelector('tr');
      return row ? Array.from(row.querySelectorAll('th'), (th) => squash(th.textContent)) : [];
    })
    .filter((cells) => cells.length > 0);
  return { resources, text, headerRows };
}

/**
 * One look at a page: its facts are gathered on first need and kept for this look only (a live page
 * changes, so the next clip looks again).
 */
export function lookAt(doc: Document, url: URL): () => PageFacts {
  let seen: PageFacts | undefined;
  return () => (seen ??= gatherFacts(doc, url));
}

/** The family's address or markup sign the page shows: the surest signs, tried for every family first. */
export function addressOrMarkupSign(signs: PageSigns, url: URL, doc: Document): SignKind | undefined {
  if (signs.hosts?.test(url.hostname)) return 'hosts';
  if (signs.paths?.test(url.pathname)) return 'paths';
  if (signs.markup && doc.querySelector(signs.markup)) return 'markup';
  return undefined;
}

/** The family's content sign the page shows: its own resources, its words, its results table's columns. */
export function contentSign(signs: PageSigns, look: () => PageFacts): SignKind | undefined {
  const page = look();
  if (signs.resources && page.resources.some((path) => signs.resources!.test(path))) return 'resources';
  if (signs.text?.test(page.text)) return 'text';
  const columns = signs.columns;
  if (columns && page.headerRows.some((cells) => columns.every((column) => cells.some((c) => column.test(c)))))
    return 'columns';
  return undefined;
}

/** The first sign of `signs` the page shows (its address and markup, then its content), or undefined. */
export function signOf(
  signs: PageSigns,
  url: URL,
  doc: Document,
  look: () => PageFacts = lookAt(doc, url),
): SignKind | undefined {
  return addressOrMarkupSign(signs, url, doc) ?? contentSign(signs, look);
}

export const showsSigns = (signs: PageSigns) => (url: URL, doc: Document) => signOf(signs, url, doc) !== undefined;
