import type { CaseDb } from '../core/db';
import type { CaseId, CapturedRecord } from '../core/model';
import { sha256Hex } from '../core/hash';
import { QuestionFamily, STORY_FIELDS } from '../core/workspace-model';
import { addQuestion, getDetails, setPatientField, setStoryField, type NewAttachment } from '../case';
import {
  readFhirSources,
  type FhirRead,
  type FhirProgress,
  type FhirSource,
  type RefusedFile,
  type ReportLine,
  type ReportProblem,
} from '../fhir';
import { readZipDirectory, type ZipEntry } from './zip-directory';
import { readEntryChunks } from './zip-entry';
import { zipSource, type ZipSource } from './zip-source';
import { vaRecordsFromJson } from '../portals';

/** What a FHIR import did, for the import report: every resource type with what became of it. */
export interface FhirImportSummary {
  files: string[];
  report: ReportLine[];
  problems: ReportProblem[];
  /** Files (or zip entries) that were JSON but not FHIR, or not JSON at all. */
  refused: RefusedFile[];
  patientFilled: boolean;
  storyRestored: boolean;
}

const FHIR_ZIP = { maxEntries: 20_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };
const TEXT_CHUNK = 1024 * 1024;

/** A file on disk read a megabyte at a time, never whole. */
function blobSource(name: string, blob: Pick<Blob, 'slice' | 'size'>): FhirSource {
  return {
    name,
    size: blob.size,
    async read(onText) {
      const decoder = new TextDecoder();
      for (let at = 0; at < blob.size; at += TEXT_CHUNK) {
        const bytes = new Uint8Array(await blob.slice(at, at + TEXT_CHUNK).arrayBuffer());
        onText(decoder.decode(bytes, { stream: true }), at + bytes.byteLength);
      }
      onText(decoder.decode(), blob.size);
    },
  };
}

/** A zip entry inflated piece by piece. */
function entrySource(name: string, zip: ZipSource, entry: ZipEntry): FhirSource {
  return {
    name,
    size: entry.size,
    async read(onText) {
      const decoder = new TextDecoder();
      let read = 0;
      await readEntryChunks(zip, entry, (chunk) => {
        read += chunk.byteLength;
        onText(decoder.decode(chunk, { stream: true }), read);
      });
      onText(decoder.decode(), entry.size);
    },
  };
}

/** The .json and .ndjson files inside a zip (a zipped folder of FHIR files), read from it when needed; none when it holds none. */
export async function fhirSourcesFromZip(
  zip: Pick<Blob, 'size' | 'slice'> | Uint8Array,
  zipName: string,
): Promise<FhirSource[]> {
  const source = zipSource(zip);
  const entries = await readZipDirectory(source, {
    ...FHIR_ZIP,
    maxTotalBytes: Number.MAX_SAFE_INTEGER,
    ratioMinBytes: 1025,
  });
  const wanted = entries.filter(
    (e) => !e.directory && /\.(nd)?json$/i.test(e.name) && !/(^|\/)__MACOSX\//.test(e.name),
  );
  if (wanted.reduce((n, e) => n + e.size, 0) > FHIR_ZIP.maxTotalBytes)
    throw new Error('The zip expands to more than the allowed size.');
  return wanted.map((entry) => entrySource(`${zipName}!${entry.name}`, source, entry));
}

export interface FhirRecords {
  records: CapturedRecord[];
  attachments: NewAttachment[][];
  read: FhirRead;
  summary: FhirImportSummary;
}

/** Several FHIR files read together, so a DiagnosticReport in one file finds its Observations in another. */
export async function fhirRecords(sources: FhirSource[], onProgress?: FhirProgress): Promise<FhirRecords> {
  const { read, refused, files } = await readFhirSources(sources, onProgress);
  const records = read.records.map((r) => r.record);
  const attachments: NewAttachment[][] = [];
  for (const { files } of read.records)
    attachments.push(
      await Promise.all(
        files.map(async (f) => ({
          name: f.name.slice(0, 200),
          mediaType: f.mediaType,
          size: f.bytes.byteLength,
          sha256: await sha256Hex(f.bytes),
          blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.mediaType }),
        })),
      ),
    );
  return {
    records,
    attachments,
    read,
    summary: {
      files,
      report: read.report,
      problems: read.problems,
      refused,
      patientFilled: false,
      storyRestored: false,
    },
  };
}

/**
 * "About the patient" and the story from the import, only where the case has nothing yet: an import
 * never overwrites what the patient typed.
 */
export async function applyPatientAndStory(
  db: CaseDb,
  caseId: CaseId,
  read: FhirRead,
): Promise<{ patientFilled: boolean; storyRestored: boolean }> {
  const details = await getDetails(db, caseId);
  let patientFilled = false;
  let storyRestored = false;
  if (read.patient && !details.patient?.name && !details.patient?.birthDate && !details.patient?.sex) {
    for (const field of ['name', 'birthDate', 'sex'] as const)
      if (read.patient[field]) await setPatientField(db, caseId, field, read.patient[field]);
    patientFilled = true;
  }
  if (read.story) {
    for (const field of STORY_FIELDS) {
      const value = read.story.story[field];
      if (value !== undefined && details.story[field] === undefined) {
        await setStoryField(db, caseId, field, value);
        storyRestored = true;
      }
    }
    if (!(await db.questions.where('caseId').equals(caseId).count()))
      for (const q of [...read.story.questions].sort((a, b) => a.priority - b.priority)) {
        const family = QuestionFamily.safeParse(q.family);
        if (family.success && q.text.trim()) await addQuestion(db, caseId, family.data, q.text.slice(0, 2000));
        storyRestored = true;
      }
  }
  return { patientFilled, storyRestored };
}

/** The part of `File` we read (as files.ts's NamedBlob). */
interface FileLike {
  name: string;
  size: number;
  slice: Blob['slice'];
  arrayBuffer: Blob['arrayBuffer'];
}

function isVaRecord(text: string): boolean {
  try {
    return vaRecordsFromJson(JSON.parse(text)) !== undefined;
  } catch {
    return false;
  }
}

/** FHIR files are read as they stream (memory follows the largest resource), up to the size of any document. */
export const FHIR_MAX_BYTES = 512 * 1024 * 1024;
/** VA.gov's record JSON is one page's answer: only files up to this size are looked at as one. */
const VA_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Which of the chosen files are FHIR (JSON or NDJSON by content or name, or a zip holding .json files);
 * the rest go the usual way (PDF, images, C-CDA, XDM).
 */
export async function splitFhirFiles<F extends FileLike>(
  files: F[],
): Promise<{ sources: FhirSource[]; tooLarge: string[]; rest: F[] }> {
  const sources: FhirSource[] = [];
  const tooLarge: string[] = [];
  const rest: F[] = [];
  for (const file of files) {
    const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
    const headText = new TextDecoder().decode(head).replace(/^\uFEFF/, '');
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    if (file.size > 0 && !isZip && (/^\s*[[{]/.test(headText) || /\.(nd)?json$/i.test(file.name))) {
      if (file.size > FHIR_MAX_BYTES) {
        tooLarge.push(file.name);
        continue;
      }
      // VA.gov's record JSON looks like FHIR but has a reader of its own (lib/portals, va-json).
      if (file.size <= VA_MAX_BYTES && isVaRecord(new TextDecoder().decode(await file.arrayBuffer()))) rest.push(file);
      else sources.push(blobSource(file.name, file));
      continue;
    }
    if (isZip && file.size <= FHIR_MAX_BYTES) {
      try {
        const inside = await fhirSourcesFromZip(file, file.name);
        if (inside.length) {
          sources.push(...inside);
          continue;
        }
      } catch {
        // Not a zip we can read as FHIR: the XDM reader says why.
      }
    }
    rest.push(file);
  }
  return { sources, tooLarge, rest };
}
