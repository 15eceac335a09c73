import { CapturedRecord } from '../core/model';
import type { CcdaDocument, ImportedRecord } from './ccda';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The record's own coded results as an escaped table. Two panels of one section share its narrative
 * (two "Troponin T" panels on different days, say): without their own rows and date in the snapshot
 * they hashed alike and the second was dropped as a duplicate.
 */
function resultsTable(structured: CapturedRecord['structured']): string {
  if (structured?.type !== 'lab' || structured.results.length === 0) return '';
  const cell = (text: string | undefined) => `<td>${escapeHtml(text ?? '')}</td>`;
  const rows = structured.results.map(
    (r) =>
      `<tr>${cell(r.test)}${cell(r.value)}${cell(r.unit)}${cell(r.referenceRange)}${cell(r.flag)}${cell(r.date)}</tr>`,
  );
  return (
    '<table><thead><tr><th>Test</th><th>Value</th><th>Unit</th><th>Reference range</th><th>Flag</th><th>Date</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>\n`
  );
}

/** Where imported records came from: the file (or `file.zip!entry`), its portal family and its title. */
export interface ImportSource {
  portal: string;
  path: string;
  pageTitle: string;
}

/**
 * Records read from a file, as the records capture produces. The snapshot is the record's own results
 * and date, then the text as preformatted text, all escaped: nothing from the file is ever rendered
 * as markup.
 */
export function importedToCapturedRecords(records: ImportedRecord[], source: ImportSource): CapturedRecord[] {
  return records.map((record) =>
    CapturedRecord.parse({
      kind: record.kind,
      title: record.title.slice(0, 1000) || source.pageTitle.slice(0, 1000) || source.path.slice(0, 1000),
      clinicalDate: record.clinicalDate,
      provenance: {
        portal: source.portal,
        origin: 'file://',
        path: source.path.slice(0, 4096),
        pageTitle: source.pageTitle.slice(0, 1000),
      },
      snapshotHtml:
        `<h1>${escapeHtml(record.title)}</h1>\n` +
        (record.clinicalDate ? `<p>${escapeHtml(record.clinicalDate)}</p>\n` : '') +
        resultsTable(record.structured) +
        `<pre>${escapeHtml(record.text)}</pre>`,
      text: record.text,
      structured: record.structured,
    }),
  );
}

/** Imported C-CDA records (portal `ccda`, the document's title as the page title). */
export function ccdaToCapturedRecords(doc: CcdaDocument, fileName: string): CapturedRecord[] {
  return importedToCapturedRecords(doc.records, { portal: 'ccda', path: fileName, pageTitle: doc.title });
}
