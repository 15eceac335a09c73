import type { LabResultRow } from '../core/model';
import { parseDate } from './dates';
import { cellText, inertDocumentFor, oneLineText } from './dom';
import { type LabColumn, labColumns, readLabTable, roleOfHeader, rowsOf } from './lab-table';
import { labRow, unparsedRow } from './lab-row';
import { parseReferenceRange } from './lab-values';
import { flagOf, isUnit, nameAndRange, rangeOf, roleOfCell, type ValueCell, valueOf } from './result-cells';
import { holdsNoText, queryAll, textOf } from './text';

/**
 * Results read by their content wherever they sit: tables with or without headers (column roles from
 * the cells), definition lists, cards and lines of text. A value is tied to a test only when the same
 * row, item or card holds both; anything else that looks like a result is counted as kept as text.
 */
export interface ContentResults {
  rows: LabResultRow[];
  /** Numbers that look like results but could not be tied to a test safely (kept in the snapshot and text). */
  textOnly: number;
}

const cellsOf = (tr: Element) => Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');

/** Labels that are never the name of a test, whatever value follows them. */
const NOT_A_TEST =
  /^(?:date|time|date\/time|page|id|age|dob|phone|fax|room|bed|mrn|account|visit|encounter|zip|version|total pages?)\b/i;

/** The unit written in a range the value borrows it from: "13-18 g/dl", "M 13-18 g/dl; F 12-16 g/dl". */
function unitOfRange(range: string | undefined): string | undefined {
  if (!range) return undefined;
  const parsed = parseReferenceRange(range).unit;
  if (parsed && isUnit(parsed)) return parsed;
  const units = new Set(
    Array.from(
      range.matchAll(/\d\s*((?:x\s?)?10[*^E+]\d{1,2}\/[A-Za-zµμ]{1,4}|[A-Za-z%µμ][\w%µμ/.*^[\]]{0,20})/g),
      (m) => m[1]!.replace(/[;,.]$/, ''),
    ).filter(isUnit),
  );
  return units.size === 1 ? [...units][0] : undefined;
}

interface RowParts {
  name: string;
  nameRange?: string;
  value: ValueCell;
  unit?: string;
  range?: string;
  flag?: string;
  date?: string;
  notes?: string;
}

function contentRow(parts: RowParts): LabResultRow {
  const range = (parts.range ?? parts.value.range ?? parts.nameRange)?.replace(/^\s*[([]\s*(.*?)\s*[)\]]\s*$/, '$1');
  const unit = parts.value.unit ?? parts.unit ?? (parts.value.numeric ? unitOfRange(range) : undefined);
  const row = labRow({
    test: parts.name,
    value: parts.value.value,
    unit,
    range,
    flag: parts.flag ?? parts.value.flag ?? '',
    date: parts.value.date ?? parts.date,
    notes: [parts.notes, parts.value.marker ? `Marker as shown: ${parts.value.marker}` : ''].filter(Boolean).join('; '),
  });
  row.readBy = 'content';
  return row;
}

/** "Blood Pressure 132/86 mmHg": the systolic and diastolic values, named so; only for a blood pressure row. */
export function bloodPressure(name: string, text: string, date?: string): LabResultRow[] {
  if (!/^(?:blood pressure|bp|b\/p)\b/i.test(name.trim())) return [];
  const m = /^(\d{2,3})\s*\/\s*(\d{2,3})\s*(mm ?Hg|mm\[Hg\])?(?:\s*\(([^()]*\d{4}[^()]*)\))?$/i.exec(oneLineText(text));
  if (!m) return [];
  // A blood pressure is always in mm[Hg]; a page that leaves the unit out ("132/88") still means it.
  const unitNote = m[3] ? '' : '; unit not written on the page, blood pressure is in mm[Hg]';
  return (['Systolic blood pressure', 'Diastolic blood pressure'] as const).map((test, i) => {
    const row = labRow({ test, value: m[i + 1]!, unit: m[3] ?? 'mm[Hg]', date: m[4] ?? date });
    row.notes = `Read from "${name.trim()}: ${text.trim()}"${unitNote}`.slice(0, 500);
    row.readBy = 'content';
    return row;
  });
}

/** What goes with a value in the same row or card: the first unit, range, flag and date cell (not `nameAt`). */
function besides(texts: string[], roles: string[], nameAt = -1): Pick<RowParts, 'unit' | 'range' | 'flag' | 'date'> {
  const at = (role: string) => texts[roles.findIndex((r, i) => r === role && i !== nameAt)];
  const flagText = at('flag');
  return { unit: at('unit'), range: at('range'), flag: flagText ? flagOf(flagText) : undefined, date: at('date') };
}

const isTestName = (text: string) => /[A-Za-z]{2}/.test(text) && !NOT_A_TEST.test(text) && text.length <= 200;

/** A table whose header (if any) names no lab columns: every row read by what its cells hold. */
function tableByContent(table: Element, out: ContentResults): void {
  const all = rowsOf(table);
  const first = all[0];
  const firstCells = first ? cellsOf(first) : [];
  const hasHeader =
    !!first &&
    (first.parentElement?.tagName === 'THEAD' ||
      (firstCells.length > 1 && firstCells.every((c) => c.tagName === 'TH')));
  const headerTexts = hasHeader ? firstCells.map(cellText) : [];
  const headerRoles: (LabColumn | undefined)[] = headerTexts.map((t) => roleOfHeader(t));
  const headerDates = headerTexts.map((t) => parseDate(t));
  for (const tr of all) {
    if (hasHeader && tr === first) continue;
    const cells = cellsOf(tr);
    if (cells.length < 2 || cells.some((c) => Number(c.getAttribute('colspan') ?? '1') > 1)) continue;
    const texts = cells.map(cellText);
    const roles = texts.map((t, i) => {
      const byHeader = headerRoles[i];
      const byContent = roleOfCell(t);
      if (byHeader === 'value' || byHeader === 'test' || byHeader === 'description' || !byHeader) return byContent;
      // The first column's names win over its header ("Most recent to oldest [Reference Range]:").
      if (i === 0 && byContent === 'name') return byContent;
      return byHeader === 'notes' || byHeader === 'status' || byHeader === 'created' ? 'other' : byHeader;
    });
    const nameAt = roles.findIndex((r, i) => r === 'name' && headerRoles[i] !== 'notes');
    const valueAt = roles.flatMap((r, i) => (r === 'value' && i !== nameAt ? [i] : []));
    const pressures =
      nameAt >= 0
        ? texts.flatMap((t, i) => (i === nameAt ? [] : bloodPressure(texts[nameAt]!, t, headerDates[i])))
        : [];
    if (pressures.length > 0 && valueAt.length === 0) {
      out.rows.push(...pressures);
      continue;
    }
    if (valueAt.length === 0) continue;
    const parsedName = nameAt >= 0 ? nameAndRange(texts[nameAt]!) : undefined;
    if (!parsedName || !isTestName(parsedName.name) || nameAt > valueAt[0]!) {
      out.textOnly += valueAt.length;
      out.rows.push(unparsedRow(texts.join(' ')));
      continue;
    }
    const common = { name: parsedName.name, nameRange: parsedName.range, ...besides(texts, roles, nameAt) };
    if (valueAt.length === 1) {
      out.rows.push(contentRow({ ...common, value: valueOf(texts[valueAt[0]!]!)! }));
      continue;
    }
    // Several values in one row: one per column only when each column (or each value) says its date.
    const values = valueAt.map((i) => ({ cell: valueOf(texts[i]!)!, date: headerDates[i] }));
    if (values.every((v) => v.cell.date || v.date)) {
      for (const v of values) out.rows.push(contentRow({ ...common, value: v.cell, date: v.date ?? common.date }));
      continue;
    }
    out.textOnly += valueAt.length;
    out.rows.push(unparsedRow(texts.join(' ')));
  }
}

/** "Hgb Bld-mCnc 13.50 g/dL (12.0-15.5) H": a name, then one value with what goes with it. */
export function lineResult(line: string): RowParts | undefined {
  const tokens = oneLineText(line).split(' ');
  if (tokens.length < 2 || tokens.length > 24) return undefined;
  for (let k = 1; k < tokens.length; k++) {
    if (!/^(?:[<>≤≥]=?)?[-+]?\.?\d/.test(tokens[k]!)) continue;
    const name = tokens
      .slice(0, k)
      .join(' ')
      .replace(/\s*[:=]$/, '');
    const { name: test, range: nameRange } = nameAndRange(name);
    if (!isTestName(test) || /\d$/.test(test.replace(/\b[A-Za-z]+\d+$/, ''))) return undefined;
    const rest = tokens.slice(k).join(' ');
    const single = valueOf(rest);
    const value = single ? { value: single } : valueWithRange(rest);
    // A bare "name number" line ("Room 12") is not a result: a line needs a unit, range or flag to tie them.
    const tied =
      value && (value.value.unit || value.value.flag || value.value.range || 'range' in value || !value.value.numeric);
    return tied ? { name: test, nameRange, ...value } : undefined;
  }
  return undefined;
}

/** "5.2 mmol/L 3.5-5.0 H": a value, a unit, then a bare range and a flag. */
function valueWithRange(text: string): { value: ValueCell; range?: string; flag?: string } | undefined {
  const m =
    /^(\S+(?:\s+\S+)?)\s+((?:[<>≤≥]=?\s*)?\d[\d.,]*\s*(?:-|–|to)?\s*[\d.,]*)(?:\s+(\S+(?:\s*\([A-Za-z ]+\))?))?$/.exec(
      text,
    );
  if (!m) return undefined;
  const value = valueOf(m[1]!);
  if (!value || !rangeOf(m[2]!)) return undefined;
  const flag = m[3] ? flagOf(m[3]) : undefined;
  if (m[3] && !flag) return undefined;
  return { value, range: m[2]!.trim(), flag };
}

/** A line that holds a number with a unit after some words: it looks like a result. */
const LOOKS_LIKE_RESULT =
  /[A-Za-z]{2}[^\n]*?(?:^|\s)(?:[<>≤≥]=?)?\d+(?:\.\d+)?\s*(?:%|[a-zµμ]{1,5}\/[A-Za-z0-9.]{1,6}|mmHg|mm\[Hg\]|(?:x\s?)?10[*^E+]\d{1,2}\/\w+|[KM]\/u[Ll]|THOUS\/MCL|IU\/L|U\/L|mEq\/L)(?=[\s,;)]|$)/i;

/** Tables are read on their own; scripts and styles hold no text. */
const skipped = (tag: string) => tag === 'TABLE' || holdsNoText(tag);

/** Cards and label/value blocks: an element whose few children are one name and one value (plus unit, range, flag, date). */
function cardParts(el: Element): RowParts | undefined {
  const children = Array.from(el.children).filter((c) => !skipped(c.tagName));
  if (children.length < 2 || children.length > 8) return undefined;
  const texts = children.map(cellText);
  const roles = texts.map(roleOfCell);
  const names = roles.flatMap((r, i) => (r === 'name' ? [i] : []));
  const values = roles.flatMap((r, i) => (r === 'value' ? [i] : []));
  if (names.length !== 1 || values.length !== 1 || names[0]! > values[0]!) return undefined;
  if (roles.some((r) => r === 'other')) return undefined;
  const { name, range: nameRange } = nameAndRange(texts[names[0]!]!);
  if (!isTestName(name)) return undefined;
  return { name, nameRange, value: valueOf(texts[values[0]!]!)!, ...besides(texts, roles) };
}

/** Tables are read on their own; headings name sections and panels ("Lab panel 2"), never a result. */
const NOT_LINES = /^(?:TABLE|H[1-6])$/;

/**
 * An inert copy of `root` without its tables, headings and the blocks already read: the lines left to read.
 * Copied node by node, so a page's 50,000-row table is never cloned only to be thrown away.
 */
function linesLeft(root: Element, taken: Set<Element>): Element {
  const inert = inertDocumentFor(root.ownerDocument);
  const copyChildren = (from: Node, into: Node) => {
    for (let child = from.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) into.appendChild(inert.importNode(child, false));
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (taken.has(el) || NOT_LINES.test(el.tagName)) continue;
      copyChildren(el, into.appendChild(inert.importNode(el, false)));
    }
  };
  const top = inert.importNode(root, false) as Element;
  copyChildren(root, top);
  return top;
}

/** Everything outside tables: definition lists, cards, then lines (list items, paragraphs) under their dates. */
function blocksByContent(root: Element, out: ContentResults): void {
  const taken = new Set<Element>();
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) => (skipped((n as Element).tagName) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  const elements: Element[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) elements.push(n as Element);
  // Innermost first, so a card is the smallest block that ties a name to its value; rows in page order.
  const found: { at: number; row: LabResultRow }[] = [];
  const push = (at: number, row: LabResultRow) => found.push({ at, row });
  const candidates = [root, ...elements];
  for (let at = candidates.length - 1; at >= 0; at--) {
    const el = candidates[at]!;
    if (el.tagName === 'DT') {
      const dd = el.nextElementSibling;
      const value = dd?.tagName === 'DD' ? valueOf(cellText(dd)) : undefined;
      const { name, range } = nameAndRange(cellText(el));
      if (dd && value && isTestName(name)) {
        push(at, contentRow({ name, nameRange: range, value }));
        taken.add(el).add(dd);
      }
      continue;
    }
    if (queryAll(el, '*').some((d) => taken.has(d))) continue;
    const parts = cardParts(el);
    if (parts) {
      push(at, contentRow(parts));
      taken.add(el);
    }
  }
  out.rows.push(...found.sort((a, b) => a.at - b.at).map((f) => f.row));
  // Lines of what is left, in reading order; a line that is only a date dates the lines under it.
  let date: string | undefined;
  for (const line of textOf(linesLeft(root, taken)).split('\n')) {
    const parts = lineResult(line);
    if (parts) {
      out.rows.push(contentRow({ ...parts, date: parts.date ?? date }));
      continue;
    }
    const lineDate = line.length <= 60 ? parseDate(line) : undefined;
    if (lineDate) date = lineDate;
    else if (LOOKS_LIKE_RESULT.test(line)) out.textOnly++;
  }
}

/** Every result `root` holds, by content; tables whose header names lab columns keep their header reading. */
export function readResultsByContent(root: Element): ContentResults {
  const out: ContentResults = { rows: [], textOnly: 0 };
  const tables: Element[] = queryAll(root, 'table').filter((t) => !t.parentElement?.closest('table'));
  if (root.tagName === 'TABLE') tables.unshift(root);
  for (const table of tables) {
    const roles = labColumns(table);
    if (roles) {
      const rows = readLabTable(table, roles);
      for (const row of rows) if (!row.unparsed) row.readBy = 'content';
      out.textOnly += rows.filter((r) => r.unparsed && LOOKS_LIKE_RESULT.test(r.value)).length;
      out.rows.push(...rows);
    } else tableByContent(table, out);
  }
  if (root.tagName !== 'TABLE') blocksByContent(root, out);
  return out;
}
