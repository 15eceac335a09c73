import { labRow, unparsedRow } from '../capture/lab-row';
import { textOf } from '../capture/text';
import type { LabResultRow } from '../model';
import { generic } from './generic';
import { labRecord } from './records';
import { headingBefore, mainOf, pageHeading } from './page';
import type { ExtractedRecord, PortalAdapter } from './types';

/**
 * PORTALS.md, "Oracle Health (Cerner) HealtheLife": `Glucose, Random [65-110 mg/dL]` then one line per
 * date, `185 mg/dL *HI* (07/10/2013 22:25 America/Chicago)`, most recent first. Each line is a trend row.
 */
const NAME_LINE = /^(.+?)\s*\[([^\]]*)\]$/;
const VALUE_LINE = /^(.+?)\s*\(([^()]*\b\d{4}\b[^()]*)\)$/;

function testRows(item: Element): LabResultRow[] | undefined {
  const lines = textOf(item).split('\n').map((l) => l.trim()).filter(Boolean);
  const head = NAME_LINE.exec(lines[0] ?? '');
  if (!head) return undefined;
  const [, test, range] = head;
  return lines.slice(1).map((line) => {
    const value = VALUE_LINE.exec(line);
    // A line without its date is not split: it might belong to a footnote rather than this test.
    return value ? labRow({ test: test!, value: value[1]!, range, date: value[2] }) : unparsedRow(line, test);
  });
}

const ITEMS = 'li, .hl-result, tr';

function listRecords(doc: Document, main: Element): ExtractedRecord[] {
  const lists = new Map<Element, LabResultRow[]>();
  for (const item of Array.from(main.querySelectorAll(ITEMS))) {
    if (item.parentElement?.closest(ITEMS)) continue;
    const rows = testRows(item);
    if (!rows) continue;
    const list = item.parentElement ?? main;
    lists.set(list, [...(lists.get(list) ?? []), ...rows]);
  }
  return Array.from(lists, ([list, rows]) => {
    const element = lists.size === 1 ? main : list;
    return labRecord(element, { name: (lists.size === 1 ? pageHeading(doc) : headingBefore(list, main)) ?? pageHeading(doc) }, rows);
  });
}

export const healthelife: PortalAdapter = {
  id: 'cerner-healthelife',
  name: 'Oracle Health (Cerner) HealtheLife',
  matches: (url, doc) =>
    /healthelife|cernerhealth|\.cerner\.com$/i.test(url.hostname) ||
    /\/healthelife\//i.test(url.pathname) ||
    doc.querySelector('.healthelife, .hl-results-list, [id^="hl-"]') !== null,
  extract: (doc, url) => {
    const main = doc.querySelector('#hl-content') ?? mainOf(doc);
    const records = listRecords(doc, main);
    return records.length > 0 ? records : generic.extract(doc, url);
  },
};

