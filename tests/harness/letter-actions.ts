// Panel actions shared by the letters e2e test and the demo: clip a page, type into a saved field, set a date,
// wait for a downloaded file, and save the records-request letter of a case.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CdpPage } from './cdp-page';

/** Opens `url` in the tab and clips it through the panel's Clip button; resolves when the record is listed. */
export async function clipInto(panel: CdpPage, page: Page, url: string, origin: string): Promise<void> {
  await page.goto(url);
  await panel.click('[data-testid="view-records"]');
  await panel.waitForText('[data-testid="tab-origin"]', origin);
  const before = await panel.evaluate(() => document.querySelectorAll('[data-testid="record-open"]').length);
  await panel.click('[data-testid="clip-page"]');
  await panel.waitFor((n: number) => document.querySelectorAll('[data-testid="record-open"]').length > n, [before]);
}

/** Types into a field that saves as typed, then leaves it (as a user tabbing on would), which saves it. */
export async function fillField(panel: CdpPage, selector: string, text: string): Promise<void> {
  await panel.fill(selector, text);
  await panel.evaluate((s: string) => document.querySelector<HTMLElement>(s)!.blur(), selector);
}

/** A date input takes no inserted text: set its value as the date picker does, with an input event, then leave it. */
export async function setDate(panel: CdpPage, selector: string, date: string): Promise<void> {
  await panel.waitForSelector(selector);
  await panel.evaluate(
    (s: string, d: string) => {
      const input = document.querySelector<HTMLInputElement>(s)!;
      input.focus();
      input.value = d;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.blur();
    },
    selector,
    date,
  );
  await panel.waitFor(
    (s: string, d: string) => document.querySelector<HTMLInputElement>(s)?.value === d,
    [selector, date],
  );
}

/** The one finished file ending in `suffix` that appeared in `dir` after `before` was listed. */
export async function waitForNewFile(
  dir: string,
  before: string[],
  suffix: string,
  timeoutMs = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = readdirSync(dir).filter((f) => f.endsWith(suffix) && !before.includes(f));
    if (fresh.length === 1) return `${dir}/${fresh[0]}`;
    if (fresh.length > 1) throw new Error(`several new downloads: ${fresh.join(', ')}`);
    if (Date.now() > deadline) throw new Error(`no new ${suffix} file in ${dir}: ${readdirSync(dir).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The demo's records request: to whom, and what the letter must say because the case lacks it. */
export interface DemoRequest {
  provider: string;
  department: string;
  address: string;
  contact: string;
}

/**
 * Makes the case's records-request letter through the panel (checklist -> Request missing records), saves it
 * as PDF and text, copies both into `outDir` under the names the panel gave them, and returns their paths.
 * Fails unless the pathology reports are among the gaps and the PDF reads (pdftotext) as a request for them.
 */
export async function saveRequestLetter(
  panel: CdpPage,
  downloadDir: string,
  outDir: string,
  request: DemoRequest,
): Promise<{ pdf: string; txt: string }> {
  await panel.click('[data-testid="view-checklist"]');
  await panel.waitForSelector('[data-testid="check-pathology"]');
  const pathology = await panel.evaluate(() =>
    document.querySelector('[data-testid="check-pathology"]')?.getAttribute('data-status'),
  );
  if (pathology !== 'missing') throw new Error(`the demo case's pathology reports are ${pathology}, not missing`);
  await panel.click('[data-testid="request-add"]');
  await panel.waitForSelector('[data-testid="request-provider"]');
  await fillField(panel, '[data-testid="request-provider"]', request.provider);
  await fillField(panel, '[data-testid="request-department"]', request.department);
  await fillField(panel, '[data-testid="request-address"]', request.address);
  await fillField(panel, '[data-testid="request-contact"]', request.contact);
  const saved: Record<'pdf' | 'txt', string> = { pdf: '', txt: '' };
  for (const format of ['pdf', 'txt'] as const) {
    const before = readdirSync(downloadDir);
    await panel.click(`[data-testid="request-letter-${format}"]`);
    const file = await waitForNewFile(downloadDir, before, `.${format}`);
    const status = await panel.waitForText('[data-testid="request-letter-status"]', `.${format}`);
    const name = /(records-request\S*\.(?:pdf|txt))/.exec(status)?.[1];
    if (!name) throw new Error(`the panel did not name the saved letter: "${status}"`);
    saved[format] = join(outDir, name);
    copyFileSync(file, saved[format]);
  }
  const read = spawnSync('pdftotext', ['-layout', saved.pdf, '-'], { encoding: 'utf8' });
  if (read.error) throw new Error('pdftotext not runnable: run bash tests/tools/ensure-browsers.sh');
  const text = read.stdout.replace(/\s+/g, ' ');
  for (const expected of [
    request.provider,
    'Request for copies of my medical records',
    'The pathology reports and, if requested, the slides and blocks',
    '45 CFR 164.524',
  ])
    if (!text.includes(expected)) throw new Error(`the request letter PDF does not say "${expected}"`);
  return saved;
}
