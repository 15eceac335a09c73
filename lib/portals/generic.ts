import { findClinicalDate, oneLineText, queryAll } from '../reading';
import { labelValues, paragraphsOf, pick, sectionsByHeadings, sectionsFromText } from '../reading';
import { guessKind } from '../reading';
import { labColumns, readLabTable, readMedicationTable } from '../reading';
import { textOf } from '../reading';
import { type PageSection, pageSections, readResultsByContent, sectionKind } from '../reading';
import { labRecord, medicationRecord, type NoteInfo, noteRecord, type ReportInfo, reportRecord } from './records';
import { dateOf, headingBefore, mainOf, ownContainer, pageHeading } from './page';
import type { ExtractedRecord, PortalAdapter } from './types';

export { pageHeading } from './page';

/** Labels a results page names its ordering provider and its collection date by. */
const ORDERED_BY = /order(ing|ed)|provider|physician/;
const COLLECTED = /collect|observation date|specimen date/;

const isReportKind = (kind: string): kind is ReportInfo['kind'] => kind === 'imaging' || kind === 'pathology';
const isNoteKind = (kind: string): kind is NoteInfo['kind'] =>
  ['note', 'plan', 'surgical', 'family-history'].includes(kind);

const textOutsideTables = (el: Element) =>
  Array.from(el.children)
    .filter((c) => c.tagName !== 'TABLE' && !c.querySelector('table'))
    .map(textOf)
    .join('\n');

/** Tables that read as lab results or medication lists, one record each. */
export function tableRecords(doc: Document, root: Element): ExtractedRecord[] {
  const records: ExtractedRecord[] = [];
  for (const table of queryAll(root, 'table')) {
    if (table.parentElement?.closest('table')) continue;
    const roles = labColumns(table);
    const element = ownContainer(table, root, 'table');
    const around = element === table ? (table.parentElement ?? table) : element;
    const labels = labelValues(around);
    const name = headingBefore(table, root) ?? pageHeading(doc);
    if (roles) {
      const panel = {
        name,
        orderingProvider: pick(labels, ORDERED_BY),
        collected: dateOf(pick(labels, COLLECTED)),
        resulted: dateOf(pick(labels, /^result(ed| date)|reported|^issued/)),
        performingLab: pick(labels, /performing|resulting lab|^lab$/),
        status: pick(labels, /^status|result status/),
      };
      // Free text around the table ("Collected: 2026-09-30 · Performer: ...") when there are no label pairs.
      if (!panel.collected && !panel.resulted) panel.collected = findClinicalDate(textOutsideTables(around));
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
  if (isReportKind(kind)) {
    const pre = element.querySelector('pre');
    const byHeadings = sectionsByHeadings(element);
    const sections = byHeadings.length > 0 ? byHeadings : sectionsFromText(pre ? (pre.textContent ?? '') : text);
    const specimen = sections.find((s) => /^specimens?( submitted| source)?$/i.test(s.heading))?.text.split('\n')[0];
    return reportRecord(element, { kind, exam: title, date: clinicalDate, specimen, sections });
  }
  if (isNoteKind(kind)) {
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

/** Results read by content from `element`, as one lab (or vital-signs) record, or undefined when there are none. */
function contentLabRecord(
  element: Element,
  name: string,
  kind: 'lab' | 'vital-signs' = 'lab',
): ExtractedRecord | undefined {
  const content = readResultsByContent(element);
  if (!content.rows.some((r) => !r.unparsed)) return undefined;
  const labels = labelValues(element);
  const collected = dateOf(pick(labels, COLLECTED)) ?? findClinicalDate(textOutsideTables(element));
  const record = labRecord(element, { name, collected, orderingProvider: pick(labels, ORDERED_BY) }, content.rows);
  return { ...record, kind, ...(content.textOnly ? { textOnly: content.textOnly } : {}) };
}

/** One section of a page of many: read and classified on its own. */
export function sectionRecord(doc: Document, url: URL, section: PageSection): ExtractedRecord {
  const { heading, element } = section;
  const title = heading.slice(0, 1000);
  const text = textOf(element);
  const tables = tableRecords(doc, element);
  const content = readResultsByContent(element);
  const structuredRows = content.rows.filter((r) => !r.unparsed).length;
  const kind = sectionKind(heading, text, content.rows.filter((r) => !r.unparsed && r.unit).length);
  const where = { section: { heading, ...(section.anchor ? { anchor: section.anchor } : {}) } };
  if (kind === 'lab' || kind === 'vital-signs') {
    const single = tables.length === 1 && tables[0]!.kind === 'lab' ? tables[0]! : undefined;
    const table = single && single.structured?.type === 'lab' && single.structured.results.length >= structuredRows;
    const record = table
      ? {
          ...single,
          title,
          element,
          ...(content.textOnly ? { textOnly: content.textOnly } : {}),
        }
      : contentLabRecord(element, heading, kind);
    if (record) {
      if (record.structured?.type === 'lab') record.structured.panel.name = heading.slice(0, 500);
      return { ...record, kind, ...where };
    }
  }
  if (kind === 'medication') {
    const meds = tables.find((t) => t.kind === 'medication');
    if (meds) return { ...meds, title, element, ...where };
  }
  const date = findClinicalDate(text);
  if (isReportKind(kind)) {
    const inner = sectionsByHeadings(element).filter((s) => s.heading !== heading);
    const sections = inner.length > 0 ? inner : [{ heading, text: text.slice(heading.length).trim() }];
    return { ...reportRecord(element, { kind, exam: heading, date, sections }), ...where };
  }
  if (isNoteKind(kind)) {
    const paragraphs = paragraphsOf(element);
    if (paragraphs[0] === heading) paragraphs.shift();
    return { ...noteRecord(element, { kind, title: heading, date, noteType: heading, paragraphs }), ...where };
  }
  return {
    kind,
    title: title || 'Section',
    clinicalDate: date,
    element,
    ...where,
    ...(kind === 'other' && content.textOnly + structuredRows > 0
      ? { textOnly: content.textOnly + structuredRows }
      : {}),
  };
}

/** Parts of one pathology report: read together, the diagnosis means nothing without its specimen. */
const REPORT_PART =
  /^(specimens?|gross|microscopic|final diagnosis|diagnosis|comments?|clinical (history|information)|addendum|synoptic|immunohisto\w*)/i;
const firstHeading = (root: Element) => {
  const h = root.querySelector('h1, h2, h3, h4');
  return (h && oneLineText(textOf(h))) || undefined;
};

/** Cards whose headings are test names ("<h3>Creatinine</h3> 1.4 mg/dL"): results of one list, not sections. */
const areResultCards = (sections: PageSection[]) =>
  sections.filter((s) => {
    const rows = readResultsByContent(s.element).rows.filter((r) => !r.unparsed);
    return rows.length === 1 && rows[0]!.test === s.heading;
  }).length *
    2 >=
  sections.length;

const isOneReport = (doc: Document, sections: PageSection[]) =>
  guessKind(pageHeading(doc), '') === 'pathology' &&
  sections.filter((s) => REPORT_PART.test(s.heading)).length * 2 >= sections.length;

/**
 * Any page we do not recognise: a page of several sections gives one record per section; else lab and
 * medication tables as records, else results read by content, else one record of the main content.
 */
export const generic: PortalAdapter = {
  id: 'generic',
  name: 'Web page',
  matches: () => true,
  extract: (doc, url) => {
    const root = mainOf(doc);
    const sections = pageSections(root);
    if (sections.length >= 2 && !isOneReport(doc, sections) && !areResultCards(sections))
      return sections.map((s) => sectionRecord(doc, url, s));
    const tables = tableRecords(doc, root);
    if (tables.length > 0) return tables;
    const kind = guessKind(pageHeading(doc), textOf(root, 20_000).slice(0, 20_000), url.pathname);
    const title = doc.querySelector('h1') ? pageHeading(doc) : (firstHeading(root) ?? pageHeading(doc));
    const byContent =
      kind === 'lab' || kind === 'other' || kind === 'vital-signs' ? contentLabRecord(root, title) : undefined;
    return [byContent ?? documentRecord(doc, url, root)];
  },
};
