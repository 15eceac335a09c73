import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBuild } from '../harness/builds';
import type { CdpPage } from '../harness/cdp-page';
import { type ChromiumRun, launchChromium } from '../harness/chromium';
import { type DemoPortal, startDemoPortal } from '../harness/portal-server';
import { stopSuite } from '../harness/suite';
import { renderCcda } from '../tools/ccda-corpus';

// Reading pages others wrote, through the real side panel: a health summary rendered by HL7's stylesheet
// (XHTML with prolog and DOCTYPE, served as a server writes it) is clipped as a page of sections, one
// record per ticked section; the same page saved to disk is imported as a page; a page whose values
// cannot all be tied to their tests says how many were kept as text only.
let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;

const SUMMARY = renderCcda('sample_ccdas_HL7_Samples_CCD.sample.xml', 'cda-core');
const AMBIGUOUS = `<!doctype html><html><head><title>Lab results</title></head><body><main><h1>Lab results</h1>
<table><tr><td>Sodium</td><td>140</td><td>mmol/L</td></tr><tr><td>Glucose</td><td>98</td><td>104</td><td>mg/dL</td></tr></table>
<p>Your LDL was 131 mg/dL and HDL 45 mg/dL last year.</p></main></body></html>`;

const recordTitles = (p: CdpPage) =>
  p.evaluate(() =>
    [...document.querySelectorAll('[data-testid="record-open"] .title')].map((e) => e.textContent ?? ''),
  );

beforeAll(async () => {
  portal = await startDemoPortal(0, {
    '/summary/ccd.xhtml': () => ({ headers: { 'content-type': 'application/xhtml+xml' }, body: SUMMARY }),
    '/results/ambiguous.html': () => ({ body: AMBIGUOUS }),
  });
  run = await launchChromium({ extensionDir: testBuild('chrome') });
});
afterAll(() => stopSuite({ panel, run, portal }));

describe('reading pages by their content in Chromium', () => {
  it('clips a rendered health summary as its sections and saves one record per ticked section', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/summary/ccd.xhtml`);
    // Served as XHTML, with its prolog and DOCTYPE: Chromium parsed it as an XML document.
    expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    panel = await run.openPanel(page);
    await panel.fill('[data-testid="case-new-title"]', 'Reading e2e');
    await panel.click('[data-testid="case-create"]');
    await panel.waitFor(
      () =>
        (document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent ??
          '') === 'Reading e2e',
      [],
    );
    await panel.click('[data-testid="clip-page"]');
    await panel.waitForSelector('[data-testid="clip-preview"]', 60_000);
    const preview = await panel.text('[data-testid="clip-preview"]');
    for (const title of [
      'Allergies, Adverse Reactions, Alerts',
      'Medications',
      'Results',
      'Vital Signs',
      'Plan of Care',
    ])
      expect(preview).toContain(title);
    // Untick two sections, save the rest.
    await panel.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLInputElement>('[data-testid="preview-item"]')];
      for (const name of ['Insurance Providers', 'Medical Equipment'])
        items.find((i) => i.closest('li')?.textContent?.includes(name))!.click();
    });
    const ticked = await panel.evaluate(
      () =>
        [...document.querySelectorAll<HTMLInputElement>('[data-testid="preview-item"]')].filter((i) => i.checked)
          .length,
    );
    await panel.click('[data-testid="preview-save"]');
    await panel.waitForText('[data-testid="clip-status"]', 'Clipped', 60_000);
    await panel.waitFor(
      (n: number) => document.querySelectorAll('[data-testid="record-open"]').length === n,
      [ticked],
      30_000,
    );
    const titles = await recordTitles(panel);
    expect(titles).toHaveLength(ticked);
    expect(titles).toEqual(expect.arrayContaining(['Results', 'Medications', 'Vital Signs']));
    expect(titles).not.toContain('Insurance Providers');
    // The results section holds its values, read off the page by content.
    await panel.evaluate(() => {
      [...document.querySelectorAll<HTMLButtonElement>('[data-testid="record-open"]')]
        .find((b) => b.querySelector('.title')?.textContent === 'Results')!
        .click();
    });
    const detail = await panel.waitForText('body', 'page content', 30_000);
    expect(detail).toContain('HGB');
    expect(detail).toContain('13.2');
    // The summary's own text-only values are reported too (its EKG line and "28.0 Alk" are not tied).
    expect(await panel.text('[data-testid="clip-status"]')).toMatch(
      /\d+ values? on this page (was|were) kept as text only/,
    );
  }, 180_000);

  it('imports the same XHTML page saved to disk as a page, not as a refused XML file', async () => {
    await panel.evaluate(
      (text: string) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="file-input"]')!;
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'health-summary.xhtml', { type: 'application/xhtml+xml' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      SUMMARY.replace('Good Health Health Summary', 'Good Health Summary (saved)'),
    );
    const status = await panel.waitForText('[data-testid="file-status"]', 'health-summary.xhtml', 60_000);
    expect(status).not.toMatch(/DOCTYPE|Nothing was saved/);
    // Read as the same page of sections: the sections left out of the clip are new, the others dedupe.
    // Only the two sections left out of the clip are new (every other section dedupes by its snapshot).
    const added = Number(/added (\d+) record/.exec(status)?.[1]);
    expect(added).toBe(2);
  }, 120_000);

  it("imports a saved MyChart page with the family's reader, loaded into the panel next to capture.js", async () => {
    const saved = readFileSync(resolve('tests/fixtures/portals/epic-mychart/two-panels.html'), 'utf8');
    await panel.evaluate((text: string) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="file-input"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'mychart-results.html', { type: 'text/html' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, saved);
    const status = await panel.waitForText('[data-testid="file-status"]', 'mychart-results.html', 60_000);
    // The two panels of the page (tests/fixtures/portals/epic-mychart/two-panels.expected.json).
    expect(status).toMatch(/added 2 record/);
    // In the case (the panel still shows the record opened earlier; the export list names every record).
    const listed = await panel.waitForText('[data-testid="export-records"]', 'Urinalysis', 30_000);
    expect(listed).toContain('Lipid Panel');
  }, 120_000);

  it('says how many values on a page were kept as text only', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/results/ambiguous.html`);
    await page.bringToFront();
    await panel.click('[data-testid="clip-page"]');
    const status = await panel.waitForText('[data-testid="clip-status"]', 'Clipped: Lab results', 60_000);
    expect(status).toContain('3 values on this page were kept as text only.');
  }, 120_000);
});
