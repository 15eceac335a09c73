import { findClinicalDate } from '../reading';
import { labelValues, paragraphsOf, pick, sectionsByHeadings, sectionsFromText } from '../reading';
import { guessKind } from '../reading';
import { labColumns, readLabTable, readMedicationTable } from '../reading';
import { textOf } from '../reading';
import { labRecord, medicationRecord, noteRecord, reportRecord } from './records';
import { dateOf, headingBefore, mainOf, ownContainer, pageHeading } from './page';
import type { ExtractedRecord, PortalAdapter } from './types';

export { pageHeading } from './page';

const textOutsideTables = (el: Element) =>
  Array.from(el.children)
    .filter((c) => c.tagName !== 'TABLE' && !c.querySelector('table'))
    .map(textOf)
    .join('\n');

/** Tables that read as lab results or medication lists, one record each. */
export function tableRecords(doc: Document, root: Element): ExtractedRecord[] {
  const records: ExtractedRecord[] = [];
  for (const table of Array.from(root.querySelectorAll('table'))) {
    if (table.parentElement?.closest('table')) continue;
    const roles = labColumns(table);
    const element = ownContainer(table, root, 'table');
    const labels = labelValues(element === table ? (table.parentElement ?? table) : element);
    const name = headingBefore(table, root) ?? pageHeading(doc);
    if (roles) {
      const panel = {
        name,
        orderingProvider: pick(labels, /order(ing|ed)|provider|physician/),
        collected: dateOf(pick(labels, /collect|observation date|specimen date/)),
        resulted: dateOf(pick(labels, /^result(ed| date)|reported|^issued/)),
        performingLab: pick(labels, /performing|resulting lab|^lab$/),
        status: pick(labels, /^status|result status/),
      };
      // Free text around the table ("Collected: 2026-09-30 · Performer: ...") when there are no label pairs.
      if (!panel.collected && !panel.resulted)
        panel.collected = findClinicalDate(
          textOutsideTables(element === table ? (table.parentElement ?? table) : element),
        );
      records.push(labRecord(element, panel, readLabTable(table, roles)));
      continue;
    }
    const meds = readMedicationTable(table);
    if (meds && meds.length > 0) records.push(medicationRecord(element, name, meds));
  }
  return records;
}

/** A report or note read from headings, or one plain record of the content. */
export function documentRecord(doc: Document, url: URL, element: Element): ExtractedRecord {
  const title = pageHeading(doc);
  const text = textOf(element);
  const kind = guessKind(title, text, url.pathname);
  const clinicalDate = findClinicalDate(text);
  if (kind === 'imaging' || kind === 'pathology') {
    const pre = element.querySelector('pre');
    const byHeadings = sectionsByHeadings(element);
    const sections = byHeadings.length > 0 ? byHeadings : sectionsFromText(pre ? (pre.textContent ?? '') : text);
    const specimen = sections.find((s) => /^specimens?( submitted| source)?$/i.test(s.heading))?.text.split('\n')[0];
    return reportRecord(element, { kind, exam: title, date: clinicalDate, specimen, sections });
  }
  if (kind === 'note' || kind === 'plan' || kind === 'surgical' || kind === 'family-history') {
    const author = /\b(?:signed by|author|provider)\s*:?\s*([A-Z][\w.' -]+?, (?:MD|DO|NP|PA(?:-C)?|RN|MBBS))\b/i.exec(
      text,
    )?.[1];
    return noteRecord(element, {
      kind,
      title,
      date: clinicalDate,
      author,
      noteType: title,
      paragraphs: paragraphsOf(element),
    });
  }
  return { kind, title, clinicalDate, element };
}

/** Any page we do not recognise: lab and medication tables as records, else one record of the main content. */
export const generic: PortalAdapter = {
  id: 'generic',
  name: 'Web page',
  matches: () => true,
  extract: (doc, url) => {
    const root = mainOf(doc);
    const tables = tableRecords(doc, root);
    return tables.length > 0 ? tables : [documentRecord(doc, url, root)];
  },
};
