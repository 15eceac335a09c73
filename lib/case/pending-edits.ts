import { setDecisionField, setStoryField } from './case-details';
import type { CaseDb } from '../core/db';
import { editQuestion } from './questions';
import { setOpinionField } from './opinions';
import { z } from '../core/schema';
import { Decision, OPINION_TEXT_FIELDS, Story } from '../core/workspace-model';

/**
 * Text edits the user typed, logged synchronously before the durable IndexedDB write starts, so a
 * panel closed a moment after typing loses nothing: the log is replayed the next time the panel opens.
 * (A strict-durability write still in flight when the page goes away can be dropped by the browser.)
 */
export const PendingEdit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('story'),
    caseId: z.string(),
    field: z.enum(Object.keys(Story.shape) as [keyof Story]),
    value: z.unknown(),
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

/** The synchronous subset of the Web Storage API (localStorage in the panel). */
export interface SyncStore {
  readonly length: number;
  key: (index: number) => string | null;
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
}

const PREFIX = 'second-look:pending-edit:';
let sequence = 0;

export async function applyEdit(db: CaseDb, edit: PendingEdit): Promise<void> {
  switch (edit.kind) {
    case 'story':
      return setStoryField(db, edit.caseId, edit.field, edit.value as never);
    case 'decision':
      return setDecisionField(db, edit.caseId, edit.field, edit.value as never);
    case 'opinion':
      return setOpinionField(db, edit.id, edit.field, edit.value);
    case 'question':
      return editQuestion(db, edit.id, { [edit.field]: edit.value });
  }
}

/** Logs the edit, writes it durably, then clears the log entry. A failed write keeps its entry. */
export async function saveEdit(db: CaseDb, store: SyncStore, edit: PendingEdit, now = Date.now()): Promise<void> {
  const key = `${PREFIX}${String(now).padStart(15, '0')}:${String(sequence++).padStart(6, '0')}`;
  try {
    store.setItem(key, JSON.stringify(edit));
  } catch {
    // Storage full or unavailable: the durable write below is still attempted.
  }
  await applyEdit(db, edit);
  store.removeItem(key);
}

/** The row the edit was for is gone (deleted since): the edit can never be written, nothing to keep. */
const GONE = new Set(['case-not-found', 'opinion-not-found', 'question-not-found']);

/**
 * Whether a failed write can never succeed, so its log entry may go: the row it edits was deleted, or
 * the value no longer parses. Anything else (disk full, database blocked or closing, a crash mid-write)
 * may succeed next time, so the typed text is kept.
 */
export function editCanNeverBeWritten(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return GONE.has(error.message) || error.name === '$ZodError' || error.name === 'ZodError';
}

/**
 * Replays edits whose durable write may not have finished, oldest first; returns how many were written.
 * An entry is removed only once its write is acknowledged, or when it can never be written. At the
 * first write that fails for another reason (disk full, database blocked), replay stops and keeps that
 * entry and every later one, so a later edit of the same field is never overtaken by an older one.
 */
export async function replayPendingEdits(db: CaseDb, store: SyncStore): Promise<number> {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  let replayed = 0;
  for (const key of keys.sort()) {
    let parsed: ReturnType<typeof PendingEdit.safeParse> | undefined;
    try {
      parsed = PendingEdit.safeParse(JSON.parse(store.getItem(key) ?? 'null'));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) {
      try {
        await applyEdit(db, parsed.data);
        replayed++;
      } catch (error) {
        if (!editCanNeverBeWritten(error)) return replayed;
      }
    }
    store.removeItem(key);
  }
  return replayed;
}
