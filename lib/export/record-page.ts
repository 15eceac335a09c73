import type { CaseRecord } from '../core/model';
import { escapeHtml, htmlPage } from './html';
import { structuredTablesHtml } from './structured-html';
import { packageText, type DocumentLanguage } from './package-text';

export interface ProvenanceLine {
  label: string;
  value: string;
}

export type ProvenanceSource = Pick<
  CaseRecord,
  'title' | 'kind' | 'clinicalDate' | 'provenance' | 'capturedAt' | 'contentHash' | 'note'
>;

/** The header every record carries, in the same order in HTML and text. */
export function provenanceLines(record: ProvenanceSource, language: DocumentLanguage = 'en'): ProvenanceLine[] {
  const text = packageText(language);
  const label = text.record.labels;
  return [
    { label: label.record, value: record.title },
    // English keeps the kind's identifier (what packages always said); other languages name it.
    { label: label.kind, value: language === 'en' ? record.kind : text.kinds[record.kind] },
    { label: label.clinicalDate, value: record.clinicalDate ?? text.record.notStated },
    { label: label.portal, value: record.provenance.portalName ?? record.provenance.portal },
    { label: label.sourceAddress, value: record.provenance.origin + record.provenance.path },
    { label: label.pageTitle, value: record.provenance.pageTitle },
    { label: label.capturedAt, value: record.capturedAt },
    { label: label.sha256, value: record.contentHash },
    ...(record.note ? [{ label: label.note, value: record.note }] : []),
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
  language: DocumentLanguage = 'en',
): string {
  const text = packageText(language);
  const fileList = files.length
    ? `<p class="notice">${escapeHtml(text.record.filesWithRecord)} ${files.map((f) => `<a href="${escapeHtml(f.href)}">${escapeHtml(f.name)}</a>`).join(', ')}</p>\n`
    : '';
  const header = provenanceLines(record, language)
    .map(({ label, value }) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const tables = structuredTablesHtml(record.structured, language);
  return htmlPage(
    record.title,
    `<p class="notice"><a href="../../INDEX.HTM">&larr; ${escapeHtml(text.record.back)}</a></p>
<h1>${escapeHtml(record.title)}</h1>
<dl class="provenance">${header}</dl>
<p class="notice">${escapeHtml(text.record.copyNotice)}</p>
${fileList}${sectionLine(record, language)}${tables ? `${tables}\n` : ''}<div class="snapshot" tabindex="0" role="region" aria-label="${escapeHtml(text.record.snapshotLabel)}">${SNAPSHOT_START}${sanitizedSnapshot}${SNAPSHOT_END}</div>`,
    text.lang,
  );
}

export function recordPageText(record: CaseRecord, language: DocumentLanguage = 'en'): string {
  const header = provenanceLines(record, language)
    .map(({ label, value }) => `${label}: ${value}`)
    .join('\n');
  return `${header}\n${TEXT_RULE}\n${record.text}\n`;
}

/** A verbatim section names where it came from in its document (title and LOINC section code). */
function sectionLine(record: CaseRecord, language: DocumentLanguage): string {
  const section = record.structured?.type === 'note' ? record.structured.section : undefined;
  if (!section) return '';
  return `<p class="notice">${escapeHtml(packageText(language).record.section(section.title, section.code))}</p>\n`;
}
