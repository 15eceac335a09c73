import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { CdpPage } from './cdp-page';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
  targets: string[];
}

/** Runs in the page (serialised: it closes over nothing). */
async function runAxe(): Promise<AxeViolation[]> {
  const axe = (
    globalThis as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
      };
    }
  ).axe;
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

/** Runs axe-core (WCAG 2 A/AA rules) on the page as it is now and returns its violations. */
export async function axeViolations(page: CdpPage): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.send('Runtime.evaluate', { expression: axeSource });
  return page.evaluate(runAxe);
}

/**
 * The same check on a page Playwright drives (a package page opened from file). The axe source goes in through
 * the protocol, as on the panel: the package's CSP forbids every script, which is what it must do for the doctor.
 */
export async function axeViolationsOnPage(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(runAxe);
}
