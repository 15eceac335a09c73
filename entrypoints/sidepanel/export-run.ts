import { browser } from 'wxt/browser';
import type { MessageKey, Translate } from '../../components/i18n';
import { sanitizeSnapshot } from '../../lib/sanitize/sanitize';
import { ensureSanitizer } from './fallback-sanitizer';
import type { CaseDb } from '../../lib/core/db';
import { packageEntries, packageEntryCount, packageFileName } from '../../lib/export/package';
import type { PackageInput, PageSize } from '../../lib/export/package-input';
import { previewRedaction, redactedInput, type RedactionFinding } from '../../lib/export/redact';
import { readPackageInput } from '../../lib/export/package-source';
import { writeEncryptedZip } from '../../lib/export/zip-encrypted';
import { blobSink, writeZip } from '../../lib/export/zip';
import type { CaseId } from '../../lib/core/model';
import { sha256Hex } from '../../lib/core/hash';
import { logSentPackage } from '../../lib/case/sent-log';
import { streamedHashes } from '../../lib/export/streamed-hashes';
import type { DocumentLanguage } from '../../lib/core/document-language';

/** What the user chose in the export options. */
export interface ExportChoices {
  /** Records left out (all are included by default). */
  excludedRecordIds: string[];
  pageSize: PageSize;
  /** The language of the package's own pages (not necessarily the panel's); the panel's when not given. */
  language?: DocumentLanguage;
  /** The patient-shared FHIR bundle; on unless unticked. */
  patientShared?: boolean;
  redaction?: {
    names: string[];
    datesOfBirth: string[];
    /** Findings the user unticked, by lower-cased text. */
    rejected: string[];
  };
  /** Set only when the user asked for protection and both fields matched. */
  password?: string;
  /** Who the package is for, as typed on the export screen (kept in the case's sent log). */
  recipient?: string;
}

/**
 * The catalogue words the package repeats from the workspace (story labels, question families, checklist
 * families and hints) in the package language: the panel's own lookup when they agree, else that language's
 * catalogue read from the extension's own files (browser.i18n only knows the panel's language).
 */
async function packageTranslate(language: DocumentLanguage, t: Translate): Promise<(key: string) => string> {
  if (t('langCode') === language) return (key) => t(key as MessageKey);
  const url = browser.runtime.getURL(`/_locales/${language}/messages.json` as '/_locales/en/messages.json');
  const messages = (await (await fetch(url)).json()) as Record<string, { message?: string } | undefined>;
  return (key) => messages[key]?.message ?? t(key as MessageKey);
}

/** A snapshot of the case, read in one transaction, as the package builder wants it. */
export async function loadPackageInput(
  db: CaseDb,
  caseId: CaseId,
  choices: ExportChoices,
  t: Translate,
): Promise<PackageInput> {
  await ensureSanitizer();
  const language = choices.language ?? (t('langCode') === 'es' ? 'es' : 'en');
  return readPackageInput(db, caseId, {
    excludedRecordIds: choices.excludedRecordIds,
    generator: { name: 'Second Look', version: browser.runtime.getManifest().version },
    sanitize: (html) => sanitizeSnapshot(window, html),
    translate: await packageTranslate(language, t),
    pageSize: choices.pageSize,
    language,
    patientShared: choices.patientShared,
  });
}

export interface RedactionSummary {
  findings: RedactionFinding[];
  unredactedFiles: string[];
}

const findingKey = (f: Pick<RedactionFinding, 'text'>) => f.text.toLowerCase();

/** What redaction would remove with the names typed so far (the user reviews this before exporting). */
export async function redactionPreview(
  db: CaseDb,
  caseId: CaseId,
  choices: ExportChoices,
  t: Translate,
): Promise<RedactionSummary> {
  const input = await loadPackageInput(db, caseId, choices, t);
  const { findings, unredactedFiles } = previewRedaction(input, choices.redaction);
  return { findings, unredactedFiles };
}

/**
 * A redacted package never carries names inside its images: every DICOM file's header is de-identified
 * (Basic Profile, lib/imaging), or the export stops with the file named. The de-identifier loads only here.
 */
async function deidentifiedImages(input: PackageInput, t: Translate): Promise<PackageInput> {
  if (!input.attachments?.length) return input;
  const { deidentifyImages, DeidentificationRefused } = await import('../../lib/imaging');
  try {
    const images = await deidentifyImages(input.attachments, input.records);
    return { ...input, attachments: images.attachments, records: images.records };
  } catch (error) {
    if (error instanceof DeidentificationRefused)
      throw new Error(
        t(error.reason === 'burned-in-annotation' ? 'imagesBurnedIn' : 'imagesNotDeidentified', [error.file]),
      );
    throw error;
  }
}

/** SHA-256 of the saved zip: natively in one piece up to 256 MB, else in slices (never the whole file twice). */
async function zipSha256(zip: Blob): Promise<string> {
  if (zip.size <= 256 * 1024 * 1024) return sha256Hex(new Uint8Array(await zip.arrayBuffer()));
  return (await streamedHashes(zip)).sha256;
}

/** Resolves when the download finished, rejects when the browser interrupted it. */
function downloadFinished(id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== id) return;
      if (delta.state?.current === 'complete') {
        browser.downloads.onChanged.removeListener(listener);
        resolve();
      } else if (delta.state?.current === 'interrupted') {
        browser.downloads.onChanged.removeListener(listener);
        reject(new Error(delta.error?.current ?? 'download interrupted'));
      }
    };
    browser.downloads.onChanged.addListener(listener);
    // A small file may finish before the listener is attached.
    void browser.downloads.search({ id }).then(([item]) => {
      if (item?.state === 'complete') listener({ id, state: { current: 'complete' } });
      if (item?.state === 'interrupted')
        listener({ id, state: { current: 'interrupted' }, error: { current: item.error } });
    });
  });
}

/**
 * Builds the package from a snapshot of the case and hands it to the downloads API only once the zip
 * is complete: a cancel, an error or a closed panel before then leaves no download at all.
 */
export async function runExport(
  db: CaseDb,
  caseId: CaseId,
  choices: ExportChoices,
  t: Translate,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<string> {
  let input = await loadPackageInput(db, caseId, choices, t);
  if (choices.redaction) {
    const rejected = new Set(choices.redaction.rejected);
    // A redacted package never carries the patient-shared bundle: it exists to name the patient.
    input = redactedInput(input, choices.redaction, (f) => !rejected.has(findingKey(f)));
    input = await deidentifiedImages(input, t);
  }
  const total = packageEntryCount(input);
  const collector = blobSink();
  const options = {
    modified: input.generatedAt,
    signal,
    onProgress: ({ entries }: { entries: number }) => onProgress(entries, total),
  };
  if (choices.password)
    await writeEncryptedZip(packageEntries(input), collector.sink, { ...options, password: choices.password });
  else await writeZip(packageEntries(input), collector.sink, options);
  if (signal.aborted) throw new DOMException('Export cancelled', 'AbortError');
  const fileName = packageFileName(input.caseData.title, input.generatedAt);
  const zip = collector.blob();
  const sha256 = await zipSha256(zip);
  const url = URL.createObjectURL(zip);
  try {
    const id = await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
    await downloadFinished(id);
  } finally {
    URL.revokeObjectURL(url);
  }
  // Logged once the browser has the file: an export that never reached the disk was not sent.
  await logSentPackage(db, caseId, {
    sentAt: new Date().toISOString(),
    fileName,
    sha256,
    recordCount: input.records.length,
    redacted: input.redacted === true,
    passwordProtected: choices.password !== undefined,
    recipient: (choices.recipient ?? '').slice(0, 500),
  });
  return fileName;
}

export { findingKey };
