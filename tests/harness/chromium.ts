import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CdpPage } from './cdp-page';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumRun {
  browser: Browser;
  context: BrowserContext;
  cdp: CDPSession;
  extensionId: string;
  userDataDir: string;
  downloadDir: string;
  process: ChildProcess;
  /** Clicks the toolbar button for `page`'s tab (which grants activeTab) and attaches to the side panel. */
  openPanel: (page: Page) => Promise<CdpPage>;
  close: () => Promise<void>;
  /** Ends the browser at once, as a crash would. */
  kill: () => Promise<void>;
  /** Attaches to the extension's service worker (the background), e.g. to watch its network. */
  attachBackground: () => Promise<CdpPage>;
}

interface LaunchOptions {
  extensionDir: string;
  userDataDir?: string;
  downloadDir?: string;
  headless?: boolean;
  /** Extra command-line flags, e.g. `--lang=es` for the browser's UI language. */
  args?: string[];
  /** Extra environment, e.g. LANGUAGE for the UI language on Linux. */
  env?: Record<string, string>;
}

/** Flags that keep Chromium off the network (this machine has none) and quiet. */
const QUIET = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--password-store=basic',
];

const waitForDevTools = (proc: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${buffer.slice(-2000)}`)), 30_000);
    proc.stderr!.on('data', (data: Buffer) => {
      buffer += data.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    proc.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${buffer.slice(-2000)}`)));
  });

/** Launches Debian's Chromium with the unpacked extension and connects Playwright over CDP. */
export async function launchChromium(options: LaunchOptions): Promise<ChromiumRun> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run tests/tools/ensure-browsers.sh`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'sl-chromium-'));
  const downloadDir = options.downloadDir ?? join(userDataDir, 'Downloads');
  mkdirSync(downloadDir, { recursive: true });
  const args = [
    ...(options.headless === false ? [] : ['--headless']),
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...QUIET,
    '--remote-debugging-port=0',
    '--enable-unsafe-extension-debugging',
    `--user-data-dir=${userDataDir}`,
    `--load-extension=${options.extensionDir}`,
    `--disable-extensions-except=${options.extensionDir}`,
    ...(options.args ?? []),
    'about:blank',
  ];
  const proc = spawn(CHROMIUM, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: options.env ? { ...process.env, ...options.env } : process.env,
  });
  const wsEndpoint = await waitForDevTools(proc);
  const httpOrigin = `http://${new URL(wsEndpoint).host}`;
  const browser = await chromium.connectOverCDP(wsEndpoint);
  const context = browser.contexts()[0]!;
  const cdp = await browser.newBrowserCDPSession();
  // Playwright names downloads by GUID in the contexts it manages; keep the extension's file names.
  const keepDownloadNames = async () => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { browserContextId?: string }[] };
    for (const browserContextId of new Set([undefined, ...targetInfos.map((t) => t.browserContextId)])) {
      await cdp.send('Browser.setDownloadBehavior', {
        behavior: 'allow',
        downloadPath: downloadDir,
        browserContextId,
      } as never);
    }
  };
  await keepDownloadNames();

  const extensionId = await findExtensionId(cdp);
  const openPanel = async (page: Page) => {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: { targetId: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    // The first click can land while the service worker is still starting; click again, as a user would.
    let panel: CdpPage | undefined;
    for (let attempt = 0; attempt < 4 && !panel; attempt++) {
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      panel = await attachToPanel(httpOrigin, extensionId, 4_000).catch(() => undefined);
    }
    if (!panel) throw new Error('the side panel did not open');
    await keepDownloadNames();
    return panel;
  };
  let closed = false;
  return {
    browser,
    context,
    cdp,
    extensionId,
    userDataDir,
    downloadDir,
    process: proc,
    openPanel,
    attachBackground: async () => {
      const targets = (await (await fetch(`${httpOrigin}/json/list`)).json()) as {
        type: string;
        url: string;
        webSocketDebuggerUrl: string;
      }[];
      const worker = targets.find(
        (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
      );
      if (!worker) throw new Error('no extension service worker target');
      return CdpPage.connect(worker.webSocketDebuggerUrl);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      // Browser.close lets Chromium flush its profile (IndexedDB included) like a normal quit.
      await cdp.send('Browser.close').catch(() => undefined);
      await exited(proc, 15_000);
      await browser.close().catch(() => undefined);
    },
    kill: async () => {
      closed = true;
      proc.kill('SIGKILL');
      await exited(proc, 15_000);
      await browser.close().catch(() => undefined);
    },
  };
}

/** Waits for the process to end; kills it if it outlives `ms`. */
async function exited(proc: ChildProcess, ms: number): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => proc.kill('SIGKILL'), ms);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function findExtensionId(cdp: CDPSession): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (worker) return new URL(worker.url).host;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the extension did not start (no service worker)');
}

async function attachToPanel(httpOrigin: string, extensionId: string, timeoutMs: number): Promise<CdpPage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const targets = (await (await fetch(`${httpOrigin}/json/list`)).json()) as {
      url: string;
      webSocketDebuggerUrl: string;
    }[];
    const panel = targets.find((t) => t.url === `chrome-extension://${extensionId}/sidepanel.html`);
    if (panel) {
      const page = await CdpPage.connect(panel.webSocketDebuggerUrl);
      await page.waitForSelector('main');
      return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the side panel did not open');
}
