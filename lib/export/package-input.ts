import type { Case, CaseRecord } from '../core/model';
import type { CaseDetails, Opinion, Question } from '../core/workspace-model';
import { Sha256Hex } from '../core/model';
import { z } from '../core/schema';
import type { PatientDetails, Story } from '../core/workspace-model';
import type { StoryQuestion } from '../fhir';
import type { SentPackage } from '../core/sent-package';
import type { DocumentLanguage } from '../core/document-language';

/**
 * Case preparation the cover sheet shows. Optional everywhere: the story, questions and completeness
 * features are optional inputs, and a package without them is still a package.
 */
export const CaseStory = z.looseObject({
  /** Why the patient wants this opinion. */
  reason: z.optional(z.string().check(z.maxLength(20_000))),
  /** Free-text story, or labelled parts of it (symptoms, diagnosis, treatment so far, goals...). */
  summary: z.optional(z.string().check(z.maxLength(200_000))),
  sections: z.optional(
    z
      .array(z.object({ label: z.string().check(z.maxLength(300)), text: z.string().check(z.maxLength(200_000)) }))
      .check(z.maxLength(100)),
  ),
  timeSensitive: z.optional(z.boolean()),
});
export type CaseStory = z.infer<typeof CaseStory>;

export const PackageQuestion = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  text: z.string().check(z.maxLength(20_000)),
  /** Lower number = more important; the cover sheet lists questions in this order. */
  priority: z.number(),
  family: z.optional(z.string().check(z.maxLength(100))),
  answer: z.optional(z.string().check(z.maxLength(200_000))),
  recordIds: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(10_000))),
});
export type PackageQuestion = z.infer<typeof PackageQuestion>;

/** One checklist family (DOMAIN.md): `status` other than complete/present/ok counts as a gap, named by `hint`. */
export const CompletenessItem = z.looseObject({
  family: z.string().check(z.maxLength(100)),
  status: z.string().check(z.maxLength(50)),
  count: z.number().check(z.int(), z.nonnegative()),
  hint: z.string().check(z.maxLength(2000)),
});
export type CompletenessItem = z.infer<typeof CompletenessItem>;

export const isGap = (item: CompletenessItem): boolean =>
  !/^(complete|present|ok|done|not-applicable)$/i.test(item.status);

/** A file kept with a record, as the exporter receives it (any other field of the stored row rides along). */
export interface PackageAttachment {
  id: string;
  recordId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: Blob | Uint8Array;
  [field: string]: unknown;
}

/** Fields of an attachment row the package carries in their own places (or never: ids, the case, the bytes). */
export const ATTACHMENT_OWN_FIELDS = new Set([
  'id',
  'caseId',
  'recordId',
  'name',
  'mediaType',
  'size',
  'sha256',
  'blob',
  'data',
]);

const isBinary = (value: unknown) => value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value);

/** The rest of an attachment row (JSON only: bytes travel as files): what `AttachmentMeta.fields` carries. */
export function attachmentExtraFields(row: Record<string, unknown>): Record<string, unknown> | undefined {
  const extra = Object.entries(row).filter(
    ([key, value]) => !ATTACHMENT_OWN_FIELDS.has(key) && value !== undefined && !isBinary(value),
  );
  return extra.length ? Object.fromEntries(extra) : undefined;
}

export const AttachmentMeta = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.minLength(1), z.maxLength(1000)),
  mediaType: z.string().check(z.minLength(1), z.maxLength(200)),
  size: z.number().check(z.int(), z.nonnegative()),
  sha256: Sha256Hex,
  /** Where the file is in the zip. */
  path: z.string().check(z.minLength(1), z.maxLength(1000)),
  /**
   * Any other field the attachment row holds (e.g. what a DICOM reader noted about the file), kept as
   * stored so such additions survive a round trip without export or import knowing them. Bounded.
   */
  fields: z.optional(
    z
      .record(z.string().check(z.regex(/^[A-Za-z][\w-]{0,63}$/)), z.json())
      .check(z.refine((fields) => Object.keys(fields).length <= 50 && JSON.stringify(fields).length <= 1_000_000)),
  ),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export type PageSize = 'letter' | 'a4';

export interface PackageInput {
  caseData: Case;
  records: CaseRecord[];
  generatedAt: Date;
  generator: { name: string; version: string };
  /** Re-sanitizes a stored snapshot: the package must be safe to open even if storage held a surprise. */
  sanitize: (html: string) => string;
  story?: CaseStory;
  questions?: PackageQuestion[];
  completeness?: CompletenessItem[];
  attachments?: PackageAttachment[];
  /** The workspace rows as stored (manifest `workspace`), for a lossless import. */
  workspace?: ManifestWorkspaceInput;
  /** Every opinion as stored (manifest `opinions`). */
  opinions?: ManifestOpinionInput[];
  /** The language of the package's own words (INDEX.HTM, record pages, README.TXT, summary.pdf); English unless told. */
  language?: DocumentLanguage;
  /** summary.pdf page size; Letter unless told (most second-opinion centres are in the US). */
  pageSize?: PageSize;
  /** Leave out summary.pdf (e.g. a quick export); it is on by default. */
  summaryPdf?: boolean;
  /** Attachments larger than this (bytes; default 64 MB) are streamed from their Blob, never held whole. */
  streamAbove?: number;
  /** What data/patient-shared-bundle.json is built from; without it (or without the patient's details) it is left out. */
  patientShared?: PatientSharedChoice;
  /** Set by redaction: a redacted package never carries the patient-shared bundle (it exists to name the patient). */
  redacted?: boolean;
  /** The case's earlier exports (data/sent-log.json and INDEX.HTM); this package is not in it yet. */
  sentLog?: SentPackage[];
}

export interface PatientSharedChoice {
  /** The patient's choice in the export options (on by default). */
  include: boolean;
  patient?: PatientDetails;
  story: Story;
  questions: StoryQuestion[];
}

/** Whether the package carries data/patient-shared-bundle.json, and if not, why. */
export type PatientSharedState = 'included' | 'redacted' | 'unticked' | 'no-patient';

export interface PackageEntry {
  path: string;
  data: Uint8Array;
  mediaType: string;
  /** Already-compressed formats are stored, not deflated again. */
  compress: boolean;
  /** A large stored file: its bytes are this Blob's, read in slices as the zip is written; `data` is then empty. */
  blob?: Blob;
}

/** What `ManifestWorkspace` is made from (lib/export/workspace-cover.ts, packageWorkspace). */
export interface ManifestWorkspaceInput {
  details?: Omit<CaseDetails, 'caseId'>;
  questions: Omit<Question, 'caseId'>[];
}
export type ManifestOpinionInput = Omit<Opinion, 'caseId'>;

/** An entry's size, whether its bytes are in `data` or in a streamed Blob. */
export const entrySize = (entry: PackageEntry): number => entry.blob?.size ?? entry.data.byteLength;
