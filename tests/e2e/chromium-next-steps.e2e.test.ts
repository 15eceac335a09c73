// The patient's next steps through the real side panel: the case timeline filtered by keyboard, the visit
// sheet downloaded in Spanish and English (read with pdftotext), and the sent-package log (recipient,
// "did the records arrive?", the log inside the next package). axe-core on each new view.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const checked: string[] = [];

async function expectAccessible(view: string) {
  for (const scheme of ['light', 'dark']) {
    await panel.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
    expect(await axeViolations(panel), `${view} (${scheme})`).toEqual([]);
    checked.push(`${view}/${scheme}`);
  }
}

/** The kinds of the timeline entries shown now. */
const shownKinds = () =>
  panel.evaluate(() =>
    [...document.querySelectorAll('[data-testid="timeline-entry"]')].map((e) => e.getAttribute('data-kind')),
  );

/** Waits for a finished new file ending in `suffix` in the download folder. */
async function newDownload(before: string[], suffix: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = readdirSync(run.downloadDir).filter((f) => f.endsWith(suffix) && !before.includes(f));
    if (fresh.length === 1) return join(run.downloadDir, fresh[0]!);
    if (Date.now() > deadline) throw new Error(`no new ${suffix} in ${readdirSync(run.downloadDir).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const pdfText = (path: string) => {
  const out = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (out.error)
    throw new Error(`pdftotext not runnable: run bash tests/tools/ensure-browsers.sh (${out.error.message})`);
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.replace(/\s+/g, ' ');
};

beforeAll(async () => {
  portal = await startDemoPortal();
  run = await launchChromium({ extensionDir: testBuild('chrome') });
  const page = run.context.pages()[0]!;
  await page.goto(`${portal.origin}/healthelife/results.html`);
  panel = await run.openPanel(page);
  await createCase(panel, 'Lung nodule, Nov 2026');
  expect(await clipFromPanel(panel)).toMatch(/Clipped/);
  await page.goto(`${portal.origin}/athena/imaging/ct-chest.html`);
  await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
  expect(await clipFromPanel(panel)).toMatch(/CT CHEST/);
});
afterAll(async () => {
  console.log(`axe-core: 0 violations in ${checked.length} view/theme combinations (${checked.join(', ')})`);
  panel?.close();
  await run?.close();
  await portal?.close();
});

describe('next steps in Chromium', () => {
  it('the timeline shows the case across kinds and portals and filters by kind from the keyboard', async () => {
    await panel.click('[data-testid="view-timeline"]');
    await panel.waitForSelector('[data-testid="timeline-entry"]');
    const all = await shownKinds();
    expect(new Set(all)).toEqual(new Set(['result', 'report']));
    expect(await panel.text('[data-testid="timeline-status"]')).toMatch(
      new RegExp(`Entries 1–${all.length} of ${all.length}`),
    );
    await expectAccessible('timeline');

    // From the tab, Tab into the view until the "Results" filter has focus, then Space ticks it.
    await panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid="view-timeline"]')!.focus());
    for (let i = 0; i < 10 && (await panel.focused()) !== 'timeline-kind-result'; i++) await panel.press('Tab');
    expect(await panel.focused()).toBe('timeline-kind-result');
    await panel.press(' ');
    await panel.waitFor(
      () =>
        [...document.querySelectorAll('[data-testid="timeline-entry"]')].every(
          (e) => e.getAttribute('data-kind') === 'result',
        ),
      [],
    );
    const results = await shownKinds();
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThan(all.length);
    await expectAccessible('timeline filtered');
    // Space again: every kind is back.
    await panel.press(' ');
    await panel.waitFor(
      (n: number) => document.querySelectorAll('[data-testid="timeline-entry"]').length === n,
      [all.length],
    );
  });

  it('the visit sheet downloads without questions and says so, then in Spanish and English with the answers typed later', async () => {
    await panel.click('[data-testid="view-questions"]');
    await panel.waitForSelector('[data-testid="visit-no-questions"]');
    let before = readdirSync(run.downloadDir);
    await panel.click('[data-testid="visit-download"]');
    await panel.waitForText('[data-testid="visit-status"]', 'visit-sheet-en');
    const empty = pdfText(await newDownload(before, '.pdf'));
    expect(empty).toContain('No questions written yet.');

    const question = 'Would a PET-CT before the biopsy change anything for me?';
    await panel.fill('[data-testid="question-new"]', question);
    await panel.click('[data-testid="question-add"]');
    await panel.waitForSelector('[data-testid="question"]');
    await expectAccessible('questions with visit sheet');

    await panel.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="visit-language"]')!;
      select.value = 'es';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    before = readdirSync(run.downloadDir);
    await panel.click('[data-testid="visit-download"]');
    await panel.waitForText('[data-testid="visit-status"]', 'visit-sheet-es');
    const spanish = pdfText(await newDownload(before, '.pdf'));
    expect(spanish).toContain('Hoja para la consulta: Lung nodule, Nov 2026');
    expect(spanish).toContain(`1. ${question}`);
    expect(spanish).toContain('Respuesta:');
    expect(spanish).toContain('Resultados clave');

    // After the visit: the answer typed into the question is in the case and on the next sheet.
    await panel.click('[data-testid="question-answered"]');
    await panel.fill('[data-testid="question-answer"]', 'Yes, it would show whether the nodule is active.');
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await panel.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="visit-language"]')!;
      select.value = 'en';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    before = readdirSync(run.downloadDir);
    await panel.click('[data-testid="visit-download"]');
    await panel.waitForText('[data-testid="visit-status"]', 'visit-sheet-en');
    const english = pdfText(await newDownload(before, '.pdf'));
    expect(english).toContain('Visit sheet: Lung nodule, Nov 2026');
    expect(english).toContain('Answer noted so far: Yes, it would show whether the nodule is active.');
  });

  it('an export is logged with its recipient and hash, can be marked as arrived, and travels in the next package', async () => {
    await panel.click('[data-testid="view-records"]');
    await panel.waitForText('[data-testid="sent-log"]', 'No package exported yet.');
    await panel.fill('[data-testid="export-recipient"]', 'Dr. Okafor, thoracic clinic');
    const first = await exportFromPanel(panel, run.downloadDir);
    expect(first.pkg.problems).toEqual([]);
    await panel.waitForSelector('[data-testid="sent-log-entry"]');
    const entry = await panel.text('[data-testid="sent-log-entry"]');
    const savedAs = await panel.text('[data-testid="export-status"]');
    expect(entry).toContain('For: Dr. Okafor, thoracic clinic');
    expect(entry).toContain(`${first.pkg.manifest.records.length} record(s)`);
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(readFileSync(first.path)).digest('hex');
    expect(entry).toContain(sha256);
    expect(await panel.text('[data-testid="sent-log-reminder"]')).toContain('1 package(s)');
    await expectAccessible('export with sent log');

    await panel.click('[data-testid="sent-log-confirm"]');
    await panel.waitForSelector('[data-testid="sent-log-arrived"]');
    expect(await panel.evaluate(() => document.querySelector('[data-testid="sent-log-reminder"]'))).toBeNull();

    // The next package carries the log (and its timeline) for the doctor and for a later import.
    await panel.fill('[data-testid="export-recipient"]', '');
    const second = await exportFromPanel(panel, run.downloadDir);
    expect(second.pkg.problems).toEqual([]);
    const log = JSON.parse(new TextDecoder().decode(second.pkg.entries['data/sent-log.json'])) as {
      packages: { fileName: string; sha256: string; recipient: string; confirmedAt?: string }[];
    };
    expect(log.packages).toHaveLength(1);
    expect(log.packages[0]).toMatchObject({ sha256, recipient: 'Dr. Okafor, thoracic clinic' });
    expect(savedAs).toContain(log.packages[0]!.fileName);
    expect(log.packages[0]!.confirmedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const index = new TextDecoder().decode(second.pkg.entries['INDEX.HTM']);
    expect(index).toContain('id="sent-log"');
    expect(index).toContain('id="timeline"');
    await panel
      .waitFor(() => document.querySelectorAll('[data-testid="sent-log-entry"]').length === 2, [], 10_000)
      .catch(async () => {
        const rows = await panel.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const open = indexedDB.open('second-look');
              open.onsuccess = () => {
                const req = open.result.transaction('sentPackages').objectStore('sentPackages').getAll();
                req.onsuccess = () => resolve(JSON.stringify(req.result));
                req.onerror = () => resolve(String(req.error));
              };
              open.onerror = () => resolve(String(open.error));
            }),
        );
        throw new Error(`sent log shows: ${await panel.text('[data-testid="sent-log"]')}; stored: ${rows}`);
      });
  });
});
