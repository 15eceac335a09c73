// Panel actions shared by the letters e2e test and the demo: clip a page, type into a saved field, set a date,
// wait for a downloaded file, and save the records-request letter of a case.
import { readdirSync } from 'node:fs';
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
