import type { ComponentChildren } from 'preact';
import type { Coding, StructuredData } from '../lib/core/model';
import { useT, type MessageKey } from './i18n';

type Cell = string | number | boolean | undefined;

/** A code as "system code", so the doctor can look it up; the display name is in the first column already. */
export const codeLabel = (code: Coding | undefined) => (code ? [code.system, code.code].filter(Boolean).join(' ') : '');

function Table({ headers, rows }: { headers: MessageKey[]; rows: Cell[][] }) {
  const t = useT();
  const text = (cell: Cell): ComponentChildren =>
    cell === true ? t('structuredYes') : cell === undefined || cell === false ? '' : String(cell);
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {t(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 500).map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} dir="auto">
                  {text(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const day = (date: string | undefined) => date?.slice(0, 10);

/**
 * Allergies, problems, procedures, immunizations, visits, family and social history as tables with
 * every field the source gave: values as written, never interpreted.
 */
export function StructuredList({ data }: { data: StructuredData }) {
  switch (data.type) {
    case 'allergies':
      return (
        <Table
          headers={[
            'structuredSubstance',
            'structuredReaction',
            'structuredSeverity',
            'structuredStatus',
            'structuredOnset',
            'structuredCode',
          ]}
          rows={data.allergies.map((a) => [
            a.substance,
            a.reaction,
            a.severity,
            a.status,
            day(a.onset),
            codeLabel(a.code),
          ])}
        />
      );
    case 'problems':
      return (
        <Table
          headers={['structuredProblem', 'structuredStatus', 'structuredOnset', 'structuredResolved', 'structuredCode']}
          rows={data.problems.map((p) => [p.name, p.status, day(p.onset), day(p.resolved), codeLabel(p.code)])}
        />
      );
    case 'procedures':
      return (
        <Table
          headers={[
            'structuredProcedure',
            'structuredDate',
            'structuredStatus',
            'structuredPerformer',
            'structuredBodySite',
            'structuredCode',
          ]}
          rows={data.procedures.map((p) => [p.name, day(p.date), p.status, p.performer, p.bodySite, codeLabel(p.code)])}
        />
      );
    case 'immunizations':
      return (
        <Table
          headers={['structuredVaccine', 'structuredDate', 'structuredStatus', 'structuredLot', 'structuredCode']}
          rows={data.immunizations.map((v) => [v.vaccine, day(v.date), v.status, v.lotNumber, codeLabel(v.code)])}
        />
      );
    case 'encounters':
      return (
        <Table
          headers={[
            'structuredEncounter',
            'structuredDate',
            'structuredLocation',
            'structuredProvider',
            'structuredReason',
            'structuredCode',
          ]}
          rows={data.encounters.map((e) => [
            e.type,
            [day(e.date), day(e.end)].filter(Boolean).join(' – '),
            e.location,
            e.provider,
            e.reason,
            codeLabel(e.code),
          ])}
        />
      );
    case 'family-history':
      return (
        <Table
          headers={[
            'structuredRelative',
            'structuredCondition',
            'structuredOnsetAge',
            'structuredDeceased',
            'structuredCode',
          ]}
          rows={data.members.map((m) => [m.relationship, m.condition, m.onsetAge, m.deceased, codeLabel(m.code)])}
        />
      );
    case 'entries':
      return (
        <Table
          headers={['structuredName', 'structuredValue', 'structuredDate', 'structuredStatus', 'structuredCode']}
          rows={data.entries.map((e) => [e.name, e.value, day(e.date), e.status, codeLabel(e.code)])}
        />
      );
    default:
      return null;
  }
}
