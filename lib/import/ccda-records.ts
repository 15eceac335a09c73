import { CapturedRecord } from '../model';
import type { CcdaDocument } from './ccda';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Imported C-CDA records as the records capture produces. The snapshot is the narrative as escaped,
 * preformatted text: nothing from the file is ever rendered as markup.
 */
export function ccdaToCapturedRecords(doc: CcdaDocument, fileName: string): CapturedRecord[] {
  return doc.records.map((record) =>
    CapturedRecord.parse({
      kind: record.kind,
      title: record.title.slice(0, 1000) || doc.title,
      clinicalDate: record.clinicalDate,
      provenance: {
        portal: 'ccda',
        origin: 'file://',
        path: fileName.slice(0, 4096),
        pageTitle: doc.title.slice(0, 1000),
      },
      snapshotHtml: `<h1>${escapeHtml(record.title)}</h1>\n<pre>${escapeHtml(record.text)}</pre>`,
      text: record.text,
      structured: record.structured,
    }),
  );
}
