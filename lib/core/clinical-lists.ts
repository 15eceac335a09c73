import { ClinicalDate } from './clinical-date';
import { z } from './schema';

/** The coded lists of a summary (allergies, problems, procedures, immunizations, encounters, family and social history) and imaging studies. */
const text = (max: number) => z.string().check(z.maxLength(max));
/** A code from a terminology (SNOMED CT, RxNorm, LOINC, CVX, ICD-10 ...), as the source gave it. */
export const Coding = z.object({ system: z.optional(text(200)), code: text(100), display: z.optional(text(500)) });
export type Coding = z.infer<typeof Coding>;

/** Allergies and intolerances: what the second doctor checks before prescribing. */
export const Allergy = z.object({
  substance: text(500),
  code: z.optional(Coding),
  reaction: z.optional(text(500)),
  severity: z.optional(text(100)),
  status: z.optional(text(100)),
  onset: z.optional(ClinicalDate),
});
export type Allergy = z.infer<typeof Allergy>;
export const AllergyList = z.object({
  type: z.literal('allergies'),
  allergies: z.array(Allergy).check(z.maxLength(5000)),
});
export type AllergyList = z.infer<typeof AllergyList>;

export const Problem = z.object({
  name: text(500),
  code: z.optional(Coding),
  status: z.optional(text(100)),
  onset: z.optional(ClinicalDate),
  resolved: z.optional(ClinicalDate),
});
export type Problem = z.infer<typeof Problem>;
export const ProblemList = z.object({
  type: z.literal('problems'),
  problems: z.array(Problem).check(z.maxLength(5000)),
});
export type ProblemList = z.infer<typeof ProblemList>;

export const Procedure = z.object({
  name: text(500),
  code: z.optional(Coding),
  date: z.optional(ClinicalDate),
  status: z.optional(text(100)),
  performer: z.optional(text(500)),
  bodySite: z.optional(text(200)),
});
export type Procedure = z.infer<typeof Procedure>;
export const ProcedureList = z.object({
  type: z.literal('procedures'),
  procedures: z.array(Procedure).check(z.maxLength(5000)),
});
export type ProcedureList = z.infer<typeof ProcedureList>;

export const Immunization = z.object({
  vaccine: text(500),
  code: z.optional(Coding),
  date: z.optional(ClinicalDate),
  status: z.optional(text(100)),
  lotNumber: z.optional(text(100)),
});
export type Immunization = z.infer<typeof Immunization>;
export const ImmunizationList = z.object({
  type: z.literal('immunizations'),
  immunizations: z.array(Immunization).check(z.maxLength(5000)),
});
export type ImmunizationList = z.infer<typeof ImmunizationList>;

export const Encounter = z.object({
  type: text(500),
  code: z.optional(Coding),
  date: z.optional(ClinicalDate),
  end: z.optional(ClinicalDate),
  location: z.optional(text(500)),
  provider: z.optional(text(500)),
  reason: z.optional(text(1000)),
});
export type Encounter = z.infer<typeof Encounter>;
export const EncounterList = z.object({
  type: z.literal('encounters'),
  encounters: z.array(Encounter).check(z.maxLength(5000)),
});
export type EncounterList = z.infer<typeof EncounterList>;

export const FamilyMemberHistory = z.object({
  relationship: text(200),
  condition: text(500),
  code: z.optional(Coding),
  onsetAge: z.optional(text(50)),
  deceased: z.optional(z.boolean()),
});
export type FamilyMemberHistory = z.infer<typeof FamilyMemberHistory>;
export const FamilyHistory = z.object({
  type: z.literal('family-history'),
  members: z.array(FamilyMemberHistory).check(z.maxLength(5000)),
});
export type FamilyHistory = z.infer<typeof FamilyHistory>;

/** Coded observations without a shape of their own (social history, functional status ...). */
export const CodedEntry = z.object({
  name: text(500),
  code: z.optional(Coding),
  value: z.optional(text(2000)),
  date: z.optional(ClinicalDate),
  status: z.optional(text(100)),
});
export type CodedEntry = z.infer<typeof CodedEntry>;
export const CodedEntryList = z.object({
  type: z.literal('entries'),
  entries: z.array(CodedEntry).check(z.maxLength(5000)),
});
export type CodedEntryList = z.infer<typeof CodedEntryList>;

/** A DICOM study as its files describe it (patient-free): the files themselves are the record's attachments. */
export const ImagingSeries = z.object({
  uid: z.optional(text(64)),
  modality: z.optional(text(16)),
  description: z.optional(text(500)),
  bodyPart: z.optional(text(200)),
  instances: z.number(),
});
export const ImagingStudy = z.object({
  type: z.literal('imaging-study'),
  studyInstanceUid: z.optional(text(64)),
  description: z.optional(text(500)),
  modalities: z.array(text(16)).check(z.maxLength(100)),
  date: z.optional(ClinicalDate),
  series: z.array(ImagingSeries).check(z.maxLength(10_000)),
  instances: z.number(),
});
export type ImagingStudy = z.infer<typeof ImagingStudy>;
