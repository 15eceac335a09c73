// The keyboard shortcut and the context menu, for real, in firefox-esr on the release build (no host granted
// in advance): trusted key presses into the browser window fire the extension's Alt+Shift+K command, and a
// real right-click in the portal page opens Firefox's context menu, whose Second Look item is chosen as a
// click chooses it. Each grants activeTab for that tab only, and the clip lands in the case shown in the sidebar.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseBuild } from '../harness/builds';
import type { FirefoxRun } from '../harness/firefox';
import { createCaseInSidebar, startFirefoxSidebar, type FirefoxSidebarSession } from '../harness/firefox-session';
import type { FirefoxSidebar } from '../harness/firefox-sidebar';
import type { DemoPortal } from '../harness/portal-server';

let session: FirefoxSidebarSession | undefined;
let portal: DemoPortal;
let run: FirefoxRun;
let sidebar: FirefoxSidebar;

const records = () =>
  sidebar.evaluate<number>(`(w) => w.document.querySelectorAll('[data-testid="record-open"]').length`);
/** Marks the current clip status, then waits for a different one. */
const markStatus = () =>
  sidebar.evaluate(
    `(w) => { const s = w.document.querySelector('[data-testid="clip-status"]'); s?.setAttribute('data-old', s.textContent); return true; }`,
  );
const nextStatus = () =>
  sidebar.waitFor<string>(
    `(w) => { const s = w.document.querySelector('[data-testid="clip-status"]'); const t = s?.textContent ?? ''; return t && t !== s.getAttribute('data-old') ? t : ''; }`,
    60_000,
  );
/** Origins the extension holds standing access to (none: every clip here rides on activeTab). */
const grantedOrigins = () => sidebar.grantedOrigins();

async function rightClick(page: Page, selector: string) {
  await page.bringToFront();
  const box = (await (await page.waitForSelector(selector))!.boundingBox())!;
  await page.mouse.click(box.x + Math.min(10, box.width / 2), box.y + box.height / 2, { button: 'right' });
}

beforeAll(async () => {
  session = await startFirefoxSidebar(releaseBuild('firefox'));
  ({ portal, run, sidebar } = session);
  await createCaseInSidebar(sidebar, 'Menu and shortcut case');
});
afterAll(() => session?.close());

describe('Firefox: shortcut and context menu, for real', () => {
  it('Alt+Shift+K pressed in the browser window clips the portal page', async () => {
    expect(await grantedOrigins()).toEqual([]);
    expect(await records()).toBe(0);
    await markStatus();
    await run.browser.pages().then(([page]) => page!.bringToFront());
    await sidebar.pressKeys('K', ['Alt', 'Shift']);
    expect(await nextStatus()).toMatch(/^Clipped/);
    await sidebar.waitFor(`(w) => w.document.querySelectorAll('[data-testid="record-open"]').length === 1`);
    // Nothing standing was granted: the shortcut's activeTab did it.
    expect(await grantedOrigins()).toEqual([]);
  });

  it('the page context menu offers "clip page" (not "clip selection" without one) and clips another tab', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${portal.origin}/athena/imaging/ct-chest.html`);
    await rightClick(page, 'h1');
    expect(await sidebar.contextMenuItems()).toEqual(['clip-page']);
    await markStatus();
    expect(await sidebar.chooseContextMenuItem('clip-page')).toBe('Second Look: clip page');
    expect(await nextStatus()).toMatch(/^Clipped/);
    await sidebar.waitFor(`(w) => w.document.querySelectorAll('[data-testid="record-open"]').length === 2`);
    expect(await grantedOrigins()).toEqual([]);
  });

  it('with text selected the menu offers "clip selection", which clips what was selected', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${portal.origin}/athena/notes/visit-2026-10-14.html`);
    await page.evaluate(() => {
      const target = document.querySelector('main p, article p, p')!;
      const range = document.createRange();
      range.selectNodeContents(target);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await rightClick(page, 'main p, article p, p');
    expect(await sidebar.contextMenuItems()).toContain('clip-selection');
    await markStatus();
    expect(await sidebar.chooseContextMenuItem('clip-selection')).toBe('Second Look: clip selection');
    expect(await nextStatus()).toMatch(/^Clipped/);
    await sidebar.waitFor(`(w) => w.document.querySelectorAll('[data-testid="record-open"]').length === 3`);
  });
});
