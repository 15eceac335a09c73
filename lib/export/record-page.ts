import type { CaseRecord } from '../core/model';
import { escapeHtml, htmlPage } from './html';
import { structuredTablesHtml } from './structured-html';

export interface ProvenanceLine {
  label: string;
  value: string;
}

export type ProvenanceSource = Pick<
  CaseRecord,
  'title' | 'kind' | 'clinicalDate' | 'provenance' | 'capturedAt' | 'contentHash' | 'note'
>;

/** The header every record carries, in the same order in HTML and text. */
export function provenanceLines(record: ProvenanceSource): ProvenanceLine[] {
  return [
    { label: 'Record', value: record.title },
    { label: 'Kind', value: record.kind },
    { label: 'Clinical date', value: record.clinicalDate ?? 'not stated' },
    { label: 'Portal', value: record.provenance.portalName ?? record.provenance.portal },
    { label: 'Source address', value: record.provenance.origin + record.provenance.path },
    { label: 'Page title', value: record.provenance.pageTitle },
    { label: 'Captured at', value: record.capturedAt },
    { label: 'SHA-256 of captured content', value: record.contentHash },
    ...(record.note ? [{ label: 'Patient note', value: record.note }] : []),
  ];
}

/** Comments around the snapshot so an import can take it back out unchanged (lib/import/record-content.ts). */
export const SNAPSHOT_START = '<!--second-look:snapshot-start-->';
export const SNAPSHOT_END = '<!--second-look:snapshot-end-->';
export const TEXT_RULE = '-'.repeat(72);

/** records/NNNN_.../record.html: provenance first, then the record as it looked. */
export function recordPageHtml(
  record: CaseRecord,
  sanitizedSnapshot: string,
  files: { name: string; href: string }[] = [],
): string {
  const fileList = files.length
    ? `<p class="notice">Files downloaded with this record: ${files.map((f) => `<a href="${escapeHtml(f.href)}">${escapeHtml(f.name)}</a>`).join(', ')}</p>\n`
    : '';
  const header = provenanceLines(record)
    .map(({ label, value }) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const tables = structuredTablesHtml(record.structured);
  return htmlPage(
    record.title,
    `<p class="notice"><a href="../../INDEX.HTM">&larr; Back to the index</a></p>
<h1>${escapeHtml(record.title)}</h1>
<dl class="provenance">${header}</dl>
<p class="notice">A copy the patient captured from their portal with Second Look. The original is the portal's record.</p>
${fileList}${sectionLine(record)}${tables ? `${tables}\n` : ''}<div class="snapshot">${SNAPSHOT_START}${sanitizedSnapshot}${SNAPSHOT_END}</div>`,
  );
}

export function recordPageText(record: CaseRecord): string {
  const header = provenanceLines(record)
    .map(({ label, value }) => `${label}: ${value}`)
    .join('\n');
  return `${header}\n${TEXT_RULE}\n${record.text}\n`;
}

/** A verbatim section names where it came from in its document (title and LOINC section code). */
function sectionLine(record: CaseRecord): string {
  const section = record.structured?.type === 'note' ? record.structured.section : undefined;
  if (!section) return '';
  return `<p class="notice">Section of the document: ${escapeHtml(section.title)}${section.code ? ` (LOINC ${escapeHtml(section.code)})` : ''}, kept as written.</p>\n`;
}
