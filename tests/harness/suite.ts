import { testBuild } from './builds';
import type { CdpPage } from './cdp-page';
import { launchChromium, type ChromiumRun } from './chromium';
import { launchFirefox, type FirefoxRun } from './firefox';
import { startDemoPortal, type DemoPortal } from './portal-server';

/** What most browser test files start with: the demo portal and a browser with the test build. */
export async function startChromiumSuite(): Promise<{ portal: DemoPortal; run: ChromiumRun }> {
  const portal = await startDemoPortal();
  return { portal, run: await launchChromium({ extensionDir: testBuild('chrome') }) };
}

export async function startFirefoxSuite(): Promise<{ portal: DemoPortal; run: FirefoxRun }> {
  const portal = await startDemoPortal();
  return { portal, run: await launchFirefox(testBuild('firefox')) };
}

/** Closes whatever the file opened; each part may be missing when setup failed part-way. */
export async function stopSuite(parts: { panel?: CdpPage; run?: { close: () => Promise<void> }; portal?: DemoPortal }) {
  parts.panel?.close();
  await parts.run?.close();
  await parts.portal?.close();
}

/** Chromium on a kept profile (fault tests restart it on purpose), one portal page open and the side panel on it. */
export async function launchWithPanel(
  userDataDir: string,
  pageUrl: string,
): Promise<{ run: ChromiumRun; panel: CdpPage }> {
  const run = await launchChromium({ extensionDir: testBuild('chrome'), userDataDir });
  const page = run.context.pages()[0]!;
  await page.goto(pageUrl);
  return { run, panel: await run.openPanel(page) };
}
