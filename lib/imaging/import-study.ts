import { sha256 } from '@noble/hashes/sha2.js';
import type { CaseDb } from '../core/db';
import type { CapturedRecord, CaseId, ImagingStudy } from '../core/model';
import { addRecords, type NewAttachment } from '../case';
import { DicomError, isDicomFile, readDicomHeader, type DicomProblem } from './dicom-header';
import { instanceOf, type DicomInstance } from './dicom-instance';
import { readDicomdir } from './dicomdir';
import { studyList } from './study-list';

export const DICOM_MEDIA_TYPE = 'application/dicom';

/** A file of a study as picked, dropped or found in a folder: `path` is its path within what the user chose. */
export interface StudyFile {
  file: Pick<Blob, 'size' | 'slice'>;
  path: string;
}

export type ImagingImportError =
  | `dicom-${DicomProblem}`
  | 'dicomdir-points-nowhere'
  | 'dicomdir-missing-files'
  | 'dicom-several-patients'
  | 'dicom-skipped-files'
  | 'dicom-no-images'
  | 'storage';

/** Per study added, or per problem (a bad file is named; a warning says what was left out and why). */
export interface StudyImportOutcome {
  name: string;
  result:
    | { ok: true; added: number; duplicates: number; titles: string[] }
    | { ok: false; error: ImagingImportError; detail?: string };
}

const HASH_SLICE = 8 * 1024 * 1024;
/** Files up to this size are hashed whole by the platform (native SHA-256, ~10x the pure-JS hash on this
 * machine); larger ones in slices through the incremental hash, so memory stays bounded by this size. */
const WHOLE_HASH_MAX = 64 * 1024 * 1024;
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of a file, never holding more than 64 MB of it. */
export async function hashBlob(file: Pick<Blob, 'size' | 'slice'>): Promise<string> {
  if (file.size <= WHOLE_HASH_MAX)
    return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.slice(0, file.size).arrayBuffer())));
  const hasher = sha256.create();
  for (let at = 0; at < file.size; at += HASH_SLICE)
    hasher.update(new Uint8Array(await file.slice(at, Math.min(at + HASH_SLICE, file.size)).arrayBuffer()));
  return hex(hasher.digest());
}

const isDicomdir = (path: string) => /(^|\/)DICOMDIR$/i.test(path);
/** CD file ids may carry an ISO 9660 version (";1") or a trailing dot; case differs between systems. */
const pathKey = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/;\d+$/, '').replace(/\.$/, ''))
    .join('/')
    .toLowerCase();
const folderOf = (path: string) => path.split('/').slice(0, -1).join('/');

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The record's title, patient-free: the study description and modalities, or the modalities alone. */
export function studyTitle(study: ImagingStudy): string {
  const modalities = study.modalities.join('/') || 'DICOM';
  return (study.description ? `${study.description} (${modalities})` : `${modalities} imaging study`).slice(0, 1000);
}

function studyRecord(study: ImagingStudy, files: { path: string; sha256: string; size: number }[]): CapturedRecord {
  const title = studyTitle(study);
  const listHash = Array.from(
    sha256(
      new TextEncoder().encode(
        files
          .map((f) => f.sha256)
          .sort()
          .join('\n'),
      ),
    ),
    (b) => b.toString(16).padStart(2, '0'),
  ).join('');
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const rows = study.series.map(
    (s) =>
      `<tr><td>${escapeHtml(s.modality ?? '')}</td><td>${escapeHtml(s.description ?? '')}</td><td>${escapeHtml(s.bodyPart ?? '')}</td><td>${s.instances}</td></tr>`,
  );
  const text = [
    title,
    `${study.modalities.join(', ')}${study.date ? `, ${study.date}` : ''}`,
    `${study.series.length} series, ${study.instances} images, ${files.length} files, ${bytes} bytes`,
    ...study.series.map((s) => `${s.modality ?? ''} ${s.description ?? ''}: ${s.instances}`.trim()),
    `SHA-256 of the file list ${listHash}`,
  ].join('\n');
  return {
    kind: 'imaging',
    title,
    ...(study.date ? { clinicalDate: study.date } : {}),
    provenance: { portal: 'file', origin: 'file://', path: 'DICOM', pageTitle: title },
    snapshotHtml:
      `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(study.modalities.join(', '))}${study.date ? `, ${study.date}` : ''}: ` +
      `${study.series.length} series, ${study.instances} images, ${files.length} files (${bytes} bytes)</p>\n` +
      `<table><thead><tr><th>Modality</th><th>Series</th><th>Body part</th><th>Images</th></tr></thead>` +
      `<tbody>${rows.join('')}</tbody></table>\n<p>SHA-256 of the file list ${listHash}</p>`,
    text,
    structured: study,
  };
}

const problemOf = (error: unknown): ImagingImportError =>
  error instanceof DicomError ? `dicom-${error.problem}` : 'dicom-unreadable';

/**
 * Imports the DICOM files among `files` (loose files, a folder, or a CD layout with a DICOMDIR) as one
 * imaging record per study, the files kept byte-exact as the record's attachments. Files are read only
 * in slices (headers, hashing); the database receives the File itself, so the browser copies it to disk
 * without the bytes passing through script. A bad file is named and left out; the others are kept.
 */
export async function importStudies(db: CaseDb, caseId: CaseId, files: StudyFile[]): Promise<StudyImportOutcome[]> {
  const outcomes: StudyImportOutcome[] = [];
  const byPath = new Map(files.map((f) => [pathKey(f.path), f]));
  const candidates = new Set(files.filter((f) => !isDicomdir(f.path)));
  for (const dir of files.filter((f) => isDicomdir(f.path))) {
    try {
      const { entries } = await readDicomdir(dir.file);
      const base = folderOf(dir.path);
      const missing = entries.filter((e) => !byPath.has(pathKey([base, ...e.path].join('/'))));
      if (entries.length > 0 && missing.length === entries.length)
        outcomes.push({
          name: dir.path,
          result: { ok: false, error: 'dicomdir-points-nowhere', detail: String(entries.length) },
        });
      else if (missing.length > 0)
        outcomes.push({
          name: dir.path,
          result: { ok: false, error: 'dicomdir-missing-files', detail: String(missing.length) },
        });
    } catch (error) {
      outcomes.push({ name: dir.path, result: { ok: false, error: problemOf(error) } });
    }
  }

  const found: { instance: DicomInstance; file: StudyFile }[] = [];
  let skipped = 0;
  for (const file of candidates) {
    if (!(await isDicomFile(file.file))) {
      skipped++;
      continue;
    }
    try {
      found.push({ instance: instanceOf((await readDicomHeader(file.file)).dataSet), file });
    } catch (error) {
      outcomes.push({ name: file.path, result: { ok: false, error: problemOf(error) } });
    }
  }
  if (skipped > 0 && found.length > 0)
    outcomes.push({
      name: String(skipped),
      result: { ok: false, error: 'dicom-skipped-files', detail: String(skipped) },
    });
  if (found.length === 0) {
    if (outcomes.length === 0)
      outcomes.push({ name: files[0]?.path ?? '', result: { ok: false, error: 'dicom-no-images' } });
    return outcomes;
  }
  const patients = new Set(found.map((f) => f.instance.patientKey)).size;
  if (patients > 1)
    outcomes.push({
      name: String(patients),
      result: { ok: false, error: 'dicom-several-patients', detail: String(patients) },
    });

  for (const { study, files: studyFiles } of studyList(found)) {
    const attachments: NewAttachment[] = [];
    for (const { file, path } of studyFiles) {
      const blob = file.slice(0, file.size, DICOM_MEDIA_TYPE);
      attachments.push({
        name: path.slice(-200),
        mediaType: DICOM_MEDIA_TYPE,
        size: file.size,
        sha256: await hashBlob(file),
        blob,
      });
    }
    const record = studyRecord(
      study,
      attachments.map((a) => ({ path: a.name, sha256: a.sha256, size: a.size })),
    );
    try {
      const saved = await addRecords(db, caseId, [record], [attachments]);
      outcomes.push({
        name: record.title,
        result: { ok: true, added: saved.added.length, duplicates: saved.duplicates.length, titles: [record.title] },
      });
    } catch (error) {
      outcomes.push({
        name: record.title,
        result: { ok: false, error: 'storage', detail: error instanceof Error ? error.name : undefined },
      });
    }
  }
  return outcomes;
}

/**
 * Which of the chosen files belong to an imaging import: DICOM files (by their DICM prefix) and
 * DICOMDIRs, and, when a folder holding them was chosen, everything else in that folder too (a CD's
 * viewer program and autorun files are counted and left out there, not reported one by one as
 * unsupported documents). The rest are documents for the ordinary file import.
 */
export async function sortChosenFiles<F extends StudyFile>(files: F[]): Promise<{ study: F[]; documents: F[] }> {
  const dicom = new Set<F>();
  for (const f of files) if (isDicomdir(f.path) || (await isDicomFile(f.file))) dicom.add(f);
  const folders = new Set([...dicom].filter((f) => f.path.includes('/')).map((f) => f.path.split('/')[0]!));
  const inStudyFolder = (f: F) => f.path.includes('/') && folders.has(f.path.split('/')[0]!);
  return {
    study: files.filter((f) => dicom.has(f) || inStudyFolder(f)),
    documents: files.filter((f) => !dicom.has(f) && !inStudyFolder(f)),
  };
}
