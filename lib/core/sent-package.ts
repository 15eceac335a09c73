import { CaseId, IsoDateTime, Sha256Hex } from './model';
import { z } from './schema';

/**
 * One records package the patient exported: what was in it and who it was for, so they know what was sent
 * to whom and can mark it as arrived. Kept with the case, exported in the next package (data/sent-log.json)
 * and restored by its import.
 */
export const SentPackage = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  caseId: CaseId,
  /** When the zip was handed to the browser's downloads. */
  sentAt: IsoDateTime,
  fileName: z.string().check(z.minLength(1), z.maxLength(300)),
  /** Of the whole zip as saved. */
  sha256: Sha256Hex,
  recordCount: z.number().check(z.int(), z.nonnegative()),
  redacted: z.boolean(),
  passwordProtected: z.boolean(),
  /** Who it was for, as the patient typed it on the export screen; empty when not said. */
  recipient: z.string().check(z.maxLength(500)),
  /** When the patient confirmed the records arrived. */
  confirmedAt: z.optional(IsoDateTime),
});
export type SentPackage = z.infer<typeof SentPackage>;

/** data/sent-log.json: the case's earlier exports, oldest first (the package cannot list its own hash). */
export const SENT_LOG_FORMAT = 'second-look/sent-log-1';
export const SentLogFile = z.object({
  format: z.literal(SENT_LOG_FORMAT),
  packages: z.array(z.omit(SentPackage, { caseId: true })).check(z.maxLength(10_000)),
});
export type SentLogFile = z.infer<typeof SentLogFile>;
