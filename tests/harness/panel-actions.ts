import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CdpPage } from './cdp-page';
import type { ChromiumRun } from './chromium';
import { checkPackage, waitForNewZip, type CheckedPackage } from './package-check';

/** Creates a case from the panel as a user would and waits until it is the active one. */
export async function createCase(panel: CdpPage, title: string): Promise<void> {
  await panel.fill('[data-testid="case-new-title"]', title);
  await panel.click('[data-testid="case-create"]');
  await panel.waitFor(
    (t: string) =>
      (document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent ??
        '') === t,
    [title],
  );
}

/** Clicks Clip and returns the status once it has changed to a final sentence. */
export async function clipFromPanel(panel: CdpPage, timeoutMs = 60_000): Promise<string> {
  const before = await panel.text('[data-testid="clip-status"]');
  await panel.evaluate(() => document.querySelector('[data-testid="clip-status"]')?.setAttribute('data-seen', 'old'));
  await panel.click('[data-testid="clip-page"]');
  return panel.waitFor(
    (old: string) => {
      const el = document.querySelector('[data-testid="clip-status"]');
      const button = document.querySelector<HTMLButtonElement>('[data-testid="clip-page"]');
      const text = el?.textContent ?? '';
      return button && !button.disabled && text !== '' && text !== old ? text : '';
    },
    [before],
    timeoutMs,
  );
}

/** Clicks Export and returns the checked package once the download has finished. */
export async function exportFromPanel(
  panel: CdpPage,
  downloadDir: string,
  timeoutMs = 60_000,
): Promise<{ path: string; pkg: CheckedPackage }> {
  const before = readdirSync(downloadDir);
  await panel.click('[data-testid="export"]');
  await panel.waitForText('[data-testid="export-status"]', 'Saved', timeoutMs);
  const path = await waitForNewZip(downloadDir, before, timeoutMs);
  return { path, pkg: checkPackage(path) };
}

/** Writes the package's files to `dir` (names come from our own exporter and were checked against the manifest). */
export function extractPackage(pkg: CheckedPackage, dir: string): string[] {
  const written: string[] = [];
  for (const [name, data] of Object.entries(pkg.entries)) {
    if (name.endsWith('/') || name.includes('..')) continue;
    const target = join(dir, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
    written.push(target);
  }
  return written;
}

/** Anything that runs a function in an extension page: our CdpPage (Chromium) or a puppeteer Page (Firefox). */
export interface ExtensionPage {
  evaluate: <T>(fn: () => T | Promise<T>) => Promise<T>;
}

/** Counts rows per table in the extension's database, read from an extension page (same origin). */
export function countRows(panel: ExtensionPage): Promise<Record<string, number>> {
  return panel.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Everything that would show script running or data leaving a page, counted from the protocol. */
export interface Watch {
  dialogs: string[];
  consoleMessages: string[];
  /** Scripts compiled in frames other than the extension's own page (inline handlers included). */
  foreignScripts: string[];
  /** Requests to anything other than the extension itself, data: or blob:. */
  requests: string[];
}

/**
 * Watches the panel page and every frame inside it (the sandboxed snapshot frame may run in its own
 * process: auto-attach reaches it). Dialogs are dismissed and counted.
 */
export async function watchPanel(panel: CdpPage, extensionOrigin: string): Promise<Watch> {
  const watch: Watch = { dialogs: [], consoleMessages: [], foreignScripts: [], requests: [] };
  const { frameTree } = await panel.send<{ frameTree: { frame: { id: string } } }>('Page.getFrameTree');
  const mainFrame = frameTree.frame.id;
  const local = (url: string) => url.startsWith(extensionOrigin) || url.startsWith('data:') || url.startsWith('blob:');
  const enable = async (sessionId?: string) => {
    for (const method of ['Page.enable', 'Runtime.enable', 'Network.enable', 'Debugger.enable']) {
      await panel.send(method, {}, sessionId).catch(() => undefined);
    }
    await panel
      .send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId)
      .catch(() => undefined);
    if (sessionId) await panel.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
  };
  panel.on('Target.attachedToTarget', (p) => void enable((p as { sessionId: string }).sessionId));
  panel.on('Page.javascriptDialogOpening', (p) => {
    watch.dialogs.push(String(p.message));
    void panel
      .send('Page.handleJavaScriptDialog', { accept: false }, p.sessionId as string | undefined)
      .catch(() => undefined);
  });
  panel.on('Runtime.consoleAPICalled', (p) => watch.consoleMessages.push(JSON.stringify(p.args).slice(0, 200)));
  panel.on('Network.requestWillBeSent', (p) => {
    const url = (p.request as { url: string }).url;
    if (!local(url)) watch.requests.push(url);
  });
  panel.on('Debugger.scriptParsed', (p) => {
    const aux = p.executionContextAuxData as { frameId?: string } | undefined;
    const url = String(p.url ?? '');
    if (p.sessionId || (aux?.frameId && aux.frameId !== mainFrame)) watch.foreignScripts.push(url || '(inline)');
  });
  await enable();
  return watch;
}

/** Every row of a table in the extension's database (Blobs come back as their size). */
export function readTable(panel: CdpPage, table: string): Promise<Record<string, unknown>[]> {
  return panel.evaluate(
    (name: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(
              (request.result as Record<string, unknown>[]).map((row) =>
                Object.fromEntries(
                  Object.entries(row).map(([k, v]) => [k, v instanceof Blob ? { blobSize: v.size } : v]),
                ),
              ),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Sends 'clip/tab' from the panel page (an extension page) for each tab id, all at once. */
export function clipTabsAtOnce(panel: CdpPage, tabIds: number[]): Promise<unknown[]> {
  return panel.evaluate(
    (ids: number[]) =>
      Promise.all(
        ids.map((tabId) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
          ).chrome.runtime.sendMessage({
            type: 'clip/tab',
            payload: { tabId, selectionOnly: false },
          }),
        ),
      ),
    tabIds,
  );
}

/** Closes the side panel page (as the user closing it would: the page goes away, no blur first). */
export async function closePanel(r: Pick<ChromiumRun, 'cdp'>) {
  const { targetInfos } = (await r.cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; url: string }[];
  };
  const target = targetInfos.find((t) => t.url.endsWith('/sidepanel.html'));
  if (!target) throw new Error('no side panel open');
  await r.cdp.send('Target.closeTarget', { targetId: target.targetId } as never);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { targetInfos: now } = (await r.cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
    if (!now.some((t) => t.url.endsWith('/sidepanel.html'))) return;
    if (Date.now() > deadline) throw new Error('the side panel did not close');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
