import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { checkPackage, waitForNewZip } from '../harness/package-check';
import type { DemoPortal } from '../harness/portal-server';
import { startChromiumSuite, stopSuite } from '../harness/suite';

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;

const records = (p: CdpPage) =>
  p.evaluate(() => [...document.querySelectorAll('[data-testid="record-open"] .title')].map((e) => e.textContent));

beforeAll(async () => {
  ({ portal, run } = await startChromiumSuite());
});
afterAll(() => stopSuite({ panel, run, portal }));

describe('walking skeleton in Chromium', () => {
  it('creates a case, clips a portal page from the panel, and does not duplicate it', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    panel = await run.openPanel(page);
    await panel.waitForText('[data-testid="tab-origin"]', portal.origin);

    await panel.click('[data-testid="clip-page"]');
    expect(await panel.waitForText('[data-testid="clip-status"]', 'Create or choose a case first')).toBeTruthy();

    await panel.fill('[data-testid="case-new-title"]', 'Lung nodule, Nov 2026');
    await panel.click('[data-testid="case-create"]');
    await panel.waitFor(
      () =>
        (document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent ??
          '') === 'Lung nodule, Nov 2026',
      [],
    );

    await panel.click('[data-testid="clip-page"]');
    expect(await panel.waitForText('[data-testid="clip-status"]', 'Clipped')).toContain('CBC with Differential');
    await panel.waitForSelector('[data-testid="records-lab"] [data-testid="record-open"]');
    expect(await records(panel)).toEqual(['CBC with Differential']);

    await panel.click('[data-testid="clip-page"]');
    await panel.waitForText('[data-testid="clip-status"]', 'Already in this case');
    expect(await records(panel)).toHaveLength(1);
  });

  it('clips other portal families and guesses their kinds', async () => {
    const page = run.context.pages()[0]!;
    for (const path of [
      '/athena/imaging/ct-chest.html',
      '/athena/notes/visit-2026-10-14.html',
      '/healthelife/results.html',
    ]) {
      await page.goto(portal.origin + path);
      await panel.waitForText('[data-testid="tab-origin"]', '127.0.0.1');
      await panel.click('[data-testid="clip-page"]');
      await panel.waitForText('[data-testid="clip-status"]', 'Clipped');
    }
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 4, []);
    expect(
      await panel.evaluate(() => document.querySelector('[data-testid="records-imaging"]')?.textContent),
    ).toContain('CT CHEST W CONTRAST');
    expect(await panel.evaluate(() => document.querySelector('[data-testid="records-note"]')?.textContent)).toContain(
      'Office Visit Note',
    );
  });

  it('opens a record in a sandboxed frame with the same-origin image inlined and no script', async () => {
    await panel.evaluate(() => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="record-open"]')].find((b) =>
        b.textContent?.includes('CT CHEST'),
      );
      button!.click();
    });
    await panel.waitForSelector('[data-testid="record-snapshot"]');
    const frame = await panel.evaluate(() => {
      const iframe = document.querySelector<HTMLIFrameElement>('[data-testid="record-snapshot"]')!;
      return { sandbox: iframe.getAttribute('sandbox'), srcdoc: iframe.srcdoc };
    });
    expect(frame.sandbox).toBe('');
    expect(await panel.text('[data-testid="structured-summary"]')).toContain('IMPRESSION');
    expect(frame.srcdoc).toContain('14 mm spiculated nodule');
    expect(frame.srcdoc).toContain('src="data:image/png;base64,');
    expect(frame.srcdoc).not.toMatch(/<script|onclick|<form/i);

    await panel.fill('[data-testid="record-title"]', 'CT chest with contrast');
    await panel.fill('[data-testid="record-note"]', 'Ask about PET-CT');
    await panel.click('[data-testid="record-save"]');
    await panel.waitForText('#record-heading', 'CT chest with contrast');
  });

  it('lists the portals with access and explains what cannot be revoked', async () => {
    expect(await panel.text('[data-testid="site-access"]')).toContain('http://127.0.0.1/*');
    await panel.evaluate(() => {
      const revoke = document.querySelector<HTMLButtonElement>('[data-testid="site-access"] button')!;
      revoke.click();
    });
    // The test build declares loopback access in its manifest, which Chrome does not let anyone revoke.
    expect(await panel.waitForText('[data-testid="site-access"]', 'cannot be revoked here')).toBeTruthy();
  });

  it('keeps records across a browser restart', async () => {
    panel.close();
    await run.close();
    run = await launchChromium({ extensionDir: testBuild('chrome'), userDataDir: run.userDataDir });
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cmp.html`);
    panel = await run.openPanel(page);
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 4, []);
    expect(await records(panel)).toContain('CT chest with contrast');
  });

  it('exports a zip whose files all match the manifest', async () => {
    const before = readdirSync(run.downloadDir);
    await panel.click('[data-testid="export"]');
    const status = await panel.waitForText('[data-testid="export-status"]', 'Saved', 30_000);
    const fileName = /Saved (\S+\.zip)/.exec(status)![1]!;
    expect(fileName).toMatch(/^SecondLook_lung-nodule-nov-2026_\d{4}-\d{2}-\d{2}\.zip$/);
    const pkg = checkPackage(await waitForNewZip(run.downloadDir, before));
    expect(pkg.problems).toEqual([]);
    expect(pkg.manifest.format).toBe('second-look/1');
    expect(pkg.manifest.records).toHaveLength(4);
    expect(Object.keys(pkg.entries)).toEqual(expect.arrayContaining(['INDEX.HTM', 'README.TXT', 'data/manifest.json']));
    const ct = pkg.manifest.records.find((r) => r.title === 'CT chest with contrast')!;
    const html = new TextDecoder().decode(pkg.entries[ct.files[0]!]);
    expect(html).toContain('Ask about PET-CT');
    expect(html).toContain("default-src 'none'");
    // Only the portal pages themselves (and the browser's favicon fetch for them) reached the server.
    const pageRequests = /^\/(mychart|athena|healthelife)\/|^\/favicon\.ico$/;
    expect(portal.hits.filter((h) => !pageRequests.test(h))).toEqual([]);
  });
});
