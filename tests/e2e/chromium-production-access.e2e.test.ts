// The release build's site access in real Chromium, with no host pre-granted: the toolbar click grants
// activeTab and the clip works without any prompt; another tab of the portal is refused with a clear
// message until its own toolbar click; standing access is offered for exactly that portal's origin.
// Chromium's permission prompt cannot be answered headless (DESIGN.md), so the grant itself is not driven here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { releaseBuild } from '../harness/builds';
import { clipFromPanel, createCase } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'));

beforeAll(async () => {
  portal = await startDemoPortal();
  run = await launchChromium({ extensionDir: releaseBuild('chrome') });
});
afterAll(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
});

describe('site access on the release build', () => {
  it('asks for nothing beyond activeTab and optional portal origins', () => {
    const manifest = JSON.parse(readFileSync(join(releaseBuild('chrome'), 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.permissions).toContain('activeTab');
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('clips on the toolbar click grant, with no prompt, and offers standing access for that origin', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    panel = await run.openPanel(page);
    await createCase(panel, 'Production path');
    await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
    expect(await clipFromPanel(panel)).toMatch(/^Clipped/);
    expect(await panel.text('[data-testid="always-allow"]')).toContain('http://127.0.0.1');
  });

  it('refuses another tab of the portal with a clear message until its own toolbar click', async () => {
    const other = await run.context.newPage();
    await other.goto(`${portal.origin}/mychart/test-results/cmp.html`);
    await other.bringToFront();
    await panel.waitForText('[data-testid="tab-origin"]', catalogue.tabNoAccess.message);
    expect(await clipFromPanel(panel)).toBe(catalogue.error_no_site_access.message);
    expect(await panel.evaluate(() => document.querySelectorAll('[data-testid="record-open"]').length)).toBe(1);
    // The toolbar click on this tab grants it.
    panel.close();
    panel = await run.openPanel(other);
    await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
    expect(await clipFromPanel(panel)).toMatch(/^Clipped/);
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 2, []);
  });
});
