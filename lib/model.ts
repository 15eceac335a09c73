import { LIMITS } from './limits';
import { z } from './schema';

/** The record families a second-opinion doctor needs (DOMAIN.md, "What a complete records package holds"). */
export const RecordKind = z.enum([
  'lab',
  'imaging',
  'pathology',
  'note',
  'medication',
  'plan',
  'surgical',
  'family-history',
  'other',
]);
export type RecordKind = z.infer<typeof RecordKind>;

export const IsoDateTime = z.iso.datetime({ offset: true });
/** A clinical date as precise as the source gives it: `2026-11-03` or a full ISO date-time. */
export const ClinicalDate = z.union([z.iso.date(), IsoDateTime]);

export const CaseId = z.string().min(1).max(64);
export type CaseId = z.infer<typeof CaseId>;
export const RecordId = z.string().min(1).max(64);
export type RecordId = z.infer<typeof RecordId>;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Where a record came from. The address never carries query strings or fragments (they hold session tokens). */
export const Provenance = z.object({
  portal: z.string().min(1).max(64),
  origin: z.string().max(2048),
  path: z.string().max(4096),
  pageTitle: z.string().max(1000),
});
export type Provenance = z.infer<typeof Provenance>;

export const AbnormalFlag = z.enum(['H', 'L', 'HH', 'LL', 'A', 'AA', 'critical', 'N']);
export type AbnormalFlag = z.infer<typeof AbnormalFlag>;

/** One row of a lab result. `unparsed` keeps the row's text when value and test could not be told apart safely. */
export const LabResultRow = z.object({
  test: z.string().max(500),
  value: z.string().max(2000),
  numericValue: z.number().optional(),
  comparator: z.enum(['<', '<=', '>', '>=']).optional(),
  unit: z.string().max(100).optional(),
  referenceRange: z.string().max(500).optional(),
  low: z.number().optional(),
  high: z.number().optional(),
  flag: AbnormalFlag.optional(),
  date: ClinicalDate.optional(),
  loinc: z.string().max(20).optional(),
  notes: z.string().max(20000).optional(),
  unparsed: z.boolean().optional(),
});
export type LabResultRow = z.infer<typeof LabResultRow>;

export const LabPanel = z.object({
  type: z.literal('lab'),
  panel: z.object({
    name: z.string().max(500),
    orderingProvider: z.string().max(500).optional(),
    collected: ClinicalDate.optional(),
    resulted: ClinicalDate.optional(),
    performingLab: z.string().max(500).optional(),
    status: z.string().max(100).optional(),
    specimen: z.string().max(500).optional(),
  }),
  results: z.array(LabResultRow).max(200_000),
  notes: z.array(z.string().max(100_000)).max(1000).optional(),
});
export type LabPanel = z.infer<typeof LabPanel>;

export const ReportSection = z.object({ heading: z.string().max(500), text: z.string().max(1_000_000) });
export type ReportSection = z.infer<typeof ReportSection>;

/** Imaging and pathology reports: the sections verbatim. */
export const Report = z.object({
  type: z.literal('report'),
  exam: z.string().max(500).optional(),
  modality: z.string().max(100).optional(),
  bodyPart: z.string().max(200).optional(),
  specimen: z.string().max(500).optional(),
  sections: z.array(ReportSection).max(500),
});
export type Report = z.infer<typeof Report>;

/** Notes, plans, operative reports. */
export const Note = z.object({
  type: z.literal('note'),
  author: z.string().max(500).optional(),
  noteType: z.string().max(200).optional(),
  paragraphs: z.array(z.string().max(1_000_000)).max(10_000),
});
export type Note = z.infer<typeof Note>;

export const Medication = z.object({
  name: z.string().max(500),
  dose: z.string().max(200).optional(),
  route: z.string().max(100).optional(),
  frequency: z.string().max(200).optional(),
  startDate: ClinicalDate.optional(),
  status: z.string().max(100).optional(),
});
export type Medication = z.infer<typeof Medication>;

export const MedicationList = z.object({
  type: z.literal('medications'),
  medications: z.array(Medication).max(5000),
});
export type MedicationList = z.infer<typeof MedicationList>;

export const StructuredData = z.discriminatedUnion('type', [LabPanel, Report, Note, MedicationList]);
export type StructuredData = z.infer<typeof StructuredData>;

export { LIMITS };

/** What capture produces for one record, before it belongs to a case. Crosses the tab -> background boundary. */
export const CapturedRecord = z.object({
  kind: RecordKind,
  title: z.string().min(1).max(1000),
  clinicalDate: ClinicalDate.optional(),
  provenance: Provenance,
  snapshotHtml: z.string().max(LIMITS.snapshotBytes),
  text: z.string().max(LIMITS.textChars),
  structured: StructuredData.optional(),
});
export type CapturedRecord = z.infer<typeof CapturedRecord>;

export const CaseRecord = CapturedRecord.extend({
  id: RecordId,
  caseId: CaseId,
  capturedAt: IsoDateTime,
  /** SHA-256 of the sanitized snapshot: identifies "the same content" within a case. */
  contentHash: Sha256Hex,
  note: z.string().max(100_000),
  updatedAt: IsoDateTime,
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const Case = z.object({
  id: CaseId,
  title: z.string().min(1).max(300),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Case = z.infer<typeof Case>;

/** A file kept with a record, byte-identical to what the server sent. */
export interface Attachment {
  id: string;
  caseId: CaseId;
  recordId: RecordId;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  blob: Blob;
}
