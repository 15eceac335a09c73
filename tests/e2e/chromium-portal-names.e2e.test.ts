// Portal names in real Chromium: a known portal is named by its adapter, an unknown one by the patient
// once; the panel, INDEX.HTM and every later clip from that portal show the name beside the origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { clipFromPanel, createCase, exportFromPanel } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
/** The same server under another origin, standing for a second portal. */
let clinic: string;

// A clinic page no adapter recognises (plain headings and a table, as many small-practice portals serve).
const clinicPage = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body>
<h1>${title}</h1><p>Seen on 2026-10-02 by Dr. Example for follow-up. Plan: repeat labs in three months.</p></body></html>`;

beforeAll(async () => {
  portal = await startDemoPortal(0, {
    '/clinic/visit-1.html': () => ({ body: clinicPage('Visit summary, October') }),
    '/clinic/visit-2.html': () => ({ body: clinicPage('Visit summary, November') }),
  });
  clinic = portal.origin.replace('127.0.0.1', 'localhost');
  run = await launchChromium({ extensionDir: testBuild('chrome') });
  const page = run.context.pages()[0]!;
  await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
  panel = await run.openPanel(page);
  await createCase(panel, 'Portal names');
});
afterAll(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
});

const openRecord = async (title: string) => {
  await panel.evaluate((t: string) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="record-open"]')].find((b) =>
      b.textContent!.includes(t),
    );
    button!.click();
  }, title);
  await panel.waitForSelector('[data-testid="portal-label"]');
  return panel.text('[data-testid="portal-label"]');
};
const back = () => panel.click('[data-testid="record-detail"] button.link');

describe('portal names', () => {
  it('come from the adapter for a known portal', async () => {
    expect(await clipFromPanel(panel)).toMatch(/Clipped/);
    expect(await openRecord('CBC with Differential')).toMatch(/Epic MyChart/);
    expect(await axeViolations(panel)).toEqual([]);
    await back();
  });

  it('are given once by the patient for an unknown portal, and kept for later clips', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${clinic}/clinic/visit-1.html`);
    // Another origin: the toolbar click grants it to this tab (test builds pre-grant 127.0.0.1 only).
    panel.close();
    panel = await run.openPanel(page);
    await panel.waitForText('[data-testid="tab-origin"]', clinic);
    expect(await clipFromPanel(panel)).toMatch(/Clipped/);
    expect(await openRecord('October')).toBe(`Portal: ${clinic}`);
    await panel.fill('[data-testid="portal-name-input"]', 'Valley Clinic portal');
    await panel.click('[data-testid="portal-name-save"]');
    await panel.waitForText('[data-testid="portal-label"]', `Valley Clinic portal (${clinic})`);
    await back();
    await page.goto(`${clinic}/clinic/visit-2.html`);
    panel.close();
    panel = await run.openPanel(page);
    expect(await clipFromPanel(panel)).toMatch(/Clipped/);
    expect(await openRecord('November')).toBe(`Portal: Valley Clinic portal (${clinic})`);
    await back();
  });

  it('travel into INDEX.HTM and the record pages', async () => {
    const { pkg } = await exportFromPanel(panel, run.downloadDir);
    expect(pkg.problems).toEqual([]);
    const index = new TextDecoder().decode(pkg.entries['INDEX.HTM']);
    expect(index).toContain('Epic MyChart');
    expect(index).toContain(`Valley Clinic portal (${clinic})`);
    expect(index).not.toContain(`Valley Clinic portal (${portal.origin})`);
    const pages = Object.entries(pkg.entries)
      .filter(([name]) => name.endsWith('record.html'))
      .map(([, data]) => new TextDecoder().decode(data));
    expect(pages.filter((html) => html.includes('Valley Clinic portal'))).toHaveLength(2);
  });
});
