import { CaseId, IsoDateTime, RecordId } from './model';
import { z } from './schema';

/** Free text the patient writes: bounded so one paste cannot fill the disk, generous enough for a story. */
const Text = z.string().check(z.maxLength(20_000));

/** The record families the completeness checklist measures (DOMAIN.md, "What a complete records package holds").
 * Imaging is split in two because a report without its images is a known gap. */
export const RecordFamily = z.enum([
  'notes',
  'pathology',
  'imaging-reports',
  'imaging-images',
  'labs',
  'medications',
  'treatment-plan',
  'operative',
  'family-history',
]);
export type RecordFamily = z.infer<typeof RecordFamily>;

/** Why the patient seeks the opinion: the common motives from the literature, plus "other". */
export const OpinionReason = z.enum(['doubts', 'subspecialist', 'communication', 'other']);
export type OpinionReason = z.infer<typeof OpinionReason>;

export const TimeSensitive = z.enum(['unsure', 'yes', 'no']);
export type TimeSensitive = z.infer<typeof TimeSensitive>;

/** The patient's short story for the second-opinion doctor. Every field is optional: saved as typed. */
export const Story = z.object({
  reason: z.optional(OpinionReason),
  reasonDetail: z.optional(Text),
  diagnosis: z.optional(Text),
  proposedTreatment: z.optional(Text),
  triedSoFar: z.optional(Text),
  goals: z.optional(Text),
  timeSensitive: z.optional(TimeSensitive),
  timeSensitiveDetail: z.optional(Text),
  medications: z.optional(Text),
  allergies: z.optional(Text),
  familyHistory: z.optional(Text),
  referringDoctor: z.optional(Text),
  secondOpinionDoctor: z.optional(Text),
});
export type Story = z.infer<typeof Story>;
export type StoryField = keyof Story;
export const STORY_FIELDS = Object.keys(Story.shape) as StoryField[];

/** What the patient decided after comparing opinions (DOMAIN.md, "After the visit"). */
export const DecisionChoice = z.enum(['undecided', 'first-plan', 'switch', 'third-opinion', 'doctors-review', 'other']);
export type DecisionChoice = z.infer<typeof DecisionChoice>;
export const Decision = z.object({ choice: z.optional(DecisionChoice), reasons: z.optional(Text) });
export type Decision = z.infer<typeof Decision>;

/** What the patient chose to remove from a redacted export, kept with the case so it is not typed again. */
export const RedactionChoices = z.object({
  enabled: z.boolean(),
  /** Names as typed, separated by commas or new lines. */
  names: z.string().check(z.maxLength(5000)),
  /** `YYYY-MM-DD` or empty. */
  dateOfBirth: z.union([z.iso.date(), z.literal('')]),
  /** Findings the patient unticked (kept in the export), lower-cased. */
  rejected: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(5000)),
});
export type RedactionChoices = z.infer<typeof RedactionChoices>;

/** "About the patient": what a receiving record system needs to match the patient, entered once, never guessed. */
export const PatientSex = z.enum(['female', 'male', 'other', 'unknown']);
export type PatientSex = z.infer<typeof PatientSex>;
export const PatientDetails = z.object({
  name: z.optional(z.string().check(z.maxLength(300))),
  /** `YYYY-MM-DD`. */
  birthDate: z.optional(z.iso.date()),
  sex: z.optional(PatientSex),
});
export type PatientDetails = z.infer<typeof PatientDetails>;

/** One row per case for everything that is not a list: story, checklist marks, decision, redaction choices,
 * the patient's details.
 * Nested objects so each field can be updated by key path without overwriting the others. */
export const CaseDetails = z.object({
  caseId: CaseId,
  story: Story,
  /** Families the user marked "not applicable" (e.g. no operations). */
  notApplicable: z.partialRecord(RecordFamily, z.boolean()),
  decision: Decision,
  redaction: z.optional(RedactionChoices),
  /** Absent until the patient fills "About the patient". */
  patient: z.optional(PatientDetails),
  updatedAt: IsoDateTime,
});
export type CaseDetails = z.infer<typeof CaseDetails>;

export const QuestionFamily = z.enum(['diagnosis', 'treatment', 'experience', 'next-steps']);
export type QuestionFamily = z.infer<typeof QuestionFamily>;

export const Question = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  caseId: CaseId,
  family: QuestionFamily,
  text: z.string().check(z.minLength(1), z.maxLength(2000)),
  /** Lower is asked first. */
  priority: z.number(),
  /** Kept even when the record is deleted later: the link is then shown as removed. */
  linkedRecordIds: z.array(RecordId).check(z.maxLength(500)),
  answered: z.boolean(),
  answer: Text,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Question = z.infer<typeof Question>;

export const Opinion = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  caseId: CaseId,
  clinician: z.string().check(z.maxLength(500)),
  institution: z.string().check(z.maxLength(500)),
  /** `YYYY-MM-DD` or empty while not yet entered. */
  date: z.union([z.iso.date(), z.literal('')]),
  diagnosis: Text,
  recommendedTreatment: Text,
  reasoning: Text,
  answers: Text,
  notes: Text,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Opinion = z.infer<typeof Opinion>;
export const OPINION_TEXT_FIELDS = [
  'clinician',
  'institution',
  'date',
  'diagnosis',
  'recommendedTreatment',
  'reasoning',
  'answers',
  'notes',
] as const satisfies readonly (keyof Opinion)[];
export type OpinionField = (typeof OPINION_TEXT_FIELDS)[number];
