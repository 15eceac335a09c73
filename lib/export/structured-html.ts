import type { Coding, StructuredData } from '../core/model';
import { escapeHtml } from './html';

type Cell = string | boolean | undefined;
interface StructuredTable {
  caption: string;
  headers: string[];
  rows: Cell[][];
}

const code = (c: Coding | undefined) => (c ? [c.system, c.code].filter(Boolean).join(' ') : undefined);
const day = (date: string | undefined) => date?.slice(0, 10);

/**
 * The coded lists a record holds (allergies, problems, procedures, immunizations, visits, family and
 * social history, medications) as tables: every field the source gave, as written. Lab panels and
 * reports are not here: their own tables are the record's snapshot already.
 */
export function structuredTables(data: StructuredData | undefined): StructuredTable[] {
  switch (data?.type) {
    case 'allergies':
      return [
        {
          caption: 'Allergies and intolerances',
          headers: ['Substance', 'Reaction', 'Severity', 'Status', 'Onset', 'Code'],
          rows: data.allergies.map((a) => [a.substance, a.reaction, a.severity, a.status, day(a.onset), code(a.code)]),
        },
      ];
    case 'problems':
      return [
        {
          caption: 'Problems',
          headers: ['Problem', 'Status', 'Onset', 'Resolved', 'Code'],
          rows: data.problems.map((p) => [p.name, p.status, day(p.onset), day(p.resolved), code(p.code)]),
        },
      ];
    case 'procedures':
      return [
        {
          caption: 'Procedures',
          headers: ['Procedure', 'Date', 'Status', 'Performed by', 'Body site', 'Code'],
          rows: data.procedures.map((p) => [p.name, day(p.date), p.status, p.performer, p.bodySite, code(p.code)]),
        },
      ];
    case 'immunizations':
      return [
        {
          caption: 'Immunizations',
          headers: ['Vaccine', 'Date', 'Status', 'Lot', 'Code'],
          rows: data.immunizations.map((v) => [v.vaccine, day(v.date), v.status, v.lotNumber, code(v.code)]),
        },
      ];
    case 'encounters':
      return [
        {
          caption: 'Visits and encounters',
          headers: ['Visit', 'Date', 'Location', 'Provider', 'Reason', 'Code'],
          rows: data.encounters.map((e) => [
            e.type,
            [day(e.date), day(e.end)].filter(Boolean).join(' to '),
            e.location,
            e.provider,
            e.reason,
            code(e.code),
          ]),
        },
      ];
    case 'family-history':
      return [
        {
          caption: 'Family history',
          headers: ['Relative', 'Condition', 'Age at onset', 'Deceased', 'Code'],
          rows: data.members.map((m) => [m.relationship, m.condition, m.onsetAge, m.deceased, code(m.code)]),
        },
      ];
    case 'entries':
      return [
        {
          caption: 'Coded entries',
          headers: ['Observation', 'Value', 'Date', 'Status', 'Code'],
          rows: data.entries.map((e) => [e.name, e.value, day(e.date), e.status, code(e.code)]),
        },
      ];
    case 'medications':
      return [
        {
          caption: 'Medications',
          headers: ['Medication', 'Dose', 'Route', 'Frequency', 'Start', 'Status'],
          rows: data.medications.map((m) => [m.name, m.dose, m.route, m.frequency, day(m.startDate), m.status]),
        },
      ];
    default:
      return [];
  }
}

const cellText = (cell: Cell) => (cell === true ? 'yes' : cell === undefined || cell === false ? '' : cell);

/** The tables as escaped HTML (empty when the record has none). */
export function structuredTablesHtml(data: StructuredData | undefined): string {
  return structuredTables(data)
    .map(
      (table) =>
        `<h2>${escapeHtml(table.caption)}</h2>\n<div class="wide"><table><thead><tr>${table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n` +
        table.rows
          .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(cellText(c))}</td>`).join('')}</tr>`)
          .join('\n') +
        '\n</tbody></table></div>',
    )
    .join('\n');
}
