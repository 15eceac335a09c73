import { cellText } from '../reading';
import { labRow } from '../reading';
import { labColumns } from '../reading';
import type { AbnormalFlag, LabResultRow } from '../core/model';
import { parseDate } from '../reading';
import { generic } from './generic';
import { labRecord } from './records';
import { headingBefore, mainOf, ownContainer, pageHeading } from './page';
import { showsSigns } from './signs';
import { FOLLOWMYHEALTH } from './family-signs';
import type { ExtractedRecord, PortalAdapter } from './types';

/**
 * PORTALS.md, "FollowMyHealth": results grouped by order, Date / Description / Value / Details columns;
 * range and flag live in the Details text, and abnormal rows carry vendor style codes (`fmh-abn-H`).
 */
const STYLE_FLAG = /\b(?:fmh-)?(?:abn|flag)-(HH|LL|AA|H|L|A)\b/;

const detail = (details: string, label: RegExp) => label.exec(details)?.[1]?.trim();

function groupRows(table: Element): LabResultRow[] {
  const roles = labColumns(table) ?? [];
  const rows: LabResultRow[] = [];
  for (const tr of Array.from(table.querySelectorAll('tbody tr'))) {
    const cells = Array.from(tr.children).map(cellText);
    const get = (role: string) => cells[roles.indexOf(role as never)] ?? '';
    if (cells.length !== roles.length) {
      rows.push(labRow({ test: '', value: cells.join(' ') }));
      continue;
    }
    const details = get('notes');
    const styleFlag = STYLE_FLAG.exec(tr.className)?.[1] as AbnormalFlag | undefined;
    const row = labRow({
      test: get('test'),
      value: get('value'),
      range: detail(details, /(?:reference|normal)?\s*range:\s*([^;]+)/i),
      flag: detail(details, /flag:\s*([^;]+)/i) ?? '',
      date: get('date'),
      notes: detail(details, /comments?:\s*([^;]+)/i),
    });
    if (!row.flag && styleFlag) row.flag = styleFlag;
    rows.push(row);
  }
  return rows;
}

export const followmyhealth: PortalAdapter = {
  ...FOLLOWMYHEALTH,
  matches: showsSigns(FOLLOWMYHEALTH.signs),
  extract: (doc, url) => {
    const main = mainOf(doc);
    const records: ExtractedRecord[] = [];
    for (const table of Array.from(main.querySelectorAll('table'))) {
      if (!labColumns(table)) continue;
      const element = ownContainer(table, main, 'table');
      const meta = cellText(element.querySelector('.fmh-order-meta'));
      records.push(
        labRecord(
          element,
          {
            name: headingBefore(table, main) ?? pageHeading(doc),
            orderingProvider: /ordered by:?\s*(.+?)(?:\s{2,}|\s+collected|$)/i.exec(meta)?.[1],
            collected: parseDate(/collected:?\s*(.+)/i.exec(meta)?.[1] ?? ''),
          },
          groupRows(table),
        ),
      );
    }
    return records.length > 0 ? records : generic.extract(doc, url);
  },
};
