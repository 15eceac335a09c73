import type { LabResultRow } from '../core/model';
import { parseDate } from './dates';
import { oneLineText } from './dom';
import { parseFlag, parseLabValue, parseReferenceRange, splitFlag } from './lab-values';

/** The cells of one result as a portal shows them; only `test` and `value` are required. */
export interface LabCells {
  test: string;
  value: string;
  unit?: string;
  range?: string;
  flag?: string;
  /** CSS classes of the row or value cell, for portals that flag by colour only. */
  flagClasses?: string;
  date?: string;
  notes?: string;
}

const oneLine = (text: string | undefined) => (text === undefined ? '' : oneLineText(text));
const cap = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** A row we could not split safely: its text is kept whole so nothing is attached to the wrong test. */
export function unparsedRow(text: string, test = ''): LabResultRow {
  return { test: cap(oneLine(test), 500), value: cap(oneLine(text), 2000), unparsed: true };
}

/** One structured result from its cells. A row with no test name or no value is kept as unparsed text. */
export function labRow(cells: LabCells): LabResultRow {
  const test = oneLine(cells.test);
  const shown = oneLine(cells.value);
  if (test === '' || shown === '')
    return unparsedRow([cells.test, cells.value, cells.range].filter(Boolean).join(' '), test);
  const embedded = splitFlag(shown);
  const parsed = parseLabValue(embedded.text);
  const range = cells.range && oneLine(cells.range) !== '' ? parseReferenceRange(cells.range) : undefined;
  const flag = parseFlag(oneLine(cells.flag), cells.flagClasses ?? '') ?? embedded.flag;
  // A separate unit column wins; a bare number borrows the unit its range is written in.
  const unit = oneLine(cells.unit) || parsed.unit || (parsed.numericValue !== undefined ? range?.unit : undefined);
  const date = cells.date ? parseDate(cells.date) : undefined;
  const notes = [parsed.footnote ? `Footnote ${parsed.footnote}` : '', oneLine(cells.notes)].filter(Boolean).join('; ');
  const row: LabResultRow = { test: cap(test, 500), value: cap(parsed.value, 2000) };
  if (parsed.numericValue !== undefined) row.numericValue = parsed.numericValue;
  if (parsed.comparator) row.comparator = parsed.comparator;
  if (unit) row.unit = cap(unit, 100);
  if (range) {
    row.referenceRange = cap(range.referenceRange, 500);
    if (range.low !== undefined) row.low = range.low;
    if (range.high !== undefined) row.high = range.high;
  }
  if (flag) row.flag = flag;
  if (date) row.date = date;
  if (notes) row.notes = cap(notes, 20000);
  return row;
}
