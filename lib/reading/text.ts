const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'UL',
  'CAPTION',
  'LABEL',
]);

const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Elements whose content is never text a reader sees. */
/** Every element under `root` matching `selector`, in document order, as an array. */
export function queryAll<K extends keyof HTMLElementTagNameMap>(
  root: ParentNode,
  selector: K,
): HTMLElementTagNameMap[K][];
export function queryAll<E extends Element = Element>(root: ParentNode, selector: string): E[];
export function queryAll(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

export const holdsNoText = (tag: string): boolean => NO_TEXT.has(tag);

/** Elements `textOf` puts on their own lines. */
export const breaksLine = (tag: string): boolean => BLOCK.has(tag) || tag === 'TR';

const OTHER_SPACE = /[^\S ]/;
const SPACES = /\s+/g;
const LINE_NOISE = /[\u00a0\t]| {2}/;

/** One output line: runs of spaces as one, no spaces around tabs, trimmed. */
const tidyLine = (line: string): string =>
  LINE_NOISE.test(line)
    ? line
        .replace(/[ \u00a0]+/g, ' ')
        .replace(/ *\t */g, '\t')
        .trim()
    : line.trim();

/**
 * Plain text of a DOM tree with its structure kept: blocks on their own lines, table cells separated
 * by tabs, rows by newlines. Deterministic (no layout), so Node, happy-dom and browsers agree.
 * Built line by line in one walk (no joined copy of the whole text split up again afterwards).
 * With `atLeast`, the walk stops once that many characters are known: the result is then a prefix of
 * the whole text at least that long (a first look at a 50,000-row page need not read all of it).
 */
export function textOf(root: Node, atLeast = Infinity): string {
  const lines: string[] = [];
  let line = '';
  let length = -1;
  const endLine = () => {
    if (line === '') return;
    const tidy = tidyLine(line);
    if (tidy !== '') {
      lines.push(tidy);
      length += tidy.length + 1;
    }
    line = '';
  };
  const preText = (text: string) => {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      line += text.slice(start, nl);
      endLine();
      start = nl + 1;
    }
    line += start === 0 ? text : text.slice(start);
  };
  const addText = (text: string, pre: boolean) => {
    // Plain spaces are tidied per line; other white space (newlines, tabs) is one space outside <pre>.
    if (pre) preText(text);
    else line += OTHER_SPACE.test(text) ? text.replace(SPACES, ' ') : text;
  };
  const walk = (node: Node, tag: string, pre: boolean): void => {
    if (holdsNoText(tag)) return;
    if (tag === 'BR') return endLine();
    const block = breaksLine(tag);
    if (block) endLine();
    const inPre = pre || tag === 'PRE';
    let first = true;
    for (let child = node.firstChild; child && length < atLeast; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 3) addText(child.nodeValue ?? '', inPre);
      else if (type === 1) {
        const childTag = (child as Element).tagName;
        if (childTag === 'TD' || childTag === 'TH') {
          if (!first) line += '\t';
          first = false;
        }
        walk(child, childTag, inPre);
      }
    }
    if (block) endLine();
  };
  const type = root.nodeType;
  if (type === 3) addText(root.nodeValue ?? '', false);
  else if (type === 1 || type === 11 || type === 9) walk(root, type === 1 ? (root as Element).tagName : '', false);
  endLine();
  return lines.join('\n');
}
