import type { DocumentLanguage } from '../core/document-language';
import { SNAPSHOT_END, SNAPSHOT_START, TEXT_RULE, provenanceLines, type ProvenanceSource } from '../export';

/** The snapshot between our markers in record.html; the first start and last end marker are ours. */
export function snapshotFromPage(html: string): string | undefined {
  const start = html.indexOf(SNAPSHOT_START);
  const end = html.lastIndexOf(SNAPSHOT_END);
  return start >= 0 && end >= start + SNAPSHOT_START.length
    ? html.slice(start + SNAPSHOT_START.length, end)
    : undefined;
}

/**
 * The captured text from record.txt. The header is rebuilt from the manifest and must match, so a
 * note or title that happens to contain the rule line cannot shift where the text starts. The header is in
 * the package's language (the manifest's `language`, English in packages that name none).
 */
export function textFromPage(
  page: string,
  record: ProvenanceSource,
  language: DocumentLanguage = 'en',
): string | undefined {
  const header = `${provenanceLines(record, language)
    .map(({ label, value }) => `${label}: ${value}`)
    .join('\n')}\n${TEXT_RULE}\n`;
  if (!page.startsWith(header) || !page.endsWith('\n')) return undefined;
  return page.slice(header.length, -1);
}
