import { sha256 } from '@noble/hashes/sha2.js';
import type { CaseDb } from '../core/db';
import { documentRoot, guessKind } from '../reading';
import { magicType } from '../attachments';
import type { CapturedRecord, CaseId } from '../core/model';
import { addRecords, type AddResult, type NewAttachment } from '../case';
import { NotCcda, parseCcda, type SectionOutcome } from './ccda';
import { ccdaToCapturedRecords } from './ccda-records';
import { decodePage, fromPage, PAGE_NAME, type PageReader } from './saved-page';
import { recordsFromVaJson } from './va-file';
import { readXdmPackage, ZipRefused } from './xdm';
import { MAX_XML_CHARS, XmlRefused, type XmlParser } from './xml';
import { applyPatientAndStory, fhirRecords, splitFhirFiles, type FhirImportSummary } from './fhir-files';
import type { FhirProgress, FhirSource } from '../fhir';

/** Records from files: PDFs and images become records with the file attached; pages, C-CDA, XDM, VA and FHIR JSON are read. */
export const FILE_LIMITS = {
  documentBytes: 512 * 1024 * 1024,
  xmlBytes: MAX_XML_CHARS,
  zipBytes: 200 * 1024 * 1024,
} as const;

export type FileImportError =
  | 'too-large'
  | 'unsupported'
  | 'empty'
  | 'not-xdm'
  | 'bad-xml'
  | 'not-xml'
  | 'not-ccda'
  | 'no-records'
  | 'bad-json'
  | 'not-fhir'
  /** Reading it failed in a way none of the above names (the reader itself threw). */
  | 'unreadable';

/** Every section of one imported C-CDA document and what became of it (nothing is dropped silently). */
export interface DocumentReport {
  /** The file, or `file.zip!IHE_XDM/SUBSET01/DOC0001.XML` for a document inside an XDM zip. */
  source: string;
  title: string;
  sections: SectionOutcome[];
}

export type FileRecords =
  | {
      ok: true;
      records: CapturedRecord[];
      attachments: NewAttachment[][];
      /** C-CDA and XDM: each document's sections. */
      report?: DocumentReport[];
      /** XDM: documents METADATA.XML lists that the zip does not hold. */
      missing?: string[];
      /** XDM: documents that could not be read (the others were). */
      unreadable?: UnreadableDocument[];
    }
  | { ok: false; error: FileImportError; detail?: string };

export interface UnreadableDocument {
  path: string;
  error: FileImportError;
  detail?: string;
}

/** The part of `File` we read, so Node tests can pass plain Blobs with a name. */
export interface NamedBlob {
  name: string;
  size: number;
  slice: Blob['slice'];
  arrayBuffer: Blob['arrayBuffer'];
}

const HASH_SLICE = 8 * 1024 * 1024;

/** SHA-256 of a file read in slices, so a 500 MB scan never sits in memory twice. */
async function hashFile(blob: Pick<Blob, 'slice' | 'size'>): Promise<string> {
  const hasher = sha256.create();
  for (let offset = 0; offset < blob.size; offset += HASH_SLICE) {
    hasher.update(new Uint8Array(await blob.slice(offset, offset + HASH_SLICE).arrayBuffer()));
  }
  return Array.from(hasher.digest(), (b) => b.toString(16).padStart(2, '0')).join('');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function documentRecord(name: string, mediaType: string, sha256: string, size: number, blob: Blob): FileRecords {
  const title =
    name
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .replace(/[_-]+/g, ' ')
      .trim()
      .slice(0, 1000) || name;
  // The hash is part of the snapshot so two different files with the same name are two records.
  const text = `${name}\n${mediaType}, ${size} bytes\nSHA-256 ${sha256}`;
  const record: CapturedRecord = {
    kind: guessKind(title, '', name),
    title,
    provenance: { portal: 'file', origin: 'file://', path: name.slice(0, 4096), pageTitle: name.slice(0, 1000) },
    snapshotHtml: `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(name)} (${escapeHtml(mediaType)}, ${size} bytes)</p>\n<p>SHA-256 ${sha256}</p>`,
    text,
  };
  return { ok: true, records: [record], attachments: [[{ name: name.slice(0, 200), mediaType, size, sha256, blob }]] };
}

function fromCcda(xml: string, fileName: string, parse: XmlParser): FileRecords {
  try {
    const doc = parseCcda(xml, parse);
    const records = ccdaToCapturedRecords(doc, fileName);
    const report = [{ source: fileName, title: doc.title, sections: doc.sections }];
    return records.length > 0
      ? { ok: true, records, attachments: records.map(() => []), report }
      : { ok: false, error: 'no-records' };
  } catch (error) {
    const error_: FileImportError =
      error instanceof XmlRefused && error.reason === 'malformed'
        ? 'not-xml'
        : error instanceof NotCcda
          ? 'not-ccda'
          : 'bad-xml';
    return { ok: false, error: error_, detail: error instanceof Error ? error.message.slice(0, 300) : undefined };
  }
}

/**
 * One file -> records (nothing written). Bad files give an error code, never partial records.
 * `parse` is the page's XML parser (the panel's `DOMParser`; jsdom's in Node).
 */
export async function recordsFromFile(file: NamedBlob, parse: XmlParser, page?: PageReader): Promise<FileRecords> {
  if (file.size === 0) return { ok: false, error: 'empty' };
  if (file.size > FILE_LIMITS.documentBytes) return { ok: false, error: 'too-large' };
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  const binary = magicType(head);
  if (binary) {
    const blob = file.slice(0, file.size, binary);
    return documentRecord(file.name, binary, await hashFile(blob), file.size, blob);
  }
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (file.size > FILE_LIMITS.zipBytes) return { ok: false, error: 'too-large' };
    try {
      const { documents, missing } = await readXdmPackage(new Uint8Array(await file.arrayBuffer()), parse);
      const parts = documents.map((d) => fromCcda(d.xml, `${file.name}!${d.path}`, parse));
      // One unreadable document does not cost the others: they are imported and it is named.
      const unreadable = parts.flatMap((p, i): UnreadableDocument[] =>
        p.ok ? [] : [{ path: documents[i]!.path, error: p.error, ...(p.detail ? { detail: p.detail } : {}) }],
      );
      const records = parts.flatMap((p) => (p.ok ? p.records : []));
      const bad = parts.find((p) => !p.ok);
      if (bad && records.length === 0) return bad;
      const report = parts.flatMap((p) => (p.ok ? (p.report ?? []) : []));
      return records.length > 0
        ? {
            ok: true,
            records,
            attachments: records.map(() => []),
            report,
            ...(missing.length ? { missing } : {}),
            ...(unreadable.length ? { unreadable } : {}),
          }
        : {
            ok: false,
            error: 'no-records',
            ...(missing.length
              ? { detail: `METADATA.XML lists documents the zip does not hold: ${missing.join(', ')}`.slice(0, 300) }
              : {}),
          };
    } catch (error) {
      return {
        ok: false,
        error: 'not-xdm',
        detail: error instanceof ZipRefused ? error.message.slice(0, 300) : undefined,
      };
    }
  }
  const headText = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (/^\s*[[{]/.test(headText.replace(/^\uFEFF/, '')) || /\.json$/i.test(file.name)) {
    if (file.size > FILE_LIMITS.xmlBytes) return { ok: false, error: 'too-large' };
    const records = recordsFromVaJson(new TextDecoder('utf-8').decode(await file.arrayBuffer()), file.name);
    if (records) return { ok: true, records, attachments: records.map(() => []) };
  }
  if (!/^\s*</.test(headText.replace(/^\uFEFF/, '')) && !PAGE_NAME.test(file.name) && !/\.xml$/i.test(file.name))
    return { ok: false, error: 'unsupported' };
  if (file.size > FILE_LIMITS.xmlBytes) return { ok: false, error: 'too-large' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decodePage(bytes);
  // The root decides, not the prolog: an XHTML page with `<?xml?>` and a DOCTYPE is a page; a C-CDA or any
  // other XML goes to the XML reader, which refuses DOCTYPEs and entities.
  const root = documentRoot(text);
  if (root === 'page' && page) return fromPage(text, file.name, page);
  if (root === 'clinical-document' || root === 'xml' || /\.xml$/i.test(file.name))
    return fromCcda(text.replace(/^\uFEFF/, ''), file.name, parse);
  if (root === 'unknown' && PAGE_NAME.test(file.name) && page) return fromPage(text, file.name, page);
  return { ok: false, error: 'unsupported' };
}

export interface FileImportOutcome {
  name: string;
  result:
    | {
        ok: true;
        added: number;
        duplicates: number;
        titles: string[];
        report?: DocumentReport[];
        missing?: string[];
        unreadable?: UnreadableDocument[];
        fhir?: FhirImportSummary;
      }
    | { ok: false; error: FileImportError | 'storage' | 'stopped'; detail?: string };
}

/** Imports files into a case, one transaction per file: a bad file writes nothing, good ones are kept. */
export async function importFiles(
  db: CaseDb,
  caseId: CaseId,
  files: NamedBlob[],
  parse: XmlParser,
  /** FHIR files: bytes checked of all (first pass), then resources read of all. */
  onProgress?: FhirProgress,
  page?: PageReader,
): Promise<FileImportOutcome[]> {
  const outcomes: FileImportOutcome[] = [];
  // FHIR files are read together (references cross files); everything else one file at a time.
  const { sources, tooLarge, rest } = await splitFhirFiles(files);
  for (const file of rest) {
    let parsed: FileRecords;
    try {
      parsed = await recordsFromFile(file, parse, page);
    } catch (error) {
      // One file the readers cannot cope with is reported as such; the files after it are still imported.
      parsed = { ok: false, error: 'unreadable', detail: error instanceof Error ? error.name : undefined };
    }
    if (!parsed.ok) {
      outcomes.push({ name: file.name, result: parsed });
      continue;
    }
    let saved: AddResult;
    try {
      saved = await addRecords(db, caseId, parsed.records, parsed.attachments);
    } catch (error) {
      outcomes.push({
        name: file.name,
        result: { ok: false, error: 'storage', detail: error instanceof Error ? error.name : undefined },
      });
      continue;
    }
    outcomes.push({
      name: file.name,
      result: {
        ok: true,
        added: saved.added.length,
        duplicates: saved.duplicates.length,
        titles: parsed.records.map((r) => r.title),
        ...(parsed.report ? { report: parsed.report } : {}),
        ...(parsed.missing ? { missing: parsed.missing } : {}),
        ...(parsed.unreadable ? { unreadable: parsed.unreadable } : {}),
      },
    });
  }
  for (const name of tooLarge) outcomes.push({ name, result: { ok: false, error: 'too-large' } });
  if (sources.length) outcomes.push(...(await importFhir(db, caseId, sources, onProgress)));
  return outcomes;
}

async function importFhir(
  db: CaseDb,
  caseId: CaseId,
  sources: FhirSource[],
  onProgress?: FhirProgress,
): Promise<FileImportOutcome[]> {
  const fhir = await fhirRecords(sources, onProgress);
  const outcomes: FileImportOutcome[] = fhir.summary.refused.map(({ file, error, detail }) => ({
    name: file,
    result: { ok: false, error, detail },
  }));
  if (!fhir.records.length && !fhir.read.patient && !fhir.read.story) return outcomes;
  const read = fhir.summary.files;
  const name = read.length === 1 ? read[0]! : `${read[0] ?? ''} (+${read.length - 1})`;
  try {
    const saved = await addRecords(db, caseId, fhir.records, fhir.attachments);
    const extras = await applyPatientAndStory(db, caseId, fhir.read);
    outcomes.push({
      name,
      result: {
        ok: true,
        added: saved.added.length,
        duplicates: saved.duplicates.length,
        titles: fhir.records.map((r) => r.title),
        fhir: { ...fhir.summary, ...extras },
      },
    });
  } catch (error) {
    outcomes.push({
      name,
      result: { ok: false, error: 'storage', detail: error instanceof Error ? error.name : undefined },
    });
  }
  return outcomes;
}
