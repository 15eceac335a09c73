import {
  AllergyList,
  CodedEntryList,
  EncounterList,
  FamilyHistory,
  ImagingStudy,
  ImmunizationList,
  ProblemList,
  ProcedureList,
} from './clinical-lists';
import { ClinicalDate, IsoDateTime } from './clinical-date';
import { LIMITS } from './limits';
import { z } from './schema';

export * from './clinical-date';
export * from './clinical-lists';

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
  'allergy',
  'problem',
  'procedure',
  'immunization',
  'vital-signs',
  'encounter',
  'social-history',
  'other',
]);
export type RecordKind = z.infer<typeof RecordKind>;

export const CaseId = z.string().check(z.minLength(1), z.maxLength(64));
export type CaseId = z.infer<typeof CaseId>;
export const RecordId = z.string().check(z.minLength(1), z.maxLength(64));
export type RecordId = z.infer<typeof RecordId>;

export const Sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** Where a record came from. The address never carries query strings or fragments (they hold session tokens). */
export const Provenance = z.object({
  portal: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The portal as the patient knows it ("Epic MyChart (Example Health)"): from its adapter, or named by the patient. */
  portalName: z.optional(z.string().check(z.maxLength(200))),
  origin: z.string().check(z.maxLength(2048)),
  path: z.string().check(z.maxLength(4096)),
  pageTitle: z.string().check(z.maxLength(1000)),
  /** The page section a record is, when the page held several (its heading, and its anchor in the page). */
  section: z.optional(z.string().check(z.maxLength(500))),
  anchor: z.optional(z.string().check(z.maxLength(100))),
});
export type Provenance = z.infer<typeof Provenance>;

/** How a record's source is shown to people: the portal's name beside its origin, or the origin alone. */
export const portalLabel = (provenance: Pick<Provenance, 'portalName' | 'origin'>): string =>
  provenance.portalName ? `${provenance.portalName} (${provenance.origin})` : provenance.origin;

export const AbnormalFlag = z.enum(['H', 'L', 'HH', 'LL', 'A', 'AA', 'critical', 'N']);
export type AbnormalFlag = z.infer<typeof AbnormalFlag>;

export const ReadBy = z.enum(['coded-entry', 'adapter', 'content']);
export type ReadBy = z.infer<typeof ReadBy>;

/** One row of a lab result. `unparsed` keeps the row's text when value and test could not be told apart safely. */
export const LabResultRow = z.object({
  test: z.string().check(z.maxLength(500)),
  value: z.string().check(z.maxLength(2000)),
  numericValue: z.optional(z.number()),
  comparator: z.optional(z.enum(['<', '<=', '>', '>='])),
  unit: z.optional(z.string().check(z.maxLength(100))),
  referenceRange: z.optional(z.string().check(z.maxLength(500))),
  low: z.optional(z.number()),
  high: z.optional(z.number()),
  flag: z.optional(AbnormalFlag),
  date: z.optional(ClinicalDate),
  loinc: z.optional(z.string().check(z.maxLength(20))),
  notes: z.optional(z.string().check(z.maxLength(20000))),
  unparsed: z.optional(z.boolean()),
  /** How the value was read: from a coded entry (C-CDA, FHIR), by a portal adapter, or by its content on a page. */
  readBy: z.optional(ReadBy),
});
export type LabResultRow = z.infer<typeof LabResultRow>;

export const LabPanel = z.object({
  type: z.literal('lab'),
  panel: z.object({
    name: z.string().check(z.maxLength(500)),
    orderingProvider: z.optional(z.string().check(z.maxLength(500))),
    collected: z.optional(ClinicalDate),
    resulted: z.optional(ClinicalDate),
    performingLab: z.optional(z.string().check(z.maxLength(500))),
    status: z.optional(z.string().check(z.maxLength(100))),
    specimen: z.optional(z.string().check(z.maxLength(500))),
  }),
  results: z.array(LabResultRow).check(z.maxLength(200_000)),
  notes: z.optional(z.array(z.string().check(z.maxLength(100_000))).check(z.maxLength(1000))),
});
export type LabPanel = z.infer<typeof LabPanel>;

export const ReportSection = z.object({
  heading: z.string().check(z.maxLength(500)),
  text: z.string().check(z.maxLength(1_000_000)),
});
export type ReportSection = z.infer<typeof ReportSection>;

/** Imaging and pathology reports: the sections verbatim. */
export const Report = z.object({
  type: z.literal('report'),
  exam: z.optional(z.string().check(z.maxLength(500))),
  modality: z.optional(z.string().check(z.maxLength(100))),
  bodyPart: z.optional(z.string().check(z.maxLength(200))),
  specimen: z.optional(z.string().check(z.maxLength(500))),
  sections: z.array(ReportSection).check(z.maxLength(500)),
});
export type Report = z.infer<typeof Report>;

/** Notes, plans, operative reports. */
export const Note = z.object({
  type: z.literal('note'),
  author: z.optional(z.string().check(z.maxLength(500))),
  noteType: z.optional(z.string().check(z.maxLength(200))),
  paragraphs: z.array(z.string().check(z.maxLength(1_000_000))).check(z.maxLength(10_000)),
  /** The document section a verbatim note keeps (a C-CDA section without a structured reader): LOINC code, title. */
  section: z.optional(
    z.object({
      code: z.optional(z.string().check(z.maxLength(100))),
      title: z.string().check(z.maxLength(500)),
    }),
  ),
});
export type Note = z.infer<typeof Note>;

export const Medication = z.object({
  name: z.string().check(z.maxLength(500)),
  dose: z.optional(z.string().check(z.maxLength(200))),
  route: z.optional(z.string().check(z.maxLength(100))),
  frequency: z.optional(z.string().check(z.maxLength(200))),
  startDate: z.optional(ClinicalDate),
  status: z.optional(z.string().check(z.maxLength(100))),
});
export type Medication = z.infer<typeof Medication>;

export const MedicationList = z.object({
  type: z.literal('medications'),
  medications: z.array(Medication).check(z.maxLength(5000)),
});
export type MedicationList = z.infer<typeof MedicationList>;

export const StructuredData = z.discriminatedUnion('type', [
  LabPanel,
  Report,
  Note,
  MedicationList,
  AllergyList,
  ProblemList,
  ProcedureList,
  ImmunizationList,
  EncounterList,
  FamilyHistory,
  CodedEntryList,
  ImagingStudy,
]);
export type StructuredData = z.infer<typeof StructuredData>;

export { LIMITS };

/** What capture produces for one record, before it belongs to a case. Crosses the tab -> background boundary. */
export const CapturedRecord = z.object({
  kind: RecordKind,
  title: z.string().check(z.minLength(1), z.maxLength(1000)),
  clinicalDate: z.optional(ClinicalDate),
  provenance: Provenance,
  snapshotHtml: z.string().check(z.maxLength(LIMITS.snapshotBytes)),
  text: z.string().check(z.maxLength(LIMITS.textChars)),
  structured: z.optional(StructuredData),
});
export type CapturedRecord = z.infer<typeof CapturedRecord>;

export const CaseRecord = z.extend(CapturedRecord, {
  id: RecordId,
  caseId: CaseId,
  capturedAt: IsoDateTime,
  /** SHA-256 of the sanitized snapshot: identifies "the same content" within a case. */
  contentHash: Sha256Hex,
  note: z.string().check(z.maxLength(100_000)),
  updatedAt: IsoDateTime,
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const Case = z.object({
  id: CaseId,
  title: z.string().check(z.minLength(1), z.maxLength(300)),
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
