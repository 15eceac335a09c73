import { bracketedRows, isBracketedName } from '../reading';
import { parseHl7Date } from '../reading';
import { labRow, unparsedRow } from '../reading';
import { type LabColumn, roleOfHeader } from '../reading';
import type { LabResultRow } from '../core/model';
import { attr, child, childElements, descendants, narrativeText, path, type XElement } from './xml';

export interface ResultPanel {
  name: string;
  date?: string;
  rows: LabResultRow[];
}

const LOINC = '2.16.840.1.113883.6.1';

/** Text of a coded element: the narrative it references, its originalText, else its displayName. */
export function codeText(code: XElement | undefined, ids: Map<string, XElement>): string | undefined {
  const original = child(code, 'originalText');
  const ref = attr(child(original, 'reference'), 'value')?.replace(/^#/, '');
  const referenced = ref ? narrativeText(ids.get(ref)) : '';
  return referenced || narrativeText(original) || attr(code, 'displayName') || undefined;
}

const timeOf = (el: XElement | undefined) => parseHl7Date(attr(el, 'value') ?? attr(child(el, 'low'), 'value'));

/** An observation value by its xsi:type (PQ, ST, CD, IVL_PQ...), as the text a lab row reads. */
function valueOf(
  value: XElement | undefined,
  ids: Map<string, XElement>,
): { value: string; unit?: string } | undefined {
  if (!value || attr(value, 'nullFlavor')) return undefined;
  const type = (attr(value, 'xsi:type') ?? '').replace(/^.*:/, '');
  const unit = attr(value, 'unit');
  if (type === 'PQ' || type === 'INT' || type === 'REAL') {
    const v = attr(value, 'value');
    return v ? { value: v, unit: unit && unit !== '1' ? unit : undefined } : undefined;
  }
  if (type === 'IVL_PQ') {
    const low = attr(child(value, 'low'), 'value');
    const high = attr(child(value, 'high'), 'value');
    const u = attr(child(value, 'low'), 'unit') ?? attr(child(value, 'high'), 'unit');
    if (low && high) return { value: `${low}-${high}`, unit: u };
    if (low) return { value: `>=${low}`, unit: u };
    if (high) return { value: `<=${high}`, unit: u };
    return undefined;
  }
  const text = codeText(value, ids) ?? (narrativeText(value) || attr(value, 'code'));
  return text ? { value: text } : undefined;
}

/** The reference range to show: the one for normal results when several are given (others go to notes). */
function rangeOf(obs: XElement): { range?: string; others: string[] } {
  const ranges = childElements(obs, 'referenceRange')
    .map((r) => child(r, 'observationRange'))
    .filter((r): r is XElement => !!r);
  const describe = (r: XElement) => {
    const text = narrativeText(child(r, 'text'));
    if (text) return text;
    const v = child(r, 'value');
    const low = attr(child(v, 'low'), 'value');
    const high = attr(child(v, 'high'), 'value');
    const unit = attr(child(v, 'low'), 'unit') ?? attr(child(v, 'high'), 'unit') ?? '';
    return low && high
      ? `${low}-${high} ${unit}`.trim()
      : low
        ? `>=${low} ${unit}`.trim()
        : high
          ? `<=${high} ${unit}`.trim()
          : '';
  };
  const normal = ranges.find((r) => (attr(child(r, 'interpretationCode'), 'code') ?? 'N') === 'N') ?? ranges[0];
  const others = ranges
    .filter((r) => r !== normal)
    .map((r) => {
      const label = attr(child(r, 'interpretationCode'), 'displayName') ?? attr(child(r, 'interpretationCode'), 'code');
      return `${label ? `${label}: ` : ''}${describe(r)}`;
    });
  return { range: normal ? describe(normal) || undefined : undefined, others };
}

/** The test name as the narrative shows it: the referenced name, else the first cell of the referenced row. */
function testName(obs: XElement, ids: Map<string, XElement>): string {
  const code = child(obs, 'code');
  const ref = attr(path(code, 'originalText', 'reference'), 'value')?.replace(/^#/, '');
  if (ref && ids.has(ref)) return narrativeText(ids.get(ref));
  const rowRef = attr(path(obs, 'text', 'reference'), 'value')?.replace(/^#/, '');
  const row = rowRef ? ids.get(rowRef) : undefined;
  const firstCell = row?.localName === 'tr' ? narrativeText(childElements(row, 'td')[0]) : '';
  return firstCell || codeText(code, ids) || '';
}

function observationRow(obs: XElement, ids: Map<string, XElement>): LabResultRow {
  const code = child(obs, 'code');
  const test = testName(obs, ids);
  const value = valueOf(child(obs, 'value'), ids);
  if (!value) {
    // No value: an active (not completed) result is pending; anything else is kept as its name only.
    const pending = attr(child(obs, 'statusCode'), 'code') === 'active';
    const row = pending ? labRow({ test, value: 'Pending' }) : unparsedRow(test, test);
    const date = timeOf(child(obs, 'effectiveTime'));
    if (date) row.date = date;
    return row;
  }
  const { range, others } = rangeOf(obs);
  const interpretation = child(obs, 'interpretationCode');
  const row = labRow({
    test,
    value: value.value,
    unit: value.unit,
    range,
    flag:
      attr(interpretation, 'code') === 'HU'
        ? 'HH'
        : attr(interpretation, 'code') === 'LU'
          ? 'LL'
          : (attr(interpretation, 'code') ?? attr(interpretation, 'displayName') ?? ''),
    notes: others.length ? `Other reference ranges: ${others.join('; ')}` : undefined,
  });
  const date = timeOf(child(obs, 'effectiveTime'));
  if (date) row.date = date;
  row.readBy = 'coded-entry';
  if (attr(code, 'codeSystem') === LOINC && attr(code, 'code')) row.loinc = attr(code, 'code')!.slice(0, 20);
  return row;
}

/** Coded entries: one panel per organizer (or one for loose observations). */
function codedPanels(section: XElement, ids: Map<string, XElement>, title: string): ResultPanel[] {
  const panels: ResultPanel[] = [];
  for (const entry of childElements(section, 'entry')) {
    const organizer = child(entry, 'organizer');
    const observations = organizer
      ? childElements(organizer, 'component')
          .map((c) => child(c, 'observation'))
          .filter((o): o is XElement => !!o)
      : childElements(entry, 'observation');
    if (observations.length === 0) continue;
    const rows = observations.map((o) => observationRow(o, ids));
    const name = (organizer ? codeText(child(organizer, 'code'), ids) : undefined) ?? rows[0]?.test ?? title;
    const date = timeOf(child(organizer, 'effectiveTime')) ?? rows.find((r) => r.date)?.date;
    panels.push({ name: name || title, date, rows });
  }
  return panels;
}

/** Narrative tables when there are no coded entries: by headers, or Cerner's `Name [range]` rows. */
function narrativePanels(section: XElement, title: string): ResultPanel[] {
  const panels: ResultPanel[] = [];
  for (const table of descendants(section, 'table')) {
    const header = descendants(table, 'tr').find((tr) => childElements(tr, 'th').length > 0);
    const roles: (LabColumn | undefined)[] = header
      ? childElements(header, 'th').map((th) => roleOfHeader(narrativeText(th)))
      : [];
    if (!roles.includes('test') && roles.includes('description')) roles[roles.indexOf('description')] = 'test';
    const rows: LabResultRow[] = [];
    for (const tr of descendants(table, 'tr')) {
      if (tr === header) continue;
      const cells = childElements(tr, 'td').map((td) => narrativeText(td).replace(/\n/g, ' '));
      if (cells.every((c) => c === '')) continue;
      const bracketed = cells[0] && isBracketedName(cells[0]) ? bracketedRows(cells[0], cells.slice(1)) : undefined;
      if (bracketed) rows.push(...bracketed);
      else if (roles.includes('test') && roles.includes('value') && cells.length === roles.length) {
        const get = (role: LabColumn) => cells[roles.indexOf(role)];
        rows.push(
          labRow({
            test: get('test') ?? '',
            value: get('value') ?? '',
            unit: get('unit'),
            range: get('range'),
            flag: get('flag'),
            date: get('date'),
          }),
        );
      } else if (cells.length > 1) rows.push(unparsedRow(cells.join(' ')));
    }
    if (rows.length > 0) panels.push({ name: title, rows });
  }
  return panels;
}

export function resultPanels(section: XElement, ids: Map<string, XElement>): ResultPanel[] {
  const title = narrativeText(child(section, 'title')) || 'Results';
  const coded = codedPanels(section, ids, title);
  return coded.length > 0 ? coded : narrativePanels(section, title);
}
