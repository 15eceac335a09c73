import { CapturedRecord, type CaseRecord } from '../core/model';
import { Manifest, PACKAGE_FORMAT, type ManifestRecord } from '../export';
import { ImportError, fail, type ImportErrorCode } from './import-error';
import { snapshotFromPage, textFromPage } from './record-content';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipEntry, type ZipLimits } from './zip-directory';
import { aesEntryReader, type AesEntryReader } from './zip-aes-entry';
import { readEntry, readEntryWhole, type EntryDigest } from './zip-entry';
import { zipSource } from './zip-source';

export interface ImportLimits extends ZipLimits {
  /** data/manifest.json is parsed in memory. */
  maxManifestBytes: number;
}

export interface ImportOptions extends Partial<ImportLimits> {
  /** For a password-protected package (AES-256); without one such a package is refused as `encrypted`. */
  password?: string;
}

type EntryReader = (entry: ZipEntry, onChunk?: (chunk: Uint8Array) => void) => Promise<EntryDigest>;
type WholeReader = (entry: ZipEntry) => Promise<EntryDigest & { bytes: Uint8Array<ArrayBuffer> }>;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { ...DEFAULT_ZIP_LIMITS, maxManifestBytes: 256 * 1024 * 1024 };

/**
 * A record as it will be added to the new case: every stored field but the ids. Its snapshot is still
 * the package's and its content hash the manifest's: `importCase` sanitizes and re-hashes before writing.
 */
export type ImportedRecord = Omit<CaseRecord, 'id' | 'caseId' | 'updatedAt'> & {
  packageId: string;
  /** Absent in packages made before records carried it. */
  updatedAt?: string;
};

export interface ImportedAttachment {
  packageId: string;
  packageRecordId: string;
  name: string;
  mediaType: string;
  size: number;
  /** Computed from the bytes read, not copied from the manifest. */
  sha256: string;
  blob: Blob;
  /** Other fields of the stored row (AttachmentMeta.fields). */
  fields?: Record<string, unknown>;
}

export interface ImportedPackage {
  manifest: Manifest;
  records: ImportedRecord[];
  attachments: ImportedAttachment[];
  /** data/sent-log.json as parsed JSON (verified against the manifest like every file), when the package has one. */
  sentLog?: unknown;
}

export type ImportResult =
  { ok: true; data: ImportedPackage } | { ok: false; error: { code: ImportErrorCode; detail: string } };

const MANIFEST_PATH = 'data/manifest.json';
const SENT_LOG_PATH = 'data/sent-log.json';

async function readText(
  readAny: EntryReader,
  entry: ZipEntry,
): Promise<{ text: string; sha256: string; size: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let text = '';
  const digest = await readAny(entry, (chunk) => (text += decoder.decode(chunk, { stream: true })));
  return { text: text + decoder.decode(), ...digest };
}

/** Refuses newer formats by name before the schema sees them, so the user is told to update, not "invalid". */
function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('invalid-manifest', 'not JSON');
  }
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined;
  const version = typeof format === 'string' ? /^second-look\/(\d+)$/.exec(format) : null;
  if (!version) fail('unknown-format', typeof format === 'string' ? format.slice(0, 50) : 'no format');
  if (Number(version![1]) > Number(PACKAGE_FORMAT.split('/')[1])) fail('newer-format', String(format));
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.code}`);
    fail('invalid-manifest', where.join('; '));
  }
  return parsed.data!;
}

/** The manifest and the archive must describe the same files, and records may only point at listed ones. */
function crossCheck(manifest: Manifest, entries: ZipEntry[]): void {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  if (listed.size !== manifest.files.length) fail('invalid-manifest', 'a file is listed twice');
  const inZip = new Set(entries.filter((e) => !e.directory).map((e) => e.name));
  for (const name of inZip) if (name !== MANIFEST_PATH && !listed.has(name)) fail('unlisted-file', name);
  for (const path of listed.keys()) if (!inZip.has(path)) fail('missing-file', path);
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const record of manifest.records) {
    if (ids.has(record.id)) fail('invalid-manifest', `record ${record.id} twice`);
    // A case holds each content once (unique index in the db); a package that repeats one was not made by us.
    if (hashes.has(record.contentHash)) fail('invalid-manifest', `content ${record.contentHash} twice`);
    ids.add(record.id);
    hashes.add(record.contentHash);
    for (const path of record.files) if (!listed.has(path)) fail('missing-file', path);
    for (const attachment of record.attachments ?? []) {
      const file = listed.get(attachment.path);
      if (!file) fail('missing-file', attachment.path);
      if (file!.size !== attachment.size || file!.sha256 !== attachment.sha256) fail('hash-mismatch', attachment.path);
    }
  }
}

function toRecord(
  meta: ManifestRecord,
  html: string | undefined,
  txt: string | undefined,
  language: Manifest['language'],
): ImportedRecord {
  const snapshotHtml = html === undefined ? '' : snapshotFromPage(html);
  const text = txt === undefined ? '' : textFromPage(txt, meta, language);
  if (snapshotHtml === undefined || text === undefined)
    fail('invalid-record', `${meta.id}: page or text does not match the manifest`);
  if (!CapturedRecord.shape.snapshotHtml.safeParse(snapshotHtml).success) fail('too-large', `${meta.id}: page`);
  if (!CapturedRecord.shape.text.safeParse(text).success) fail('too-large', `${meta.id}: text`);
  // Every other field as the manifest schema (derived from CaseRecord, with its limits) accepted it.
  const { id, files: _files, attachments: _attachments, ...stored } = meta;
  return { ...stored, snapshotHtml: snapshotHtml!, text: text!, packageId: id };
}

/**
 * Reads a Second Look package and returns the case it holds, having checked everything first:
 * archive structure (zip-slip, links, duplicates, overlaps, sizes, ratios), the manifest schema and
 * format version, and the size and SHA-256 of every file, verified while streaming entry by entry.
 * Nothing is written anywhere; `importCase` does that once this has succeeded.
 */
export async function readPackage(data: Blob | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const { password, ...limits } = options;
  const all: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...limits };
  let aes: AesEntryReader | undefined;
  try {
    const source = zipSource(data);
    const entries = await readZipDirectory(source, all, { allowEncrypted: !!password });
    if (password && entries.some((e) => e.encrypted)) aes = await aesEntryReader(data, password);
    const readAny: EntryReader = (entry, onChunk) =>
      entry.encrypted ? aes!.read(entry, onChunk) : readEntry(source, entry, onChunk);
    return { ok: true, data: await read(entries, readAny, all, (entry) => readEntryWhole(source, entry)) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: { code: error.code, detail: error.detail } };
    throw error;
  } finally {
    await aes?.close();
  }
}

async function read(
  entries: ZipEntry[],
  readAny: EntryReader,
  limits: ImportLimits,
  readWhole: WholeReader,
): Promise<ImportedPackage> {
  const manifestEntry = entries.find((e) => e.name === MANIFEST_PATH);
  if (!manifestEntry) fail('missing-manifest', MANIFEST_PATH);
  if (manifestEntry!.size > limits.maxManifestBytes) fail('too-large', MANIFEST_PATH);
  const manifest = parseManifest((await readText(readAny, manifestEntry!)).text);
  crossCheck(manifest, entries);

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const pages = new Map<string, string>();
  const attachmentPaths = new Set(manifest.records.flatMap((r) => (r.attachments ?? []).map((a) => a.path)));
  const recordPages = new Set(manifest.records.flatMap((r) => r.files.filter((p) => !attachmentPaths.has(p))));
  const blobs = new Map<string, Blob>();
  const digests = new Map<string, string>();
  let sentLogText: string | undefined;
  // Archive order: one pass over the file, each entry verified before the next is read.
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const file = listed.get(entry.name);
    if (!file) continue;
    if (file.size !== entry.size) fail('size-mismatch', entry.name);
    let digest;
    if (entry.name === SENT_LOG_PATH) {
      const { text, ...rest } = await readText(readAny, entry);
      sentLogText = text;
      digest = rest;
    } else if (recordPages.has(entry.name)) {
      const { text, ...rest } = await readText(readAny, entry);
      pages.set(entry.name, text);
      digest = rest;
    } else if (attachmentPaths.has(entry.name) && !entry.encrypted) {
      // Kept whole anyway: read into one buffer and hash natively (readEntryWhole).
      const whole = await readWhole(entry);
      blobs.set(entry.name, new Blob([whole.bytes], { type: file.mediaType }));
      digest = whole;
    } else if (attachmentPaths.has(entry.name)) {
      const chunks: Uint8Array[] = [];
      digest = await readAny(entry, (chunk) => chunks.push(chunk.slice()));
      blobs.set(entry.name, new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: file.mediaType }));
    } else {
      digest = await readAny(entry);
    }
    if (digest.size !== file.size) fail('size-mismatch', entry.name);
    if (digest.sha256 !== file.sha256) fail('hash-mismatch', entry.name);
    digests.set(entry.name, digest.sha256);
  }

  const records = manifest.records.map((meta) => {
    const html = meta.files.find((p) => p.endsWith('/record.html'));
    const txt = meta.files.find((p) => p.endsWith('/record.txt'));
    return toRecord(meta, html ? pages.get(html) : undefined, txt ? pages.get(txt) : undefined, manifest.language);
  });
  const attachments = manifest.records.flatMap((meta) =>
    (meta.attachments ?? []).map((a) => ({
      packageId: a.id,
      packageRecordId: meta.id,
      name: a.name,
      mediaType: a.mediaType,
      size: a.size,
      sha256: digests.get(a.path)!,
      blob: blobs.get(a.path)!,
      ...(a.fields ? { fields: a.fields } : {}),
    })),
  );
  return { manifest, records, attachments, ...(sentLogText === undefined ? {} : { sentLog: parseJson(sentLogText) }) };
}

/** A sent log that is not JSON is dropped with the rest of its damage counted by the caller, never fatal. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
