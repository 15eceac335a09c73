import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;

const recordCount = () => panel.evaluate(() => document.querySelectorAll('[data-testid="record-open"]').length);
const status = () => panel.text('[data-testid="clip-status"]');

beforeAll(async () => {
  portal = await startDemoPortal();
  run = await launchChromium({ extensionDir: testBuild('chrome') });
  const page = run.context.pages()[0]!;
  await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
  panel = await run.openPanel(page);
  await panel.fill('[data-testid="case-new-title"]', 'Bad input');
  await panel.click('[data-testid="case-create"]');
  await panel.waitForSelector('[data-testid="case-select"]');
});
afterAll(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
});

describe('bad input in Chromium', () => {
  it('explains that a browser page cannot be clipped and stores nothing', async () => {
    const page = await run.context.newPage();
    await page.goto('chrome://version');
    await page.bringToFront();
    await panel.waitForText('[data-testid="tab-origin"]', 'To clip this tab');
    // The panel cannot see the address of a tab it has no access to; clicking explains why not.
    await panel.click('[data-testid="clip-page"]');
    expect(await panel.waitForText('[data-testid="clip-status"]', 'This page cannot be clipped')).toContain(
      'browser pages',
    );
    expect(await recordCount()).toBe(0);
    await page.close();
  });

  it('reports a tab closed mid-clip and stores no partial record', async () => {
    const page = await run.context.newPage();
    await page.goto(`${portal.origin}/generated/slow.html`);
    await page.bringToFront();
    await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
    await panel.click('[data-testid="clip-page"]');
    await new Promise((r) => setTimeout(r, 800));
    await page.close();
    const shown = await panel.waitForText('[data-testid="clip-status"]', 'tab was closed', 20_000);
    expect(shown).toContain('Nothing was saved');
    expect(await recordCount()).toBe(0);
  });

  it('clips a 10 MB page whole: every one of its 60,000 rows (the page is within the 40 MB snapshot limit)', async () => {
    const page = run.context.pages()[0]!;
    await page.bringToFront();
    await page.goto(`${portal.origin}/generated/labs.html?rows=60000`);
    const bytes = await page.evaluate(() => document.documentElement.outerHTML.length);
    expect(bytes).toBeGreaterThan(10_000_000);
    await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
    const started = Date.now();
    await panel.click('[data-testid="clip-page"]');
    await panel.waitFor(
      () => /Clipped|too large/.test(document.querySelector('[data-testid="clip-status"]')?.textContent ?? ''),
      [],
      120_000,
    );
    console.log(
      `10 MB page (${(bytes / 1e6).toFixed(1)} MB, 60,000 rows): "${(await status()).slice(0, 80)}" after ${Date.now() - started} ms`,
    );
    const stored = await panel.evaluate(
      () =>
        new Promise<{ count: number; lengths: number[]; rows: number[]; lastRow: boolean[] }>((resolve, reject) => {
          const open = indexedDB.open('second-look');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('records').objectStore('records').getAll();
            type Row = { text: string; structured?: { type: string; results?: unknown[] } };
            all.onsuccess = () =>
              resolve({
                count: all.result.length,
                lengths: all.result.map((r: Row) => r.text.length),
                rows: all.result.map((r: Row) => r.structured?.results?.length ?? 0),
                lastRow: all.result.map((r: Row) => r.text.includes('WBC #60000')),
              });
          };
        }),
    );
    // One defined outcome: 10 MB is well inside LIMITS (lib/core/limits.ts), so the page is clipped whole.
    expect(await status()).toContain('Clipped');
    expect(stored.count).toBe(1);
    expect(stored.lengths[0]).toBeGreaterThan(1_000_000);
    expect(stored.rows).toEqual([60_000]);
    expect(stored.lastRow).toEqual([true]);
  });
});
