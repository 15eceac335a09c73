import { sha256 } from '@noble/hashes/sha2.js';
import type { CapturedRecord, RecordKind, StructuredData } from '../core/model';
import type { ReadFile } from './read-documents';

export interface ReadRecord {
  record: CapturedRecord;
  files: ReadFile[];
}

export interface Source {
  file: string;
  /** `Type/id` of the resource in that file. */
  key: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Lines shown on the record page; the structured data holds every row. */
const SHOWN_LINES = 5000;

/**
 * A record read from FHIR: its provenance names the file and resource id of every resource it came
 * from; the snapshot is our own escaped HTML (nothing from the file is rendered as markup).
 */
export function readRecord(
  kind: RecordKind,
  title: string,
  clinicalDate: string | undefined,
  structured: StructuredData | undefined,
  sources: Source[],
  lines: string[],
  files: ReadFile[] = [],
): ReadRecord {
  const sourceText = sources.map((s) => `${s.file}#${s.key}`);
  const shown = lines.slice(0, SHOWN_LINES);
  const more = lines.length - shown.length;
  // Identifies the content for deduplication even when not every line is shown.
  const digest = Array.from(sha256(new TextEncoder().encode(JSON.stringify([lines, structured ?? null]))), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  const snapshotHtml = [
    `<h1>${escapeHtml(title)}</h1>`,
    shown.length ? `<ul>${shown.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '',
    more > 0 ? `<p>${more} more lines are in the structured data.</p>` : '',
    `<p>Read from FHIR: ${escapeHtml(sourceText.slice(0, 50).join(', '))}${sourceText.length > 50 ? ` and ${sourceText.length - 50} more` : ''}</p>`,
    `<p>Content SHA-256 ${digest}</p>`,
  ].join('\n');
  const text = [title, ...lines, '', `Read from FHIR: ${sourceText.join(', ')}`].join('\n');
  const files_ = [...new Set(sources.map((s) => s.file))];
  return {
    record: {
      kind,
      title: title.slice(0, 1000) || 'FHIR record',
      ...(clinicalDate ? { clinicalDate } : {}),
      provenance: {
        portal: 'fhir',
        origin: 'file://',
        path: sourceText.join(' ').slice(0, 4096),
        pageTitle: files_.join(', ').slice(0, 1000),
      },
      snapshotHtml,
      text: text.slice(0, 20 * 1024 * 1024),
      ...(structured ? { structured } : {}),
    },
    files,
  };
}
