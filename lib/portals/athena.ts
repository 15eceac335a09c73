import { labelValues, paragraphsOf, pick, sectionsByHeadings } from '../reading';
import { generic, tableRecords } from './generic';
import { noteRecord, reportRecord } from './records';
import { dateOf, mainOf, pageHeading } from './page';
import { showsSigns } from './signs';
import { ATHENA } from './family-signs';
import type { ExtractedRecord, PortalAdapter } from './types';

/** PORTALS.md, "athenahealth": results tables (Created Date, Observation Date, Name, Description, Value, Unit, Range, Abnormal Flag), imaging reports and visit notes. */
const REPORT_HEADINGS =
  /^(clinical history|history|indication|technique|comparison|findings|impression|conclusion|diagnosis|gross description|microscopic description|final diagnosis)$/i;
const NOTE_HEADINGS =
  /^(chief complaint|history of present illness|hpi|assessment|plan|assessment and plan|review of systems|physical exam|subjective|objective)$/i;

function reportOrNote(doc: Document, main: Element): ExtractedRecord | undefined {
  const sections = sectionsByHeadings(main);
  const labels = labelValues(main);
  const title = pageHeading(doc);
  const signed = /signed by (.+?)(?: on |$)/i.exec(main.querySelector('.ap-signed')?.textContent ?? '')?.[1]?.trim();
  if (sections.filter((s) => REPORT_HEADINGS.test(s.heading)).length >= 2) {
    const kind = /patholog|biopsy|cytology|specimen/i.test(title + sections.map((s) => s.heading).join(' '))
      ? 'pathology'
      : 'imaging';
    return reportRecord(main, {
      kind,
      exam: title,
      date:
        dateOf(pick(labels, /observation date|exam date|study date|date of service/)) ??
        dateOf(pick(labels, /created/)),
      specimen: pick(labels, /specimen/),
      sections,
    });
  }
  if (sections.some((s) => NOTE_HEADINGS.test(s.heading))) {
    const note = main.querySelector('.ap-note') ?? main;
    return noteRecord(main, {
      kind: /operative|procedure note/i.test(title) ? 'surgical' : 'note',
      title,
      date: dateOf(pick(labels, /date of service|visit date|^date/)),
      author: pick(labels, /^provider|author|rendering/) ?? signed,
      noteType: title,
      paragraphs: paragraphsOf(note),
    });
  }
  return undefined;
}

export const athena: PortalAdapter = {
  ...ATHENA,
  matches: showsSigns(ATHENA.signs),
  extract: (doc, url) => {
    const main = mainOf(doc);
    const tables = tableRecords(doc, main);
    if (tables.some((r) => r.kind === 'lab')) return tables;
    const record = reportOrNote(doc, main);
    return record ? [record] : generic.extract(doc, url);
  },
};
