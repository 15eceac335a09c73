import { CaseRecord, IsoDateTime, RecordKind, Sha256Hex, ClinicalDate, Provenance, StructuredData } from '../model';
import { z } from '../schema';
import { AttachmentMeta, CaseStory, CompletenessItem, PackageQuestion } from './package-input';

export const PACKAGE_FORMAT = 'second-look/1';

export const ManifestFile = z.object({
  path: z.string().min(1).max(1000),
  size: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  mediaType: z.string().min(1).max(200),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const ManifestRecord = z.object({
  id: CaseRecord.shape.id,
  kind: RecordKind,
  title: z.string(),
  clinicalDate: ClinicalDate.optional(),
  capturedAt: IsoDateTime,
  provenance: Provenance,
  contentHash: Sha256Hex,
  structured: StructuredData.optional(),
  note: z.string(),
  /** Paths (within the zip) of the record's page, text and attachments. */
  files: z.array(z.string()),
  /** The record's attachments, so an import can restore them (added in issue 5; absent in early packages). */
  attachments: z.array(AttachmentMeta).optional(),
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
    reason: z.string().optional(),
    story: CaseStory.optional(),
  }),
  records: z.array(ManifestRecord),
  questions: z.array(PackageQuestion.extend({ priority: z.number().optional() })),
  completeness: z.array(CompletenessItem).optional(),
  opinions: z.array(z.object({ id: z.string() }).loose()),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;
