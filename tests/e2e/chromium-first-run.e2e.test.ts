// The first-run guide and the panel in Spanish, in real Chromium: shown once, dismissed by keyboard, back
// from Help, accessible; in Spanish no English catalogue string is left on screen.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

type Catalogue = Record<string, { message: string }>;
const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'));

let portal: DemoPortal | undefined;
let run: ChromiumRun | undefined;
let panel: CdpPage | undefined;
afterEach(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
});

async function openPanel(lang: 'en' | 'es'): Promise<CdpPage> {
  portal = await startDemoPortal();
  run = await launchChromium({
    extensionDir: testBuild('chrome'),
    args: [`--lang=${lang}`],
    env: { LANGUAGE: lang, LANG: lang === 'es' ? 'es_ES.UTF-8' : 'en_US.UTF-8' },
  });
  const page = run.context.pages()[0]!;
  // One record on this page: the clip saves at once (a page of several sections opens a preview).
  await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
  return run.openPanel(page);
}

/** Every piece of text a sighted user sees, plus the labels a screen reader reads. */
const visibleTexts = (page: CdpPage) =>
  page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('[hidden], script, style')) continue;
      const text = node.textContent!.trim();
      if (text) texts.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]'))
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    return texts;
  });

describe('first run', () => {
  it('shows three steps once, dismissed by keyboard, and again from Help', async () => {
    panel = await openPanel('en');
    await panel.waitForSelector('[data-testid="first-run-guide"]');
    expect(await panel.evaluate(() => document.querySelectorAll('[data-testid="first-run-guide"] li').length)).toBe(3);
    expect(await axeViolations(panel)).toEqual([]);
    // Keyboard only: focus the dismiss button and press Enter.
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="guide-dismiss"]')!.focus());
    await panel.press('Enter');
    await panel.waitFor(() => !document.querySelector('[data-testid="first-run-guide"]'), []);
    // Dismissed stays dismissed when the panel opens again.
    await panel.evaluate(() => location.reload());
    await panel.waitForSelector('[data-testid="guide-help"]');
    await new Promise((r) => setTimeout(r, 500));
    expect(await panel.evaluate(() => document.querySelector('[data-testid="first-run-guide"]') === null)).toBe(true);
    await panel.click('[data-testid="guide-help"]');
    await panel.waitForSelector('[data-testid="first-run-guide"]');
    expect(
      await panel.evaluate(() => document.querySelector('[data-testid="guide-help"]')!.getAttribute('aria-expanded')),
    ).toBe('true');
  });

  it('speaks Spanish: no English catalogue string left in the panel, the guide accessible', async () => {
    panel = await openPanel('es');
    const es = catalogue('es');
    await panel.waitForText('[data-testid="first-run-guide"]', es.guideHeading!.message);
    expect(await panel.evaluate(() => document.documentElement.lang)).toMatch(/^es/);
    expect(await axeViolations(panel)).toEqual([]);
    const en = catalogue('en');
    // English messages that differ from their Spanish translation must not appear on screen.
    const english = new Set(
      Object.entries(en)
        .filter(([key, { message }]) => es[key]?.message !== message && !message.includes('$'))
        .map(([, { message }]) => message.trim()),
    );
    const leftovers = async (where: string) =>
      (await visibleTexts(panel!)).filter((text) => english.has(text)).map((text) => `${where}: ${text}`);
    const found = await leftovers('no case');
    // A case with a clipped record, then every view of the workspace.
    await panel.fill('[data-testid="case-new-title"]', 'Segunda opinión');
    await panel.click('[data-testid="case-create"]');
    await panel.waitForSelector('[data-testid="case-select"]');
    await panel.click('[data-testid="clip-page"]');
    await panel.waitFor(
      () => document.querySelector('[data-testid="clip-status"]')?.textContent?.includes('Recortado'),
      [],
    );
    for (const view of ['records', 'checklist', 'story', 'questions', 'labs', 'opinions']) {
      await panel.click(`[data-testid="view-${view}"]`);
      await panel.waitFor(
        (v: string) => document.querySelector(`[data-testid="view-${v}"]`)?.getAttribute('aria-selected') === 'true',
        [view],
      );
      found.push(...(await leftovers(view)));
      expect(await axeViolations(panel), view).toEqual([]);
    }
    expect(found).toEqual([]);
    // The package follows the panel's language until the patient picks another.
    await panel.click('[data-testid="view-records"]');
    await panel.waitForSelector('[data-testid="export-language-es"]');
    expect(
      await panel.evaluate(() =>
        ['es', 'en'].map(
          (l) => document.querySelector<HTMLInputElement>(`[data-testid="export-language-${l}"]`)!.checked,
        ),
      ),
    ).toEqual([true, false]);
  });
});
