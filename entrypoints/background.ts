import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { captureTab, clipTab, savePending, type ClipDeps } from '../lib/clip/clip';
import { PendingClips, summarize } from '../lib/clip/clip-pending';
import { CLIP_TRACE_KEY, clock, type ClipTrace } from '../lib/clip/clip-trace';
import {
  FALLBACK_SANITIZER_NEEDED,
  FAMILY_READER_NEEDED,
  FILE_FETCHER_NEEDED,
  PAGE_PARTS_NEEDED,
} from '../lib/core/limits';
import { MENU_CLIP_PAGE, MENU_CLIP_SELECTION, routeCommand, routeMenuClick } from '../lib/clip/clip-routes';
import { CaseDb, checkDbHealth } from '../lib/core/db';
import { dispatch, type ClipProgress, type ClipResult, type Handlers, type Result } from '../lib/core/messaging';
import { classifySender, type SenderInfo } from '../lib/core/sender';
import {
  activeCaseStore,
  clipProgressStore,
  clipStatusStore,
  dbWitnessStore,
  portalNamesStore,
  toolbarClickStore,
} from '../lib/core/settings';
import { addressNamesReaderFamily } from '../lib/portals/family-signs';
import type { CaptureApi } from './capture';

type Injected = { secondLook: CaptureApi };

/** The files injected into the clipped tab: capture.js, then each of the others only if the page needs it. */
type InjectedFile = '/capture.js' | '/purify.js' | '/capture-frames.js' | '/capture-portals.js' | '/capture-files.js';
/** capture.js's answer when the page needs one of them -> that file. */
const NEEDS = new Map<string, InjectedFile>([
  [FALLBACK_SANITIZER_NEEDED, '/purify.js'],
  [PAGE_PARTS_NEEDED, '/capture-frames.js'],
  [FAMILY_READER_NEEDED, '/capture-portals.js'],
  [FILE_FETCHER_NEEDED, '/capture-files.js'],
]);
/** The file a capture answer asks for, if it is one of those short answers (a capture is a long JSON string). */
const neededFile = (answer: unknown) =>
  typeof answer === 'string' && answer.length <= 64 ? NEEDS.get(answer) : undefined;

// Wiring only: menus, the shortcut, the toolbar button and the message handler. Logic lives in lib/.
export default defineBackground({
  // An ES module worker joins the panel's build, so Dexie, zod and the polyfill ship once as shared chunks
  // instead of once per bundle. No dynamic import() here: service workers forbid it.
  type: 'module',
  main: () => {
    const db = new CaseDb();
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
    // Records the database's identity outside IndexedDB at first start (even before the panel is
    // opened), so a later silent replacement is noticed; the panel shows the result.
    void checkDbHealth(db, dbWitnessStore(browser.storage.local)).then((health) => {
      if (!health.ok) console.warn(`second-look: database problem (${health.reason})`);
    });

    const clipDeps: ClipDeps = {
      db,
      activeCaseId: () => activeCaseStore(browser.storage.local).get(),
      tabUrl: async (tabId) => {
        try {
          return (await browser.tabs.get(tabId)).url;
        } catch {
          return null;
        }
      },
      runCapture: async (tabId, selectionOnly, timing) => {
        const inject = async (...files: InjectedFile[]) => {
          const t = clock();
          await browser.scripting.executeScript({ target: { tabId }, files });
          timing.injection += clock() - t;
        };
        const capture = async () => {
          const [first] = await browser.scripting.executeScript({
            target: { tabId },
            func: (selection: boolean) => (globalThis as unknown as Injected).secondLook.capture(selection),
            args: [selectionOnly],
          });
          return first?.result;
        };
        // A page whose address names a portal family with a reader of its own gets that reader in the
        // same call as capture.js, instead of one more round trip after detection asks for it.
        const url = await clipDeps.tabUrl(tabId);
        const byAddress = !!url && URL.canParse(url) && addressNamesReaderFamily(new URL(url));
        const first: InjectedFile[] = byAddress ? ['/capture.js', '/capture-portals.js'] : ['/capture.js'];
        const asked = new Set<string>(first);
        await inject(...first);
        let result = await capture();
        // What the page turns out to need, each file once, in the order capture.js asks: DOMPurify where
        // the HTML Sanitizer API is missing, the parts for frames and embedded documents, the family's
        // reader, the file fetcher. A page that needs none gets capture.js alone.
        for (let file = neededFile(result); file && !asked.has(file); file = neededFile(result)) {
          asked.add(file);
          await inject(file);
          result = await capture();
        }
        return result;
      },
      // Pulled from the clipped tab's top frame only, in the extension's isolated world: the page
      // cannot answer in its place. Each chunk is schema-checked and the whole file re-hashed (lib/clip/clip.ts).
      readChunk: async (tabId, transferId, offset) => {
        const [first] = await browser.scripting.executeScript({
          target: { tabId },
          func: (id: string, at: number) => (globalThis as unknown as Injected).secondLook.chunk(id, at),
          args: [transferId, offset],
        });
        return first?.result;
      },
      release: async (tabId) => {
        await browser.scripting.executeScript({
          target: { tabId },
          func: () => (globalThis as unknown as Injected).secondLook.release(),
        });
      },
      onProgress: (progress: ClipProgress) => void progressStore.set(progress),
      portalNames: async () => (await portalNamesStore(browser.storage.local).get()) ?? {},
    };
    const progressStore = clipProgressStore(browser.storage.session);
    const pending = new PendingClips();

    /** Every clip, whatever started it, reports to the panel through session storage. */
    const report = async (result: Result<ClipResult>): Promise<Result<ClipResult>> => {
      await progressStore.clear();
      await clipStatusStore(browser.storage.session).set({ at: Date.now(), result });
      return result;
    };
    /** Where the clip's time went, for the benchmark (timings only, no content). */
    const keepTrace = (trace: ClipTrace) => void browser.storage.session.set({ [CLIP_TRACE_KEY]: trace });
    const clipAndReport = async (tabId: number, selectionOnly: boolean) => {
      const trace: ClipTrace = { startedAt: clock() };
      const result = await report(await clipTab(clipDeps, tabId, selectionOnly, trace));
      keepTrace(trace);
      return result;
    };

    const handlers: Handlers = {
      'clip/tab': ({ tabId, selectionOnly }) => clipAndReport(tabId, selectionOnly),
      // Several records: hold them and let the panel ask which to keep. One record: save at once.
      'clip/preview': async ({ tabId, selectionOnly }) => {
        const trace: ClipTrace = { startedAt: clock() };
        const captured = await captureTab(clipDeps, tabId, selectionOnly, trace);
        if (!captured.ok) {
          await report({ ok: false, error: captured.error });
          return { ok: false, error: captured.error };
        }
        if (captured.data.records.length === 1) {
          // Not awaited: the write need not wait for the panel's progress line (report() clears it after).
          void progressStore.set({ phase: 'saving' });
          const saved = await report(await savePending(db, captured.data, undefined, trace));
          keepTrace(trace);
          return saved.ok ? { ok: true, data: { saved: true, result: saved.data } } : { ok: false, error: saved.error };
        }
        await progressStore.clear();
        const { warnings } = captured.data;
        return {
          ok: true,
          data: { saved: false, token: pending.put(captured.data), records: summarize(captured.data), warnings },
        };
      },
      'clip/save': async ({ token, indexes }) => {
        const clip = pending.take(token);
        if (!clip) return report({ ok: false, error: 'preview-expired' });
        // Into the case the user sees now, even if they switched cases while choosing.
        const caseId = await clipDeps.activeCaseId();
        if (!caseId) return report({ ok: false, error: 'no-active-case' });
        await progressStore.set({ phase: 'saving' });
        return report(await savePending(db, { ...clip, caseId }, indexes));
      },
      'clip/pending': async ({ token }) => {
        const alive = pending.has(token);
        if (!alive) await report({ ok: false, error: 'preview-expired' });
        return { ok: true, data: { alive } };
      },
      'clip/discard': async ({ token }) => {
        pending.take(token);
        return { ok: true, data: {} };
      },
    };

    browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) =>
      dispatch(handlers, message, classifySender(sender, self)),
    );

    browser.runtime.onInstalled.addListener(() => {
      browser.contextMenus.create({
        id: MENU_CLIP_PAGE,
        title: browser.i18n.getMessage('menuClipPage'),
        contexts: ['page'],
      });
      browser.contextMenus.create({
        id: MENU_CLIP_SELECTION,
        title: browser.i18n.getMessage('menuClipSelection'),
        contexts: ['selection'],
      });
    });

    browser.contextMenus.onClicked.addListener((info, tab) => {
      const route = routeMenuClick(info.menuItemId, tab);
      if (route) void clipAndReport(route.tabId, route.selectionOnly);
    });

    browser.commands.onCommand.addListener((command, tab) => {
      const route = routeCommand(command, tab);
      if (route) void clipAndReport(route.tabId, route.selectionOnly);
    });

    // Handling the click ourselves is what grants activeTab (DESIGN.md, "Site access"); the panel must
    // be opened first, awaiting nothing before it, or the user gesture is lost.
    const sidePanel = (browser as unknown as { sidePanel?: typeof Browser.sidePanel }).sidePanel;
    const sidebarAction = (browser as unknown as { sidebarAction?: { open: () => Promise<void> } }).sidebarAction;
    void sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
    browser.action.onClicked.addListener((tab) => {
      if (sidePanel && tab.windowId !== undefined) void sidePanel.open({ windowId: tab.windowId });
      else void sidebarAction?.open();
      if (tab.id !== undefined) void toolbarClickStore(browser.storage.session).set({ tabId: tab.id, at: Date.now() });
    });
  },
});
