import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxRun, until, type FirefoxApi } from '../harness/firefox';
import type { DemoPortal } from '../harness/portal-server';
import { startFirefoxSuite, stopSuite } from '../harness/suite';

let portal: DemoPortal;
let run: FirefoxRun;

beforeAll(async () => {
  ({ portal, run } = await startFirefoxSuite());
});
afterAll(() => stopSuite({ run, portal }));

describe('walking skeleton in Firefox', () => {
  it('installs, renders its sidebar page, and stores and shows a clip of a demo page', async () => {
    const portalPage = await run.browser.newPage();
    await portalPage.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    const panel = await run.openPanel();
    expect(await panel.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Second Look');

    await panel.locator('[data-testid="case-new-title"]').fill('Anemia work-up, Nov 2026');
    await panel.locator('[data-testid="case-create"]').click();
    await until(panel, () => document.querySelector('[data-testid="case-select"]') !== null);

    // The sidebar would clip its window's active tab; opened as a tab here, the panel sends the same
    // typed message through the real background for the portal tab.
    const reply = await panel.evaluate(async (url: string) => {
      const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
      // Match patterns cannot carry a port in Firefox, so filter the tabs here.
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      if (!tab) return { tabs: (await api.tabs.query({})).map((t) => t.url), granted: await api.permissions.getAll() };
      return api.runtime.sendMessage({ type: 'clip/tab', payload: { tabId: tab.id, selectionOnly: false } });
    }, `${portal.origin}/mychart/test-results/cbc.html`);
    expect(reply).toMatchObject({ ok: true, data: { titles: ['CBC with Differential'] } });

    const shown = await until(panel, () => document.querySelector('[data-testid="records-lab"]')?.textContent);
    expect(shown).toContain('CBC with Differential');
    expect(await until(panel, () => document.querySelector('[data-testid="clip-status"]')?.textContent)).toContain(
      'Clipped',
    );
  });
});
