import {
  CaseRecord,
  IsoDateTime,
  RecordKind,
  Sha256Hex,
  ClinicalDate,
  Provenance,
  StructuredData,
} from '../core/model';
import { z } from '../core/schema';
import { AttachmentMeta, CaseStory, CompletenessItem, PackageQuestion } from './package-input';

export const PACKAGE_FORMAT = 'second-look/1';

export const ManifestFile = z.object({
  path: z.string().check(z.minLength(1), z.maxLength(1000)),
  size: z.number().check(z.int(), z.nonnegative()),
  sha256: Sha256Hex,
  mediaType: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const ManifestRecord = z.object({
  id: CaseRecord.shape.id,
  kind: RecordKind,
  title: z.string(),
  clinicalDate: z.optional(ClinicalDate),
  capturedAt: IsoDateTime,
  provenance: Provenance,
  contentHash: Sha256Hex,
  structured: z.optional(StructuredData),
  note: z.string(),
  /** Paths (within the zip) of the record's page, text and attachments. */
  files: z.array(z.string()),
  /** The record's attachments, so an import can restore them (added in issue 5; absent in early packages). */
  attachments: z.optional(z.array(AttachmentMeta)),
});
export type ManifestRecord = z.infer<typeof ManifestRecord>;

/** data/manifest.json (PACKAGE.md). Import parses every package with this before reading anything else. */
export const Manifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  generatedAt: IsoDateTime,
  generator: z.object({ name: z.string(), version: z.string() }),
  case: z.object({
    title: z.string(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    /** The reason for the opinion is `story.reason`; repeated here because it is what a reader looks for first. */
    reason: z.optional(z.string()),
    story: z.optional(CaseStory),
  }),
  records: z.array(ManifestRecord),
  questions: z.array(z.extend(PackageQuestion, { priority: z.optional(z.number()) })),
  completeness: z.optional(z.array(CompletenessItem)),
  opinions: z.array(z.looseObject({ id: z.string() })),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;
