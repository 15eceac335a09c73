import { bracketedRows } from '../reading';
import { textOf } from '../reading';
import type { LabResultRow } from '../core/model';
import { generic } from './generic';
import { labRecord } from './records';
import { headingBefore, mainOf, pageHeading } from './page';
import { showsSigns } from './signs';
import { HEALTHELIFE } from './family-signs';
import type { ExtractedRecord, PortalAdapter } from './types';

/** PORTALS.md, "Oracle Health (Cerner) HealtheLife": a list of tests, each `Name [range]` then one line per date (trend rows). */
function testRows(item: Element): LabResultRow[] | undefined {
  const [name, ...values] = textOf(item).split(/[\n\t]/);
  return bracketedRows(name ?? '', values);
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
    return labRecord(
      element,
      { name: (lists.size === 1 ? pageHeading(doc) : headingBefore(list, main)) ?? pageHeading(doc) },
      rows,
    );
  });
}

export const healthelife: PortalAdapter = {
  ...HEALTHELIFE,
  matches: showsSigns(HEALTHELIFE.signs),
  extract: (doc, url) => {
    const main = doc.querySelector('#hl-content') ?? mainOf(doc);
    const records = listRecords(doc, main);
    return records.length > 0 ? records : generic.extract(doc, url);
  },
};
