/**
 * A log of text edits the user typed, written synchronously before the durable IndexedDB write starts, so a
 * panel closed a moment after typing loses nothing: the log is replayed the next time the panel opens. (A
 * write still in flight when the page goes away can be dropped by the browser; a synchronous Web Storage
 * write cannot.) Each room that saves typed text keeps its own log under its own key prefix.
 */

/** The synchronous subset of the Web Storage API (localStorage in the panel). */
export interface SyncStore {
  readonly length: number;
  key: (index: number) => string | null;
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
}

export interface EditLogRules<E, R = void> {
  /** Key prefix of this log's entries; keys sort oldest first. */
  prefix: string;
  /** An entry read back from storage, or undefined when it is not an edit of this log. */
  parse: (value: unknown) => E | undefined;
  /** The durable write; what it resolves with, `save` resolves with. */
  apply: (edit: E) => Promise<R>;
  /** A failed write that can never succeed (its row is gone, its value no longer parses): the entry may go. */
  canNeverBeWritten: (error: unknown) => boolean;
}

export interface EditLog<E, R = void> {
  /** Logs the edit, writes it durably, then clears the log entry. A failed write keeps its entry. */
  save: (edit: E, now?: number) => Promise<R>;
  /**
   * Replays edits whose durable write may not have finished, oldest first; resolves with how many were
   * written. An entry is removed once its write is acknowledged, or when it can never be written. At the
   * first write that fails for another reason (disk full, database blocked), replay stops and keeps that
   * entry and every later one, so a later edit of the same field is never overtaken by an older one.
   */
  replay: () => Promise<number>;
}

/** Orders entries written in the same millisecond, across every log and every log object made for a store. */
let sequence = 0;

export function editLog<E, R = void>(store: SyncStore, rules: EditLogRules<E, R>): EditLog<E, R> {
  return {
    save: async (edit, now = Date.now()) => {
      const key = `${rules.prefix}${String(now).padStart(15, '0')}:${String(sequence++).padStart(6, '0')}`;
      try {
        store.setItem(key, JSON.stringify(edit));
      } catch {
        // Storage full or unavailable: the durable write below is still attempted.
      }
      const result = await rules.apply(edit);
      store.removeItem(key);
      return result;
    },
    replay: async () => {
      const keys: string[] = [];
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key?.startsWith(rules.prefix)) keys.push(key);
      }
      let replayed = 0;
      for (const key of keys.sort()) {
        let edit: E | undefined;
        try {
          edit = rules.parse(JSON.parse(store.getItem(key) ?? 'null'));
        } catch {
          edit = undefined;
        }
        if (edit !== undefined) {
          try {
            await rules.apply(edit);
            replayed++;
          } catch (error) {
            if (!rules.canNeverBeWritten(error)) return replayed;
          }
        }
        store.removeItem(key);
      }
      return replayed;
    },
  };
}

/** A schema error: the stored value no longer parses, so writing it can never succeed. */
export const isSchemaError = (error: unknown): boolean =>
  error instanceof Error && (error.name === '$ZodError' || error.name === 'ZodError');
