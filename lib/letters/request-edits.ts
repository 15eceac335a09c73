import type { CaseDb } from '../core/db';
import { editLog, isSchemaError, type SyncStore } from '../core/edit-log';
import { ProviderAddress, RecordsRequest } from '../core/request-model';
import { z } from '../core/schema';
import { editRequest, setProviderName } from './requests';

/** What the request form saves as typed: the provider's name (which may fill in a remembered address) or fields. */
export const PendingRequestEdit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('provider-name'), id: z.string(), name: z.string() }),
  z.object({
    kind: z.literal('fields'),
    id: z.string(),
    edit: z.extend(
      z.partial(z.omit(RecordsRequest, { id: true, caseId: true, createdAt: true, updatedAt: true, provider: true })),
      {
        provider: z.optional(z.partial(ProviderAddress)),
      },
    ),
  }),
]);
export type PendingRequestEdit = z.infer<typeof PendingRequestEdit>;

/** Resolves true when a provider's name filled in the address typed for that provider before. */
const applyRequestEdit = async (db: CaseDb, edit: PendingRequestEdit): Promise<boolean> => {
  if (edit.kind === 'provider-name') return setProviderName(db, edit.id, edit.name);
  await editRequest(db, edit.id, edit.edit);
  return false;
};

/** A request's typed fields, kept in an edit log until written, so a panel closed mid-typing loses none. */
const requestEdits = (db: CaseDb, store: SyncStore) =>
  editLog<PendingRequestEdit, boolean>(store, {
    prefix: 'second-look:pending-request-edit:',
    parse: (value) => {
      const parsed = PendingRequestEdit.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    },
    apply: (edit) => applyRequestEdit(db, edit),
    // A request deleted since, or a value that no longer parses, can never be written.
    canNeverBeWritten: (error) =>
      (error instanceof Error && error.message === 'request-not-found') || isSchemaError(error),
  });

/** Logs the edit, writes it, clears the entry; resolves true when a remembered address was filled in. */
export const saveRequestEdit = (db: CaseDb, store: SyncStore, edit: PendingRequestEdit): Promise<boolean> =>
  requestEdits(db, store).save(edit);

/** Replays request edits whose durable write may not have finished (the panel opening). */
export const replayPendingRequestEdits = (db: CaseDb, store: SyncStore): Promise<number> =>
  requestEdits(db, store).replay();
