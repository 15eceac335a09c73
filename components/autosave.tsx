import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';

/** Fields register their pending save here; the panel flushes them all when it is hidden or closed. */
export interface AutosaveRegistry {
  register: (flush: () => void) => () => void;
}
export const Autosave = createContext<AutosaveRegistry>({ register: () => () => undefined });

export function createAutosaveRegistry(): AutosaveRegistry & { flushAll: () => void } {
  const flushes = new Set<() => void>();
  return {
    register: (flush) => {
      flushes.add(flush);
      return () => flushes.delete(flush);
    },
    flushAll: () => flushes.forEach((flush) => flush()),
  };
}

export const SAVE_DELAY_MS = 600;

/**
 * A text draft saved as the user types: debounced, flushed on blur, unmount and panel hide.
 * `stored` is the live value from the database. When it changes while the user has the field in
 * hand (focused or unsaved), their draft is kept and `conflict` is raised instead of silently
 * replacing what they are typing; `takeStored` lets them switch to the other version.
 */
export function useAutosave(stored: string, save: (value: string) => void, delay = SAVE_DELAY_MS) {
  const [draft, setDraftState] = useState(stored);
  const [conflict, setConflict] = useState(false);
  const draftRef = useRef(stored);
  const pending = useRef(false);
  const focused = useRef(false);
  const lastWritten = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const registry = useContext(Autosave);

  const flush = () => {
    clearTimeout(timer.current);
    if (!pending.current) return;
    pending.current = false;
    lastWritten.current = draftRef.current;
    saveRef.current(draftRef.current);
  };

  useEffect(() => {
    const unregister = registry.register(flush);
    return () => {
      unregister();
      flush();
    };
  }, [registry]);

  useEffect(() => {
    if (stored === draftRef.current) {
      setConflict(false);
      return;
    }
    if (stored === lastWritten.current) return; // our own save coming back
    if (focused.current || pending.current) {
      setConflict(true);
      return;
    }
    draftRef.current = stored;
    setDraftState(stored);
  }, [stored]);

  return {
    draft,
    conflict,
    setDraft: (value: string) => {
      draftRef.current = value;
      setDraftState(value);
      pending.current = true;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      flush();
    },
    takeStored: () => {
      clearTimeout(timer.current);
      pending.current = false;
      draftRef.current = stored;
      setDraftState(stored);
      setConflict(false);
    },
    keepMine: () => {
      setConflict(false);
      pending.current = true;
      flush();
    },
  };
}
