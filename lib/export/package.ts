import type { CaseRecord } from '../core/model';
import { sentLogFile, sortRecords } from '../case';
import { SENT_LOG_PATH } from './sent-log-html';
import { sha256Hex } from '../core/hash';
import { fhirBundle, type FhirFileRef } from './fhir-bundle';
import { isAlreadyCompressed, safeAttachmentName, sha1Base64 } from './files';
import { imagePath } from './image-paths';
import { indexPageHtml, type IndexedRecord } from './index-page';
import { Manifest, PACKAGE_FORMAT, type ManifestFile, type ManifestRecord } from './manifest';
import { packageFileName, recordFolderName } from './names';
import {
  attachmentExtraFields,
  entrySize,
  type AttachmentMeta,
  type PackageAttachment,
  type PackageEntry,
  type PackageInput,
} from './package-input';
import { streamedHashes } from './streamed-hashes';
import { PATIENT_SHARED_PATH, patientSharedBytes, patientSharedState } from './patient-shared';
import { packageText } from './package-text';
import { readmeText } from './readme';
import { recordPageHtml, recordPageText } from './record-page';

export type { PackageEntry, PackageInput } from './package-input';

const encoder = new TextEncoder();
const textEntry = (path: string, text: string, mediaType: string): PackageEntry => ({
  path,
  data: encoder.encode(text),
  mediaType,
  compress: true,
});

interface PlannedRecord {
  record: CaseRecord;
  folder: string;
  attachments: { source: PackageAttachment; fileName: string; path: string }[];
}

/** Folder and file names for every record and attachment, decided before anything is written. */
function plan(input: PackageInput): PlannedRecord[] {
  const byRecord = new Map<string, PackageAttachment[]>();
  for (const attachment of input.attachments ?? []) {
    const list = byRecord.get(attachment.recordId) ?? [];
    list.push(attachment);
    byRecord.set(attachment.recordId, list);
  }
  // Ties in kind and date fall back to title and content, not database order: an imported case
  // (new ids, new order) must get the same folder numbers.
  const ordered = sortRecords(
    [...input.records].sort(
      (a, b) =>
        a.title.localeCompare(b.title) ||
        a.contentHash.localeCompare(b.contentHash) ||
        a.capturedAt.localeCompare(b.capturedAt),
    ),
  );
  const known = new Set(ordered.map((r) => r.id));
  const orphan = [...byRecord.keys()].find((id) => !known.has(id));
  if (orphan) throw new Error(`attachment belongs to a record that is not in the package: ${orphan}`);
  return ordered.map((record, i) => {
    const folder = `records/${recordFolderName(i, record.clinicalDate, record.kind, record.title)}`;
    const taken = new Set<string>();
    // Sorted so the same case always gives the same names, whatever order the database returns.
    const sources = (byRecord.get(record.id) ?? []).sort(
      (a, b) => a.name.localeCompare(b.name) || a.sha256.localeCompare(b.sha256),
    );
    // A DICOM study's files go under images/, keeping the study's own folder layout (a viewer that
    // reads folders of DICOM finds its series as they were).
    const isStudy = record.structured?.type === 'imaging-study';
    const imagesFolder = `images/${folder.slice('records/'.length)}`;
    const attachments = sources.map((source) => {
      if (isStudy) {
        const path = imagePath(imagesFolder, source.name, taken);
        return { source, fileName: path.slice(imagesFolder.length + 1), path };
      }
      const fileName = safeAttachmentName(source.name, source.mediaType, taken);
      return { source, fileName, path: `${folder}/files/${fileName}` };
    });
    return { record, folder, attachments };
  });
}

/** How many entries `packageEntries` yields, for a progress bar. */
export function packageEntryCount(input: PackageInput): number {
  const fixed = 4 + (input.summaryPdf === false ? 0 : 1); // INDEX, README, [summary.pdf], FHIR bundle, manifest
  return (
    fixed +
    (patientSharedState(input) === 'included' ? 1 : 0) +
    2 * input.records.length +
    (input.attachments?.length ?? 0) +
    (input.sentLog?.length ? 1 : 0)
  );
}

/** Attachments above this size are streamed from their Blob (PackageInput.streamAbove). */
const STREAM_ABOVE = 64 * 1024 * 1024;

const bytesOf = async (data: Blob | Uint8Array): Promise<Uint8Array> =>
  data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());

/**
 * The package's files in zip order, the FHIR bundle and manifest last because they list the size and
 * hashes of all others. A generator, so the zip writer can stream and report progress between entries;
 * at most one file's bytes are held at a time.
 */
export async function* packageEntries(input: PackageInput): AsyncGenerator<PackageEntry> {
  const { caseData, generatedAt, generator, language = 'en' } = input;
  const text = packageText(language);
  const planned = plan(input);
  const withPdf = input.summaryPdf !== false;
  const shared = patientSharedState(input);
  const allPaths = [
    'INDEX.HTM',
    'README.TXT',
    ...(withPdf ? ['summary.pdf'] : []),
    ...planned.flatMap((p) => [
      `${p.folder}/record.html`,
      `${p.folder}/record.txt`,
      ...p.attachments.map((a) => a.path),
    ]),
    ...(input.sentLog?.length ? [SENT_LOG_PATH] : []),
    'data/fhir-bundle.json',
    ...(shared === 'included' ? [PATIENT_SHARED_PATH] : []),
    'data/manifest.json',
  ];
  const files: ManifestFile[] = [];
  const fhirRefs = new Map<string, FhirFileRef>();
  const emit = async (
    entry: PackageEntry,
    title = entry.path.split('/').pop()!,
    knownSha256?: string,
    knownSha1?: string,
  ) => {
    const sha256 = knownSha256 ?? (await sha256Hex(entry.data));
    files.push({ path: entry.path, size: entrySize(entry), sha256, mediaType: entry.mediaType });
    const sha1 = knownSha1 ?? (await sha1Base64(entry.data));
    fhirRefs.set(entry.path, {
      path: entry.path,
      size: entrySize(entry),
      sha1,
      mediaType: entry.mediaType,
      title,
    });
    return entry;
  };

  const indexed: IndexedRecord[] = planned.map(({ record, folder, attachments }) => ({
    record,
    href: `${folder}/record.html`,
    attachments: attachments.map((a) => ({
      name: a.fileName,
      href: a.path,
      mediaType: a.source.mediaType,
      size: a.source.size,
    })),
  }));
  const cover = { story: input.story, questions: input.questions, completeness: input.completeness };
  const index = indexPageHtml(
    caseData,
    indexed,
    generatedAt,
    {
      ...cover,
      opinions: input.opinions,
      sentLog: input.sentLog,
      patientShared: text.index.patientShared[shared](PATIENT_SHARED_PATH),
    },
    text,
  );
  yield await emit(textEntry('INDEX.HTM', index, 'text/html'));
  const generatorName = `${generator.name} ${generator.version}`;
  yield await emit(
    textEntry('README.TXT', readmeText(caseData, generatedAt, generatorName, allPaths, language), 'text/plain'),
  );
  if (withPdf) {
    // The PDF layout and writer load only when a summary PDF is wanted.
    const { summaryPdf } = await import('./summary-pdf');
    const pdf = await summaryPdf({
      caseData,
      records: planned.map((p) => p.record),
      generatedAt,
      pageSize: input.pageSize,
      language,
      ...cover,
    });
    yield await emit({ path: 'summary.pdf', data: pdf, mediaType: 'application/pdf', compress: false });
  }

  const manifestRecords: ManifestRecord[] = [];
  for (const { record, folder, attachments } of planned) {
    const links = attachments.map((a) => ({
      name: a.fileName,
      href: a.path.startsWith('images/') ? `../../${a.path}` : `files/${a.fileName}`,
    }));
    yield await emit(
      textEntry(
        `${folder}/record.html`,
        recordPageHtml(record, input.sanitize(record.snapshotHtml), links, language),
        'text/html',
      ),
    );
    yield await emit(textEntry(`${folder}/record.txt`, recordPageText(record, language), 'text/plain'));
    const metas: AttachmentMeta[] = [];
    for (const { source, fileName, path } of attachments) {
      const mediaType = source.mediaType || 'application/octet-stream';
      if (source.data instanceof Blob && source.data.size > (input.streamAbove ?? STREAM_ABOVE)) {
        // A large file (a multi-frame study, a long video) is never held whole: hashed and written in slices.
        const blob = source.data;
        const hashes = await streamedHashes(blob);
        if (blob.size !== source.size || hashes.sha256 !== source.sha256)
          throw new Error(`attachment ${source.id} does not match its recorded size or SHA-256`);
        yield await emit(
          { path, data: new Uint8Array(0), blob, mediaType, compress: false },
          source.name,
          hashes.sha256,
          hashes.sha1,
        );
        metas.push({ id: source.id, name: source.name, mediaType, size: blob.size, sha256: hashes.sha256, path });
        continue;
      }
      const data = await bytesOf(source.data);
      const sha256 = await sha256Hex(data);
      // A stored file that no longer matches its recorded hash is damaged; exporting it silently would mislead.
      if (data.byteLength !== source.size || sha256 !== source.sha256)
        throw new Error(`attachment ${source.id} does not match its recorded size or SHA-256`);
      // Hashed just above: emitting it must not hash the same bytes again.
      yield await emit(
        { path, data, mediaType, compress: !isAlreadyCompressed(mediaType, fileName) },
        source.name,
        sha256,
      );
      const fields = attachmentExtraFields(source);
      metas.push({
        id: source.id,
        name: source.name,
        mediaType,
        size: data.byteLength,
        sha256,
        path,
        ...(fields ? { fields: JSON.parse(JSON.stringify(fields)) as Record<string, never> } : {}),
      });
    }
    // Every stored field but the snapshot and text (they are the record's files) and the case id.
    const { caseId: _case, snapshotHtml: _page, text: _text, ...stored } = record;
    manifestRecords.push({
      ...stored,
      files: [`${folder}/record.html`, `${folder}/record.txt`, ...metas.map((m) => m.path)],
      ...(metas.length ? { attachments: metas } : {}),
    });
  }

  if (input.sentLog?.length)
    yield await emit(textEntry(SENT_LOG_PATH, JSON.stringify(sentLogFile(input.sentLog), null, 2), 'application/json'));
  const bundle = fhirBundle(
    planned.map(({ record, folder, attachments }) => ({
      record,
      pages: [fhirRefs.get(`${folder}/record.html`)!, fhirRefs.get(`${folder}/record.txt`)!],
      attachments: attachments.map((a) => fhirRefs.get(a.path)!),
    })),
    { generatedAt, agent: `The patient, with ${generatorName} on their own device` },
  );
  yield await emit(textEntry('data/fhir-bundle.json', JSON.stringify(bundle, null, 1), 'application/fhir+json'));
  if (shared === 'included') {
    const data = await patientSharedBytes(
      input,
      planned.map((p) => p.record),
    );
    yield await emit({ path: PATIENT_SHARED_PATH, data, mediaType: 'application/fhir+json', compress: true });
  }

  const manifest = Manifest.parse({
    format: PACKAGE_FORMAT,
    generatedAt: generatedAt.toISOString(),
    generator,
    ...(language !== 'en' ? { language } : {}),
    case: {
      title: caseData.title,
      createdAt: caseData.createdAt,
      updatedAt: caseData.updatedAt,
      ...(input.story?.reason ? { reason: input.story.reason } : {}),
      ...(input.story ? { story: input.story } : {}),
    },
    records: manifestRecords,
    questions: input.questions ?? [],
    ...(input.completeness ? { completeness: input.completeness } : {}),
    opinions: input.opinions ?? [],
    ...(input.workspace ? { workspace: input.workspace } : {}),
    files,
  });
  yield textEntry('data/manifest.json', JSON.stringify(manifest, null, 2), 'application/json');
}

export { packageFileName };
