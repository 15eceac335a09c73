import { CaseId } from './model';
import { ClipProgress, ClipResult, ErrorCode } from './messaging';
import { z } from './schema';

/** The subset of `browser.storage.StorageArea` we use, so tests can pass any implementation. */
export interface KeyValueArea {
  get: (key: string) => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
  remove: (key: string) => Promise<void>;
}

function typedKey<T>(key: string, schema: z.ZodMiniType<T>) {
  return (area: KeyValueArea) => ({
    get: async (): Promise<T | undefined> => {
      const parsed = schema.safeParse((await area.get(key))[key]);
      return parsed.success ? parsed.data : undefined;
    },
    set: (value: T) => area.set({ [key]: value }),
    clear: () => area.remove(key),
  });
}

export const activeCaseStore = typedKey('activeCaseId', CaseId);

/** The database witness (lib/core/db.ts, checkDbHealth), kept in browser.storage.local. */
export const dbWitnessStore = typedKey(
  'dbWitness',
  z.object({ createdAt: z.string().check(z.maxLength(100)), seenAt: z.string().check(z.maxLength(100)) }),
);

/** The outcome of the latest clip, whatever started it (panel, menu, shortcut), for the panel to show. */
export const ClipStatus = z.object({
  at: z.number(),
  result: z.union([
    z.object({ ok: z.literal(true), data: ClipResult }),
    z.object({ ok: z.literal(false), error: ErrorCode }),
  ]),
});
export type ClipStatus = z.infer<typeof ClipStatus>;
export const clipStatusStore = typedKey('clipStatus', ClipStatus);

/** The phase of the clip under way, cleared when it ends. */
export const clipProgressStore = typedKey('clipProgress', ClipProgress);

/** Set once the patient has dismissed the first-run guide; Help shows it again. */
export const guideDismissedStore = typedKey('guideDismissed', z.boolean());

/** Names the patient gave portals that no adapter recognises, by origin; applied to every later clip. */
export const portalNamesStore = typedKey(
  'portalNames',
  z.record(z.string().check(z.maxLength(2048)), z.string().check(z.minLength(1), z.maxLength(200))),
);

/**
 * The latest toolbar click, by tab: the click grants activeTab, and no browser event tells an already open
 * panel so; the panel re-reads its tab when this changes.
 */
export const TOOLBAR_CLICK_KEY = 'toolbarClick';
export const toolbarClickStore = typedKey(TOOLBAR_CLICK_KEY, z.object({ tabId: z.number(), at: z.number() }));
