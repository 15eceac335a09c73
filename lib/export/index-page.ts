import { RecordKind, type Case, type CaseRecord } from '../model';
import { escapeHtml, htmlPage } from './html';

export const KIND_LABELS: Record<RecordKind, string> = {
  note: "Doctors' notes",
  pathology: 'Diagnosis and pathology reports',
  imaging: 'Imaging reports',
  lab: 'Lab results',
  medication: 'Medication lists',
  plan: 'Treatment plans',
  surgical: 'Surgical and operative reports',
  'family-history': 'Family history',
  other: 'Other records',
};

export interface IndexedRecord {
  record: CaseRecord;
  /** Path of record.html relative to the zip root. */
  href: string;
}

/** INDEX.HTM: the doctor's entry point. Works offline with JavaScript disabled. */
export function indexPageHtml(caseData: Case, records: IndexedRecord[], generatedAt: Date): string {
  const groups = RecordKind.options
    .map((kind) => ({ kind, items: records.filter((r) => r.record.kind === kind) }))
    .filter((group) => group.items.length > 0);
  const sections = groups
    .map(
      ({ kind, items }) => `<h2 id="kind-${kind}">${escapeHtml(KIND_LABELS[kind])} (${items.length})</h2>
<table><thead><tr><th>Date</th><th>Record</th><th>Portal</th></tr></thead><tbody>
${items
  .map(
    ({ record, href }) =>
      `<tr><td>${escapeHtml(record.clinicalDate?.slice(0, 10) ?? 'undated')}</td><td><a href="${escapeHtml(href)}">${escapeHtml(record.title)}</a></td><td>${escapeHtml(record.provenance.origin)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  return htmlPage(
    `${caseData.title}: records for a second opinion`,
    `<h1>${escapeHtml(caseData.title)}</h1>
<p class="notice">Records collected by the patient from their patient portals with Second Look, for a second opinion.
Prepared ${escapeHtml(generatedAt.toISOString().slice(0, 10))}. ${records.length} record(s).
These are patient-collected copies; each record page names its source and the time it was captured.</p>
<nav><ul>${groups.map(({ kind, items }) => `<li><a href="#kind-${kind}">${escapeHtml(KIND_LABELS[kind])}</a> (${items.length})</li>`).join('')}</ul></nav>
${sections || '<p>No records in this case yet.</p>'}`,
  );
}
