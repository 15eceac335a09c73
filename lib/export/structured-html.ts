import type { Coding, StructuredData } from '../core/model';
import { escapeHtml } from './html';
import { packageText, type DocumentLanguage, type PackageText } from './package-text';

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
export function structuredTables(
  data: StructuredData | undefined,
  text: PackageText = packageText('en'),
): StructuredTable[] {
  const t = text.record.tables;
  switch (data?.type) {
    case 'allergies':
      return [
        {
          ...t.allergies,
          rows: data.allergies.map((a) => [a.substance, a.reaction, a.severity, a.status, day(a.onset), code(a.code)]),
        },
      ];
    case 'problems':
      return [
        {
          ...t.problems,
          rows: data.problems.map((p) => [p.name, p.status, day(p.onset), day(p.resolved), code(p.code)]),
        },
      ];
    case 'procedures':
      return [
        {
          ...t.procedures,
          rows: data.procedures.map((p) => [p.name, day(p.date), p.status, p.performer, p.bodySite, code(p.code)]),
        },
      ];
    case 'immunizations':
      return [
        {
          ...t.immunizations,
          rows: data.immunizations.map((v) => [v.vaccine, day(v.date), v.status, v.lotNumber, code(v.code)]),
        },
      ];
    case 'encounters':
      return [
        {
          ...t.encounters,
          rows: data.encounters.map((e) => [
            e.type,
            [day(e.date), day(e.end)].filter(Boolean).join(text.dateSpan),
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
          ...t.familyHistory,
          rows: data.members.map((m) => [m.relationship, m.condition, m.onsetAge, m.deceased, code(m.code)]),
        },
      ];
    case 'entries':
      return [
        {
          ...t.entries,
          rows: data.entries.map((e) => [e.name, e.value, day(e.date), e.status, code(e.code)]),
        },
      ];
    case 'medications':
      return [
        {
          ...t.medications,
          rows: data.medications.map((m) => [m.name, m.dose, m.route, m.frequency, day(m.startDate), m.status]),
        },
      ];
    default:
      return [];
  }
}

const cellText = (cell: Cell, yes: string) => (cell === true ? yes : cell === undefined || cell === false ? '' : cell);

/** The tables as escaped HTML (empty when the record has none). */
export function structuredTablesHtml(data: StructuredData | undefined, language: DocumentLanguage = 'en'): string {
  const text = packageText(language);
  return structuredTables(data, text)
    .map(
      (table) =>
        `<h2>${escapeHtml(table.caption)}</h2>\n<div class="wide" tabindex="0" role="region" aria-label="${escapeHtml(table.caption)}"><table><thead><tr>${table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n` +
        table.rows
          .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(cellText(c, text.yes))}</td>`).join('')}</tr>`)
          .join('\n') +
        '\n</tbody></table></div>',
    )
    .join('\n');
}
