import type { Case, CaseRecord } from '../model';
import { Sha256Hex } from '../model';
import { z } from '../schema';

/**
 * Case preparation the cover sheet shows. Optional everywhere: the story, questions and completeness
 * features are being built in parallel (issue 5), and a package without them is still a package.
 */
export const CaseStory = z
  .object({
    /** Why the patient wants this opinion. */
    reason: z.string().max(20_000).optional(),
    /** Free-text story, or labelled parts of it (symptoms, diagnosis, treatment so far, goals...). */
    summary: z.string().max(200_000).optional(),
    sections: z
      .array(z.object({ label: z.string().max(300), text: z.string().max(200_000) }))
      .max(100)
      .optional(),
    timeSensitive: z.boolean().optional(),
  })
  .loose();
export type CaseStory = z.infer<typeof CaseStory>;

export const PackageQuestion = z
  .object({
    id: z.string().min(1).max(64),
    text: z.string().max(20_000),
    /** Lower number = more important; the cover sheet lists questions in this order. */
    priority: z.number(),
    family: z.string().max(100).optional(),
    answer: z.string().max(200_000).optional(),
    recordIds: z.array(z.string().max(64)).max(10_000).optional(),
  })
  .loose();
export type PackageQuestion = z.infer<typeof PackageQuestion>;

/** One checklist family (DOMAIN.md): `status` other than complete/present/ok counts as a gap, named by `hint`. */
export const CompletenessItem = z
  .object({
    family: z.string().max(100),
    status: z.string().max(50),
    count: z.number().int().nonnegative(),
    hint: z.string().max(2000),
  })
  .loose();
export type CompletenessItem = z.infer<typeof CompletenessItem>;

export const isGap = (item: CompletenessItem): boolean =>
  !/^(complete|present|ok|done|not-applicable)$/i.test(item.status);

/** A file kept with a record, as the exporter receives it. */
export interface PackageAttachment {
  id: string;
  recordId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: Blob | Uint8Array;
}

export const AttachmentMeta = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(1000),
  mediaType: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  /** Where the file is in the zip. */
  path: z.string().min(1).max(1000),
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
  /** summary.pdf page size; Letter unless told (most second-opinion centres are in the US). */
  pageSize?: PageSize;
  /** Leave out summary.pdf (e.g. a quick export); it is on by default. */
  summaryPdf?: boolean;
}

export interface PackageEntry {
  path: string;
  data: Uint8Array;
  mediaType: string;
  /** Already-compressed formats are stored, not deflated again. */
  compress: boolean;
}
