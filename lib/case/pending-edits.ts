import { setDecisionField, setPatientField, setStoryField } from './case-details';
import type { CaseDb } from '../core/db';
import { editQuestion } from './questions';
import { setOpinionField } from './opinions';
import { editLog, isSchemaError, type SyncStore } from '../core/edit-log';
import { z } from '../core/schema';
import { Decision, OPINION_TEXT_FIELDS, PatientDetails, Story } from '../core/workspace-model';

/** The case's text edits (about the patient, story, decision, opinions, questions), kept in an edit log until written. */
export const PendingEdit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('story'),
    caseId: z.string(),
    field: z.enum(Object.keys(Story.shape) as [keyof Story]),
    value: z.unknown(),
  }),
  z.object({
    kind: z.literal('patient'),
    caseId: z.string(),
    field: z.enum(Object.keys(PatientDetails.shape) as [keyof PatientDetails]),
    /** Empty or absent: the field cleared. */
    value: z.optional(z.unknown()),
  }),
  z.object({
    kind: z.literal('decision'),
    caseId: z.string(),
    field: z.enum(Object.keys(Decision.shape) as [keyof Decision]),
    value: z.unknown(),
  }),
  z.object({ kind: z.literal('opinion'), id: z.string(), field: z.enum(OPINION_TEXT_FIELDS), value: z.string() }),
  z.object({ kind: z.literal('question'), id: z.string(), field: z.enum(['text', 'answer']), value: z.string() }),
]);
export type PendingEdit = z.infer<typeof PendingEdit>;

export type { SyncStore };

const PREFIX = 'second-look:pending-edit:';

export async function applyEdit(db: CaseDb, edit: PendingEdit): Promise<void> {
  switch (edit.kind) {
    case 'story':
      return setStoryField(db, edit.caseId, edit.field, edit.value as never);
    case 'patient':
      return setPatientField(db, edit.caseId, edit.field, edit.value as never);
    case 'decision':
      return setDecisionField(db, edit.caseId, edit.field, edit.value as never);
    case 'opinion':
      return setOpinionField(db, edit.id, edit.field, edit.value);
    case 'question':
      return editQuestion(db, edit.id, { [edit.field]: edit.value });
  }
}

/** The row the edit was for is gone (deleted since): the edit can never be written, nothing to keep. */
const GONE = new Set(['case-not-found', 'opinion-not-found', 'question-not-found']);

/**
 * Whether a failed write can never succeed, so its log entry may go: the row it edits was deleted, or
 * the value no longer parses. Anything else (disk full, database blocked or closing, a crash mid-write)
 * may succeed next time, so the typed text is kept.
 */
export function editCanNeverBeWritten(error: unknown): boolean {
  return (error instanceof Error && GONE.has(error.message)) || isSchemaError(error);
}

const caseEdits = (db: CaseDb, store: SyncStore) =>
  editLog<PendingEdit>(store, {
    prefix: PREFIX,
    parse: (value) => {
      const parsed = PendingEdit.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    },
    apply: (edit) => applyEdit(db, edit),
    canNeverBeWritten: editCanNeverBeWritten,
  });

/** Logs the edit, writes it durably, then clears the log entry. A failed write keeps its entry. */
export const saveEdit = (db: CaseDb, store: SyncStore, edit: PendingEdit, now = Date.now()): Promise<void> =>
  caseEdits(db, store).save(edit, now);

/** Replays the case's text edits whose durable write may not have finished. */
export const replayPendingEdits = (db: CaseDb, store: SyncStore): Promise<number> => caseEdits(db, store).replay();
