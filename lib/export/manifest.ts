import { CaseRecord, IsoDateTime, RecordKind, Sha256Hex, ClinicalDate, Provenance, StructuredData } from '../model';
import { z } from '../schema';

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
  }),
  records: z.array(ManifestRecord),
  questions: z.array(z.object({ id: z.string(), text: z.string() }).loose()),
  opinions: z.array(z.object({ id: z.string() }).loose()),
  files: z.array(ManifestFile),
});
export type Manifest = z.infer<typeof Manifest>;
