import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'second-look@example.org';
/** Pinned so tests know the moz-extension:// origin in advance (DESIGN.md, toolchain facts). */
export const ADDON_UUID = '5ec0d100-c0de-4a11-9e55-000000000001';
export const PANEL_URL = `moz-extension://${ADDON_UUID}/sidepanel.html`;

export interface FirefoxRun {
  browser: Browser;
  /** Opens the panel page in a tab (the sidebar itself cannot be driven) and waits until it renders. */
  openPanel: () => Promise<Page>;
  close: () => Promise<void>;
  /** Ends Firefox at once (SIGKILL), as a crash would. */
  kill: () => Promise<void>;
}

/** Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with the MV3 build installed. */
export async function launchFirefox(
  extensionDir: string,
  options: {
    downloadDir?: string;
    /** Reuse a profile across launches (restart and crash tests). */ userDataDir?: string;
  } = {},
): Promise<FirefoxRun> {
  if (!existsSync(FIREFOX)) throw new Error(`firefox-esr not found at ${FIREFOX}: run tests/tools/ensure-browsers.sh`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      ...(options.downloadDir ? { 'browser.download.dir': options.downloadDir } : {}),
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      // The add-on is installed as a temporary add-on at every launch: keep its origin and its data
      // across those reinstalls, as a normally installed add-on keeps them across restarts.
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.webextensions.keepStorageOnUninstall': true,
    },
  });
  await browser.installExtension(extensionDir);
  return {
    browser,
    openPanel: async () => {
      const page = await browser.newPage();
      // goto to a moz-extension:// URL never resolves over BiDi: start it and poll for the rendered panel.
      void page.goto(PANEL_URL).catch(() => undefined);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const ready = await page.evaluate(() => document.querySelector('main') !== null).catch(() => false);
        if (ready) return page;
        if (Date.now() > deadline) throw new Error('the Firefox panel page did not render');
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    close: () => browser.close(),
    kill: async () => {
      const proc = browser.process();
      proc?.kill('SIGKILL');
      if (proc && proc.exitCode === null && proc.signalCode === null) await new Promise((r) => proc.once('exit', r));
      await browser.disconnect().catch(() => undefined);
    },
  };
}

/** The slice of the WebExtension API that Firefox tests call inside the panel page. */
export interface FirefoxApi {
  tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> };
  permissions: { getAll: () => Promise<unknown> };
  runtime: { sendMessage: (m: unknown) => Promise<unknown> };
}

/** Polls `fn` in the page until it returns something truthy (page.waitForFunction is unreliable on moz-extension pages). */
export async function until<T>(page: Page, fn: () => T, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(fn).catch(() => undefined)) as T | undefined;
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
