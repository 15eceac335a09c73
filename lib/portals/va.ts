import { cellText, sectionsFromText } from '../reading';
import { labRow } from '../reading';
import type { LabResultRow } from '../core/model';
import { generic } from './generic';
import { labRecord, reportRecord } from './records';
import { dateOf, mainOf, pageHeading } from './page';
import { showsSigns } from './signs';
import { VA } from './family-signs';
import type { ExtractedRecord, PortalAdapter } from './types';

/**
 * PORTALS.md, "VA": cards, not tables. Per test `li > h3` (name) then headed fields ("Result",
 * "Reference range", "Status", "Performing lab", "Lab comments"); radiology as preformatted text.
 */
const FIELD_HEADINGS = 'h2, h3, h4, h5, dt, .field-label';

/** Fields under headings inside `root` (heading text -> the text of the element after it). */
function headedFields(root: Element, skipCards: boolean): Map<string, string> {
  const fields = new Map<string, string>();
  for (const heading of Array.from(root.querySelectorAll(FIELD_HEADINGS))) {
    if (skipCards && heading.closest('li')) continue;
    const value = heading.nextElementSibling;
    const key = cellText(heading).replace(/:$/, '').toLowerCase();
    if (value && key && !fields.has(key) && !value.matches(FIELD_HEADINGS)) fields.set(key, cellText(value));
  }
  return fields;
}

const field = (fields: Map<string, string>, label: RegExp) => [...fields].find(([k]) => label.test(k))?.[1];

function cardRow(card: Element): LabResultRow {
  const fields = headedFields(card, false);
  const comments = [
    field(fields, /comment/),
    field(fields, /^status/) && `Status: ${field(fields, /^status/)}`,
    field(fields, /performing|lab location/) && `Performing lab: ${field(fields, /performing|lab location/)}`,
  ];
  return labRow({
    test: cellText(card.querySelector(':scope > h3')),
    value: field(fields, /^result/) ?? '',
    range: field(fields, /reference range/),
    flag: field(fields, /interpretation|flag/),
    notes: comments.filter(Boolean).join('; '),
  });
}

function labCards(doc: Document, main: Element): ExtractedRecord | undefined {
  const cards = Array.from(main.querySelectorAll('li')).filter((li) => li.querySelector(':scope > h3'));
  if (cards.length === 0) return undefined;
  const meta = headedFields(main, true);
  return labRecord(
    main,
    {
      name: pageHeading(doc),
      orderingProvider: field(meta, /ordered by/),
      collected: dateOf(field(meta, /collected|date/)),
      performingLab: field(meta, /lab location|performing/),
      status: field(meta, /^status/),
    },
    cards.map(cardRow),
  );
}

function radiology(doc: Document, main: Element): ExtractedRecord | undefined {
  const pre = main.querySelector('pre');
  if (!pre) return undefined;
  const meta = headedFields(main, true);
  const exam = pageHeading(doc);
  return reportRecord(main, {
    kind: /patholog|surgical path|cytology/i.test(exam) ? 'pathology' : 'imaging',
    exam,
    date: dateOf(field(meta, /date|performed/)),
    // textContent, not textOf: columnar tables inside the report need their spaces.
    sections: sectionsFromText(pre.textContent ?? ''),
  });
}

export const va: PortalAdapter = {
  ...VA,
  matches: showsSigns(VA.signs),
  extract: (doc, url) => {
    const main = mainOf(doc);
    const record = labCards(doc, main) ?? radiology(doc, main);
    return record ? [record] : generic.extract(doc, url);
  },
};
