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
export const holdsNoText = (tag: string): boolean => NO_TEXT.has(tag);

/** Elements `textOf` puts on their own lines. */
export const breaksLine = (tag: string): boolean => BLOCK.has(tag) || tag === 'TR';

/**
 * Plain text of a DOM tree with its structure kept: blocks on their own lines, table cells separated
 * by tabs, rows by newlines. Deterministic (no layout), so Node, happy-dom and browsers agree.
 */
export function textOf(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      out.push(pre ? text : text.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) return;
    const tag = (node as Element).tagName ?? '';
    if (holdsNoText(tag)) return;
    if (tag === 'BR') return void out.push('\n');
    const block = breaksLine(tag);
    if (block) out.push('\n');
    let first = true;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const cell = (child as Element).tagName === 'TD' || (child as Element).tagName === 'TH';
      if (cell && !first) out.push('\t');
      if (cell) first = false;
      walk(child, pre || tag === 'PRE');
    }
    if (block) out.push('\n');
  };
  walk(root, false);
  return out
    .join('')
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \u00a0]+/g, ' ')
        .replace(/ *\t */g, '\t')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n')
    .trim();
}
