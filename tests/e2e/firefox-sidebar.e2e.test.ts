// The real Firefox sidebar (sidebar_action) in firefox-esr: opened in the browser window, it follows the
// active portal tab and clips it through the background, as the toolbar button's sidebar does for a user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBuild } from '../harness/builds';
import type { DemoPortal } from '../harness/portal-server';
import type { FirefoxSidebar } from '../harness/firefox-sidebar';
import { createCaseInSidebar, startFirefoxSidebar, type FirefoxSidebarSession } from '../harness/firefox-session';

let session: FirefoxSidebarSession | undefined;
let portal: DemoPortal;
let sidebar: FirefoxSidebar;

beforeAll(async () => {
  session = await startFirefoxSidebar(testBuild('firefox'));
  ({ portal, sidebar } = session);
});
afterAll(() => session?.close());

describe('the real Firefox sidebar', () => {
  it('renders the panel and follows the active portal tab', async () => {
    await sidebar.waitFor(`(w) => !!w.document.querySelector('main h1')`);
    expect(await sidebar.text('main h1')).toBe('Second Look');
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="tab-origin"]')?.textContent.includes(${JSON.stringify(portal.origin)})`,
    );
  });

  it('creates a case and clips the portal page into it', async () => {
    await createCaseInSidebar(sidebar, 'Sidebar case');
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
