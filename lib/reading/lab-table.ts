import type { LabResultRow, Medication } from '../core/model';
import { parseDate } from './dates';
import { cellText } from './dom';
import { type LabCells, labRow, unparsedRow } from './lab-row';
import { queryAll } from './text';

export type LabColumn =
  'test' | 'value' | 'unit' | 'range' | 'flag' | 'date' | 'created' | 'description' | 'notes' | 'status';

/** What a header names, checked in this order ("Result Date" is a date, "Abnormal Flag" a flag). */
const HEADER_ROLES: [RegExp, LabColumn][] = [
  [/\b(created|entered|received|reported)\b.*\bdate\b|^created/i, 'created'],
  [/\bdate\b|\bcollected\b|\bdate\/time\b|^when$/i, 'date'],
  [/flag|interpretation|abnormal|^h\/l$/i, 'flag'],
  [/range|reference|normal|standard|^ref\b/i, 'range'],
  [/^(units?|uom)$/i, 'unit'],
  [
    /^(value|result|results|your value|result value|observed value|current|finding|(?:value|result) ?\/ ?units?)$/i,
    'value',
  ],
  [
    /^(test|tests|component|components|name|test name|analyte|lab|lab test|observation|result name|item|test description|component name)$/i,
    'test',
  ],
  [/^description$/i, 'description'],
  [/details|comments?|notes?/i, 'notes'],
  [/^status$/i, 'status'],
];

/** MyChart's legacy table names its columns by class. */
const CLASS_ROLES: [string, LabColumn][] = [
  ['nameCol', 'test'],
  ['valueCol', 'value'],
  ['rangeCol', 'range'],
  ['flagCol', 'flag'],
  ['unitCol', 'unit'],
  ['dateCol', 'date'],
];

export function columnRole(cell: Element): LabColumn | undefined {
  for (const [cls, role] of CLASS_ROLES) if (cell.classList.contains(cls)) return role;
  return roleOfHeader(cellText(cell));
}

export const roleOfHeader = (text: string): LabColumn | undefined =>
  HEADER_ROLES.find(([re]) => re.test(text.trim()))?.[1];

/** The table's own rows (not those of tables inside it). */
export const rowsOf = (table: Element) => queryAll(table, 'tr').filter((tr) => tr.closest('table') === table);

/** The table's own first row, found without listing every row (a table in its caption comes first). */
function firstRow(table: Element): Element | undefined {
  const first = table.querySelector('tr');
  if (!first || first.closest('table') === table) return first ?? undefined;
  return rowsOf(table)[0];
}

/**
 * The header row: the first row of `thead`, else a first row made of `th` cells, else (older portals
 * style `td` as headers) a first row in which every cell names a known column.
 */
function headerRow(table: Element, first = firstRow(table)): Element | undefined {
  if (!first) return undefined;
  const cells = Array.from(first.children);
  if (first.parentElement?.tagName === 'THEAD' || cells.every((c) => c.tagName === 'TH')) return first;
  if (cells.length >= 2 && cells.every((c) => columnRole(c) !== undefined)) return first;
  return undefined;
}

/** Column roles by index, when the table has the columns of a lab result (a test and a value). */
export function labColumns(table: Element): (LabColumn | undefined)[] | undefined {
  const header = headerRow(table);
  if (!header) return undefined;
  const roles: (LabColumn | undefined)[] = [];
  for (const cell of Array.from(header.children)) {
    const role = columnRole(cell);
    // A second "test-like" column (athena's Name then Description) is a description, not a second name.
    const taken = role && roles.includes(role) ? (role === 'test' ? 'description' : undefined) : role;
    const span = Number(cell.getAttribute('colspan') ?? '1') || 1;
    for (let i = 0; i < span; i++) roles.push(taken);
  }
  if (!roles.includes('test') && roles.includes('description')) roles[roles.indexOf('description')] = 'test';
  return roles.includes('test') && roles.includes('value') ? roles : undefined;
}

/**
 * Rows of a lab table. A row whose cells do not line up with the header is kept whole as unparsed text;
 * a single full-width cell after a result is that result's note (FHIR portals print notes this way).
 */
export function readLabTable(
  table: Element,
  roles: (LabColumn | undefined)[] = labColumns(table) ?? [],
): LabResultRow[] {
  const all = rowsOf(table);
  const header = headerRow(table, all[0]);
  const rows: LabResultRow[] = [];
  const column = new Map<LabColumn, number>();
  roles.forEach((role, i) => role && !column.has(role) && column.set(role, i));
  const get = (role: LabColumn) => {
    const i = column.get(role);
    return i === undefined ? undefined : texts[i];
  };
  const valueAt = column.get('value') ?? -1;
  // The table is read in this one pass over its rows, each cell once: big result tables spend most of
  // their reading time here, so the cells are visited in place rather than copied into lists.
  const cells: Element[] = [];
  const texts: string[] = [];
  for (const tr of all) {
    if (tr === header || tr.parentElement?.tagName === 'TFOOT') continue;
    cells.length = 0;
    texts.length = 0;
    let spans = 0;
    let blank = true;
    for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName !== 'TD' && c.tagName !== 'TH') continue;
      const cellValue = cellText(c);
      if (cellValue !== '') blank = false;
      cells.push(c);
      texts.push(cellValue);
      const colspan = c.getAttribute('colspan');
      spans += colspan === null ? 1 : Number(colspan) || 1;
    }
    if (blank) continue;
    const text = texts.join(' ').trim();
    if (cells.length === 1 && roles.length > 1) {
      const previous = rows[rows.length - 1];
      if (previous && !previous.unparsed) previous.notes = previous.notes ? `${previous.notes}\n${text}` : text;
      else rows.push(unparsedRow(text));
      continue;
    }
    if (spans !== roles.length || cells.length !== roles.length) {
      rows.push(unparsedRow(text));
      continue;
    }
    const valueCell = cells[valueAt];
    const test = get('test') ?? '';
    const description = get('description');
    const status = get('status');
    const lab: LabCells = {
      test,
      value: get('value') ?? '',
      unit: get('unit'),
      range: get('range'),
      flag: get('flag'),
      flagClasses: `${tr.className} ${valueCell?.className ?? ''}`,
      date: get('date') ?? get('created'),
      notes: [
        description && description.toLowerCase() !== test.toLowerCase() ? description : '',
        get('notes') ?? '',
        // Corrected, preliminary or pending results must say so next to the value.
        status && !/^(final|completed?|resulted)$/i.test(status) ? `Status: ${status}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    };
    rows.push(labRow(lab));
  }
  return rows;
}

const MED_NAME = /^(medications?|medicine|drug|name|medication name|prescription)$/i;
const MED_OTHER = /dose|dosage|sig|instructions|frequency|route|strength|start|status|directions/i;

/** A medication table (name plus dose/instructions columns) as a list, or undefined. */
export function readMedicationTable(table: Element): Medication[] | undefined {
  const header = headerRow(table);
  if (!header) return undefined;
  const heads = Array.from(header.children).map(cellText);
  const nameAt = heads.findIndex((h) => MED_NAME.test(h));
  if (nameAt < 0 || !heads.some((h) => MED_OTHER.test(h))) return undefined;
  const at = (re: RegExp) => heads.findIndex((h, i) => i !== nameAt && re.test(h));
  // Each field, its column and its longest length, in the order a medication lists them (no limit: a date).
  const fields: [keyof Medication, number, number][] = [
    ['dose', at(/dose|dosage|strength|sig|instructions|directions/i), 200],
    ['route', at(/route/i), 100],
    ['frequency', at(/frequency|how often/i), 200],
    ['startDate', at(/start|prescribed|date/i), 0],
    ['status', at(/status/i), 100],
  ];
  const meds: Medication[] = [];
  for (const tr of rowsOf(table)) {
    if (tr === header) continue;
    const cells = Array.from(tr.children).map(cellText);
    const name = cells[nameAt];
    if (!name || cells.length !== heads.length) continue;
    const med: Medication = { name: name.slice(0, 500) };
    for (const [field, i, max] of fields) {
      const text = i >= 0 ? cells[i] : undefined;
      const value = max ? text?.slice(0, max) : parseDate(text ?? '');
      if (value) med[field] = value;
    }
    meds.push(med);
  }
  return meds;
}
