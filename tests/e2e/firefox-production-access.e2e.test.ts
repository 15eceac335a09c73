// Site access on the release build in firefox-esr, through the real sidebar: the toolbar action grants
// activeTab and the clip works; "Always allow on this portal" asks for exactly that origin (the prompt is
// answered by the pref extensions.webextOptionalPermissionPrompts=false, as DESIGN.md says: a headless
// browser cannot click it); later tabs of the portal clip without the toolbar; a revoked grant is refused
// with a clear message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseBuild } from '../harness/builds';
import type { FirefoxRun } from '../harness/firefox';
import { startFirefoxSidebar, type FirefoxSidebarSession } from '../harness/firefox-session';
import type { FirefoxSidebar } from '../harness/firefox-sidebar';
import type { DemoPortal } from '../harness/portal-server';

let session: FirefoxSidebarSession | undefined;
let portal: DemoPortal;
let run: FirefoxRun;
let sidebar: FirefoxSidebar;
const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'));

const clip = async () => {
  await sidebar.evaluate(
    `(w) => w.document.querySelector('[data-testid="clip-status"]')?.setAttribute('data-old', w.document.querySelector('[data-testid="clip-status"]').textContent)`,
  );
  await sidebar.click('[data-testid="clip-page"]');
  return sidebar.waitFor<string>(
    `(w) => { const s = w.document.querySelector('[data-testid="clip-status"]'); const b = w.document.querySelector('[data-testid="clip-page"]'); const t = s?.textContent ?? ''; return b && !b.disabled && t && t !== s.getAttribute('data-old') ? t : ''; }`,
    60_000,
  );
};
const records = () =>
  sidebar.evaluate<number>(`(w) => w.document.querySelectorAll('[data-testid="record-open"]').length`);

beforeAll(async () => {
  session = await startFirefoxSidebar(releaseBuild('firefox'));
  ({ portal, run, sidebar } = session);
});
afterAll(() => session?.close());

describe('site access on the Firefox release build', () => {
  it('pre-grants no host', () => {
    const manifest = JSON.parse(readFileSync(join(releaseBuild('firefox'), 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('sees no portal before the toolbar click, and clips after it', async () => {
    // The panel has read its tab (the sidebar may still be rendering when it opens).
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="tab-origin"]')?.textContent === ${JSON.stringify(en.tabNoAccess.message)}`,
    );
    await sidebar.toolbarClick();
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="tab-origin"]').textContent.includes(${JSON.stringify(portal.origin)})`,
    );
    await sidebar.fill('[data-testid="case-new-title"]', 'Firefox production path');
    await sidebar.click('[data-testid="case-create"]');
    await sidebar.waitFor(`(w) => !!w.document.querySelector('[data-testid="case-select"]')`);
    expect(await clip()).toMatch(/^Clipped/);
  });

  it('asks for standing access to exactly this portal, then clips its other tabs without the toolbar', async () => {
    expect(await sidebar.text('[data-testid="always-allow"]')).toContain('http://127.0.0.1');
    await sidebar.userClick('[data-testid="always-allow-button"]');
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="site-access"]').textContent.includes('http://127.0.0.1/*')`,
    );
    expect(await sidebar.evaluate(`(w) => !!w.document.querySelector('[data-testid="always-allow"]')`)).toBe(false);
    const other = await run.browser.newPage();
    await other.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    await other.bringToFront();
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="tab-origin"]').textContent.includes(${JSON.stringify(portal.origin)})`,
    );
    expect(await clip()).toMatch(/^Clipped/);
    expect(await records()).toBeGreaterThanOrEqual(2);
  });

  it('refuses clearly once the grant is revoked', async () => {
    const before = await records();
    await sidebar.click('[data-testid="site-access"] button');
    await sidebar.waitFor(
      `(w) => !w.document.querySelector('[data-testid="site-access"]').textContent.includes('127.0.0.1')`,
    );
    const other = await run.browser.newPage();
    await other.goto(`${portal.origin}/mychart/test-results/cmp.html`);
    await other.bringToFront();
    await sidebar.waitFor(
      `(w) => w.document.querySelector('[data-testid="tab-origin"]').textContent === ${JSON.stringify(en.tabNoAccess.message)}`,
    );
    expect(await clip()).toBe(en.error_no_site_access.message);
    expect(await records()).toBe(before);
  });
});
