// The real Firefox sidebar (sidebar_action) in firefox-esr: opened in the browser window, it follows the
// active portal tab and clips it through the background, as the toolbar button's sidebar does for a user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBuild } from '../harness/builds';
import { launchFirefox, type FirefoxRun } from '../harness/firefox';
import { openSidebar, type FirefoxSidebar } from '../harness/firefox-sidebar';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

let portal: DemoPortal;
let run: FirefoxRun;
let sidebar: FirefoxSidebar;

beforeAll(async () => {
  portal = await startDemoPortal();
  run = await launchFirefox(testBuild('firefox'));
  const [page] = await run.browser.pages();
  await (page ?? (await run.browser.newPage())).goto(`${portal.origin}/healthelife/results.html`);
  sidebar = await openSidebar(run);
});
afterAll(async () => {
  await run?.close();
  await portal?.close();
});

describe('the real Firefox sidebar', () => {
  it('renders the panel and follows the active portal tab', async () => {
    await sidebar.waitFor(`(w) => !!w.document.querySelector('main h1')`);
    expect(await sidebar.text('main h1')).toBe('Second Look');
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="tab-origin"]')?.textContent.includes(${JSON.stringify(portal.origin)})`,
    );
  });

  it('creates a case and clips the portal page into it', async () => {
    await sidebar.fill('[data-testid="case-new-title"]', 'Sidebar case');
    await sidebar.click('[data-testid="case-create"]');
    await sidebar.waitFor(`(w) => !!w.document.querySelector('[data-testid="case-select"]')`);
    await sidebar.click('[data-testid="clip-page"]');
    const status = await sidebar.waitFor<string>(
      `(w) => { const t = w.document.querySelector('[data-testid="clip-status"]')?.textContent ?? ''; return /Clipped|Already/.test(t) ? t : ''; }`,
      60_000,
    );
    expect(status).toMatch(/^Clipped/);
    const titles = await sidebar.waitFor<string[]>(
      `(w) => { const t = [...w.document.querySelectorAll('[data-testid="record-open"]')].map((b) => b.textContent); return t.length ? t : null; }`,
    );
    expect(titles.length).toBeGreaterThan(0);
  });
});
