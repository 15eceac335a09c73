import type { Case, CaseRecord } from '../model';
import { sortRecords } from '../records';
import { sha256Hex } from '../hash';
import { indexPageHtml, type IndexedRecord } from './index-page';
import { Manifest, PACKAGE_FORMAT, type ManifestFile, type ManifestRecord } from './manifest';
import { packageFileName, recordFolderName } from './names';
import { readmeText } from './readme';
import { recordPageHtml, recordPageText } from './record-page';

export interface PackageInput {
  caseData: Case;
  records: CaseRecord[];
  generatedAt: Date;
  generator: { name: string; version: string };
  /** Re-sanitizes a stored snapshot: the package must be safe to open even if storage held a surprise. */
  sanitize: (html: string) => string;
}

export interface PackageEntry {
  path: string;
  data: Uint8Array;
  mediaType: string;
  /** Already-compressed formats are stored, not deflated again. */
  compress: boolean;
}

const encoder = new TextEncoder();
const textEntry = (path: string, text: string, mediaType: string): PackageEntry => ({
  path,
  data: encoder.encode(text),
  mediaType,
  compress: true,
});

/**
 * The package's files in zip order, the manifest last because it lists the size and SHA-256 of all others.
 * A generator, so the zip writer can stream and report progress between entries.
 */
export async function* packageEntries(input: PackageInput): AsyncGenerator<PackageEntry> {
  const { caseData, generatedAt, generator } = input;
  const ordered = sortRecords(input.records);
  const folders = ordered.map((r, i) => `records/${recordFolderName(i, r.clinicalDate, r.kind, r.title)}`);
  const allPaths = [
    'INDEX.HTM',
    'README.TXT',
    ...folders.flatMap((folder) => [`${folder}/record.html`, `${folder}/record.txt`]),
    'data/manifest.json',
  ];
  const files: ManifestFile[] = [];
  const emit = async (entry: PackageEntry) => {
    files.push({ path: entry.path, size: entry.data.byteLength, sha256: await sha256Hex(entry.data), mediaType: entry.mediaType });
    return entry;
  };

  const indexed: IndexedRecord[] = ordered.map((record, i) => ({ record, href: `${folders[i]}/record.html` }));
  yield await emit(textEntry('INDEX.HTM', indexPageHtml(caseData, indexed, generatedAt), 'text/html'));
  yield await emit(textEntry('README.TXT', readmeText(caseData, generatedAt, `${generator.name} ${generator.version}`, allPaths), 'text/plain'));

  const manifestRecords: ManifestRecord[] = [];
  for (const [i, record] of ordered.entries()) {
    const folder = folders[i]!;
    yield await emit(textEntry(`${folder}/record.html`, recordPageHtml(record, input.sanitize(record.snapshotHtml)), 'text/html'));
    yield await emit(textEntry(`${folder}/record.txt`, recordPageText(record), 'text/plain'));
    manifestRecords.push({
      id: record.id,
      kind: record.kind,
      title: record.title,
      clinicalDate: record.clinicalDate,
      capturedAt: record.capturedAt,
      provenance: record.provenance,
      contentHash: record.contentHash,
      structured: record.structured,
      note: record.note,
      files: [`${folder}/record.html`, `${folder}/record.txt`],
    });
  }

  const manifest = Manifest.parse({
    format: PACKAGE_FORMAT,
    generatedAt: generatedAt.toISOString(),
    generator,
    case: { title: caseData.title, createdAt: caseData.createdAt, updatedAt: caseData.updatedAt },
    records: manifestRecords,
    questions: [],
    opinions: [],
    files,
  });
  yield textEntry('data/manifest.json', JSON.stringify(manifest, null, 2), 'application/json');
}

export { packageFileName };
