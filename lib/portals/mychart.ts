import { cellText, labelValues, pick } from '../reading';
import { labRow } from '../reading';
import { labColumns, readLabTable } from '../reading';
import type { LabResultRow } from '../core/model';
import { generic } from './generic';
import { labRecord, noteRecord } from './records';
import { dateOf, mainOf, pageHeading } from './page';
import { showsSigns } from './signs';
import { MYCHART } from './family-signs';
import type { ExtractedRecord, PortalAdapter } from './types';

/** One component card: heading, "Your Value" (value, unit, flag words), "Standard Range". */
function componentRow(card: Element): LabResultRow {
  const test = cellText(card.querySelector('.componentHeading, h3, h4'));
  const valueBlock = card.querySelector('.ComponentValue, .componentValue, [class*="Value" i]:not(.InfoLabel)');
  const value =
    cellText(valueBlock?.querySelector('.value, .ValueText')) || cellText(valueBlock).replace(/^your value\s*/i, '');
  const flagEl = card.querySelector('.flag, [class*="Flag" i], .abnormal, .critical');
  const flagText = cellText(flagEl);
  const valueOnly =
    flagText && value.endsWith(flagText) && !valueBlock?.querySelector('.value')
      ? value.slice(0, -flagText.length)
      : value;
  const rangeBlock = card.querySelector('.ComponentRange, .range, [class*="Range" i]');
  const range =
    cellText(rangeBlock?.querySelector('.range')) ||
    cellText(rangeBlock).replace(/^(standard range|normal value|normal range|reference range)\s*:?\s*/i, '');
  return labRow({
    test,
    value: valueOnly,
    range: range || undefined,
    flag: flagText,
    flagClasses: `${flagEl?.className ?? ''} ${card.className}`,
  });
}

/** The panel around some components: the nearest ancestor that also holds a page or panel heading. */
function panelRoot(el: Element, main: Element): Element {
  for (let node = el.parentElement; node && node !== main; node = node.parentElement) {
    if (node.querySelector(':scope > h1, :scope > h2, :scope > ._PageHeading, :scope > .OrderMetadata')) return node;
  }
  return main;
}

function panelRecord(doc: Document, root: Element): ExtractedRecord | undefined {
  const cards = Array.from(root.querySelectorAll('.ComponentCard'));
  const tables = Array.from(root.querySelectorAll('table.components'));
  const results = [...cards.map(componentRow), ...tables.flatMap((t) => readLabTable(t, labColumns(t) ?? []))];
  if (results.length === 0) return undefined;
  const labels = labelValues(root.querySelector('.OrderMetadata') ?? root);
  const heading = cellText(root.querySelector('._PageHeading, h1, h2')) || pageHeading(doc);
  const lab =
    cellText(root.querySelector('.ResultLab')).replace(/^resulting lab\s*:?\s*/i, '') ||
    pick(labels, /resulting lab|performing/);
  const notes = Array.from(root.querySelectorAll('.ResultNotes p, .ResultComments p, .resultComment'))
    .map(cellText)
    .filter(Boolean);
  return labRecord(
    root,
    {
      name: heading,
      orderingProvider: pick(labels, /order(ing|ed) (provider|by)|authorizing|^provider/),
      collected: dateOf(pick(labels, /^collect/)),
      resulted: dateOf(pick(labels, /^result(ed| date)/)),
      performingLab: lab,
      status: pick(labels, /status/),
      specimen: pick(labels, /specimen/),
    },
    results,
    notes,
  );
}

/** A visit note: `div[data-copy-context^="NOTE"] > div.pN[data-paragraph]`. */
function visitNote(doc: Document, note: Element, main: Element): ExtractedRecord {
  const container =
    note.closest('section, article') ??
    (main.querySelectorAll('div[data-copy-context^="NOTE"]').length === 1 ? main : note);
  const paragraphElements = Array.from(note.querySelectorAll('[data-paragraph]'));
  const paragraphs = (paragraphElements.length ? paragraphElements : Array.from(note.children))
    .map(cellText)
    .filter(Boolean);
  const labels = labelValues(container);
  const title = cellText(container.querySelector('h1, h2, h3')) || pageHeading(doc);
  const kind = /operative|procedure|surgery/i.test(title)
    ? 'surgical'
    : /plan of care|treatment plan/i.test(title)
      ? 'plan'
      : 'note';
  return noteRecord(container, {
    kind,
    title,
    date: dateOf(pick(labels, /date|visit|signed/)) ?? dateOf(cellText(container.querySelector('.noteDate, time'))),
    author:
      pick(labels, /author|provider|signed by|^by$/) ??
      (cellText(container.querySelector('.noteAuthor, .author')) || undefined),
    noteType: note.getAttribute('data-copy-context')?.replace(/^NOTE[:_-]?/i, '') || title,
    paragraphs,
  });
}

export const mychart: PortalAdapter = {
  ...MYCHART,
  matches: showsSigns(MYCHART.signs),
  extract: (doc, url) => {
    const main = mainOf(doc);
    const notes = Array.from(main.querySelectorAll('div[data-copy-context^="NOTE"]')).map((n) =>
      visitNote(doc, n, main),
    );
    const roots = new Set<Element>();
    for (const el of Array.from(main.querySelectorAll('.ComponentCard, table.components')))
      roots.add(panelRoot(el, main));
    // Nested roots (a panel inside the page root) would count cards twice: keep the innermost.
    const panels = Array.from(roots)
      .filter((r) => !Array.from(roots).some((o) => o !== r && r.contains(o)))
      .map((r) => panelRecord(doc, r))
      .filter((r): r is ExtractedRecord => !!r);
    const records = [...panels, ...notes];
    if (records.length > 0) return records;
    return generic.extract(doc, url);
  },
};
