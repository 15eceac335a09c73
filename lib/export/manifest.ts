import { CaseRecord, IsoDateTime, Sha256Hex } from '../core/model';
import { DOCUMENT_LANGUAGES } from '../core/document-language';
import { z } from '../core/schema';
import { CaseDetails, Question } from '../core/workspace-model';
import { AttachmentMeta, CaseStory, CompletenessItem, PackageQuestion } from './package-input';

export const PACKAGE_FORMAT = 'second-look/1';

/**
 * Bounds for a manifest from someone else: every list and string is limited, so a hostile package is
 * refused by the schema before anything is read into memory or written (a package never legitimately
 * comes near them: the zip reader already allows at most 10,000 entries).
 */
export const MANIFEST_LIMITS = { files: 10_000, records: 10_000, questions: 10_000, opinions: 10_000, path: 1000 };

const Path = z.string().check(z.minLength(1), z.maxLength(MANIFEST_LIMITS.path));
const Label = (max: number) => z.string().check(z.maxLength(max));

export const ManifestFile = z.object({
  path: Path,
  size: z.number().check(z.int(), z.nonnegative()),
  sha256: Sha256Hex,
  mediaType: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/**
 * A record as stored, minus what lives in its files (the snapshot in record.html, the text in
 * record.txt) and the case it belongs to. Derived from CaseRecord, so a field added to records (or to
 * any structured type) travels in the package with its own limits, without touching export or import.
 */
export const ManifestRecord = z.extend(
  z.omit(CaseRecord, { caseId: true, snapshotHtml: true, text: true, updatedAt: true }),
  {
    /** When the record (its note) last changed; absent in packages made before it was kept. */
    updatedAt: z.optional(IsoDateTime),
    /** Paths (within the zip) of the record's page, text and attachments. */
    files: z.array(Path).check(z.maxLength(MANIFEST_LIMITS.files)),
    /** The record's attachments, so an import can restore them (absent in packages written before they were kept). */
    attachments: z.optional(z.array(AttachmentMeta).check(z.maxLength(MANIFEST_LIMITS.files))),
  },
);
export type ManifestRecord = z.infer<typeof ManifestRecord>;

/** A question as stored, with the package's record ids in its links. */
export const ManifestQuestionRow = z.omit(Question, { caseId: true });
export type ManifestQuestionRow = z.infer<typeof ManifestQuestionRow>;
/**
 * An opinion (PACKAGE.md `opinions[]`): our exporter writes the stored row minus its case id. Loose, so a
 * package with fields this version does not know still reads; import keeps only what parses as an
 * Opinion (with its limits), filling fields a package left out as empty.
 */
export const ManifestOpinion = z.looseObject({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
export type ManifestOpinion = z.infer<typeof ManifestOpinion>;

/**
 * The workspace exactly as stored, for software and for another Second Look to restore it without
 * loss: story, checklist marks, decision and redaction choices, and the questions with their families,
 * answers and times. (`case.story` and `questions[]` are the same content worded for a reader.)
 * Absent in packages made before it was kept.
 */
export const ManifestWorkspace = z.object({
  details: z.optional(z.omit(CaseDetails, { caseId: true })),
  questions: z.array(ManifestQuestionRow).check(z.maxLength(MANIFEST_LIMITS.questions)),
});
export type ManifestWorkspace = z.infer<typeof ManifestWorkspace>;

/** data/manifest.json (PACKAGE.md). Import parses every package with this before reading anything else. */
export const Manifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  generatedAt: IsoDateTime,
  generator: z.object({ name: Label(200), version: Label(100) }),
  /** The language of the package's own pages when not English (the records stay as the portals wrote them). */
  language: z.optional(z.enum(DOCUMENT_LANGUAGES)),
  case: z.object({
    title: z.string().check(z.minLength(1), z.maxLength(1000)),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    /** The reason for the opinion is `story.reason`; repeated here because it is what a reader looks for first. */
    reason: z.optional(Label(20_000)),
    story: z.optional(CaseStory),
  }),
  records: z.array(ManifestRecord).check(z.maxLength(MANIFEST_LIMITS.records)),
  questions: z
    .array(z.extend(PackageQuestion, { priority: z.optional(z.number()) }))
    .check(z.maxLength(MANIFEST_LIMITS.questions)),
  completeness: z.optional(z.array(CompletenessItem).check(z.maxLength(100))),
  /** Every opinion; `[]` in packages made before opinions were kept. */
  opinions: z.array(ManifestOpinion).check(z.maxLength(MANIFEST_LIMITS.opinions)),
  workspace: z.optional(ManifestWorkspace),
  files: z.array(ManifestFile).check(z.maxLength(MANIFEST_LIMITS.files)),
});
export type Manifest = z.infer<typeof Manifest>;
