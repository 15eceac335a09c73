import { CaseId, IsoDateTime, RecordId } from './model';
import { z } from './schema';
import { RecordFamily } from './workspace-model';

const Line = z.string().check(z.maxLength(500));
const Block = z.string().check(z.maxLength(5000));
const DateOrEmpty = z.union([z.iso.date(), z.literal('')]);

/** What a request asks for: records from a provider, or a referral / prior authorization for the opinion. */
export const RequestPurpose = z.enum(['records', 'referral']);
export type RequestPurpose = z.infer<typeof RequestPurpose>;

/** Where the provider sends the records: to the patient, or straight to the second-opinion doctor. */
export const RequestRecipient = z.enum(['patient', 'doctor']);
export type RequestRecipient = z.infer<typeof RequestRecipient>;

/** Who the letter goes to, as the patient typed it; remembered per provider name for the next letter. */
export const ProviderAddress = z.object({
  name: Line,
  department: Line,
  address: Block,
  fax: Line,
});
export type ProviderAddress = z.infer<typeof ProviderAddress>;

/**
 * One request the patient makes (a records-request letter or a referral request), tracked from draft to
 * received. Saved as typed, so a letter that cannot be made yet loses nothing.
 */
export const RecordsRequest = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  caseId: CaseId,
  purpose: RequestPurpose,
  provider: ProviderAddress,
  /** The checklist families asked for (records requests). */
  families: z.array(RecordFamily).check(z.maxLength(20)),
  /** `YYYY-MM-DD` or empty: the dates of care the records cover. */
  dateFrom: DateOrEmpty,
  dateTo: DateOrEmpty,
  /** How the provider reaches the patient (address, phone, email), as the patient wants it on the letter. */
  contact: Block,
  sendTo: RequestRecipient,
  /** The second-opinion doctor, when the records go straight to them. */
  doctorName: Line,
  doctorAddress: Block,
  /** The referral item's note (insurer, plan, reference number...) or anything the patient adds to the letter. */
  note: Block,
  language: z.enum(['en', 'es']),
  /** `YYYY-MM-DD` or empty while not sent / not received. */
  sentOn: DateOrEmpty,
  receivedOn: DateOrEmpty,
  /** Records that arrived in answer to this request. */
  receivedRecordIds: z.array(RecordId).check(z.maxLength(500)),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type RecordsRequest = z.infer<typeof RecordsRequest>;
