// The case workspace through the real side panel: checklist, story, questions, lab trends, opinions,
// each view checked with axe-core (WCAG 2.1 A/AA) in light and dark themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
const checked: string[] = [];

const showView = (view: string) => panel.click(`[data-testid="view-${view}"]`);
async function expectAccessible(view: string) {
  for (const scheme of ['light', 'dark']) {
    await panel.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
    const violations = await axeViolations(panel);
    expect(violations, `${view} (${scheme})`).toEqual([]);
    checked.push(`${view}/${scheme}`);
  }
}
async function typeInto(selector: string, text: string) {
  await panel.fill(selector, text);
  // Leaving the field saves it, as a user tabbing on would.
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

beforeAll(async () => {
  portal = await startDemoPortal();
  run = await launchChromium({ extensionDir: testBuild('chrome') });
  const page = run.context.pages()[0]!;
  await page.goto(`${portal.origin}/healthelife/results.html`);
  panel = await run.openPanel(page);
  await panel.fill('[data-testid="case-new-title"]', 'Diabetes management, Nov 2026');
  await panel.click('[data-testid="case-create"]');
  await panel.waitForSelector('[data-testid="case-select"]');
  await panel.click('[data-testid="clip-page"]');
  await panel.waitForText('[data-testid="clip-status"]', 'Clipped');
  await page.goto(`${portal.origin}/athena/imaging/ct-chest.html`);
  await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
  await panel.click('[data-testid="clip-page"]');
  await panel.waitForText('[data-testid="clip-status"]', 'CT CHEST');
});
afterAll(async () => {
  console.log(`axe-core: 0 violations in ${checked.length} panel view/theme combinations (${checked.join(', ')})`);
  panel?.close();
  await run?.close();
  await portal?.close();
});

describe('case workspace in Chromium', () => {
  it('records view is accessible', async () => {
    await expectAccessible('records');
  });

  it('checklist shows what the case holds, names gaps and takes "not applicable"', async () => {
    await showView('checklist');
    expect(await panel.text('[data-testid="check-labs"]')).toMatch(/1/);
    // Imaging report without the images is called out.
    expect(await panel.text('[data-testid="check-imaging-images"]')).toMatch(/CD|DICOM/);
    await panel.evaluate(() =>
      document.querySelector<HTMLInputElement>('[data-testid="check-operative"] input[type="checkbox"]')!.click(),
    );
    await panel.waitFor(
      () => document.querySelector<HTMLInputElement>('[data-testid="check-operative"] input[type="checkbox"]')!.checked,
      [],
    );
    await expectAccessible('checklist');
  });

  it('story is saved as typed and survives closing the panel', async () => {
    await showView('story');
    await typeInto('[data-testid="story-diagnosis"]', 'Type 2 diabetes, A1c rising 🙂 مرحبا');
    await typeInto('[data-testid="story-goals"]', '<b>Avoid insulin</b> if it is safe');
    await expectAccessible('story');
    // Reload the panel page: nothing typed is lost.
    await panel.send('Page.reload');
    await panel.waitForSelector('main');
    await showView('story');
    await panel.waitFor(
      () =>
        document.querySelector<HTMLTextAreaElement>('[data-testid="story-diagnosis"]')?.value ===
        'Type 2 diabetes, A1c rising 🙂 مرحبا',
      [],
    );
    expect(
      await panel.evaluate(() => document.querySelector<HTMLTextAreaElement>('[data-testid="story-goals"]')?.value),
    ).toBe('<b>Avoid insulin</b> if it is safe');
  });

  it('questions: suggested and custom, reordered by keyboard, answered', async () => {
    await showView('questions');
    await panel.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-testid="question-bank"] button')!.click(),
    );
    await panel.fill('[data-testid="question-new"]', 'Is metformin still the right first step for me?');
    await panel.click('[data-testid="question-add"]');
    await panel.waitFor(() => document.querySelectorAll('[data-testid="question"]').length === 2, []);
    const order = () =>
      panel.evaluate(() =>
        [...document.querySelectorAll('[data-testid="question"]')].map(
          (q) => q.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!.value,
        ),
      );
    const before = await order();
    // Alt+ArrowUp on the second question moves it first.
    // Focus the second question's move button, and wait until it really has focus, before the keys.
    await panel.waitFor(() => {
      const button = document
        .querySelectorAll<HTMLElement>('[data-testid="question"]')[1]
        ?.querySelector<HTMLElement>('button[data-move]');
      button?.focus();
      return Boolean(button) && document.activeElement === button;
    }, []);
    await panel.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'ArrowUp',
      code: 'ArrowUp',
      windowsVirtualKeyCode: 38,
      modifiers: 1,
    });
    await panel.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: 'ArrowUp',
      code: 'ArrowUp',
      windowsVirtualKeyCode: 38,
      modifiers: 1,
    });
    await panel.waitFor(
      (b: string[]) => {
        const now = [...document.querySelectorAll('[data-testid="question"]')].map(
          (q) => q.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!.value,
        );
        return now[0] === b[1] && now[1] === b[0];
      },
      [before],
    );
    await expectAccessible('questions');
  });

  it('lab trends put the same test across dates in one row with flags', async () => {
    await showView('labs');
    const glucose = await panel.waitFor(
      () =>
        [...document.querySelectorAll('[data-testid="lab-trend"]')]
          .map((r) => r.textContent ?? '')
          .find((t) => t.includes('Glucose, Random')) ?? '',
      [],
    );
    expect(glucose).toContain('185');
    expect(glucose).toContain('142');
    expect(glucose).toContain('98');
    expect(await panel.evaluate(() => document.querySelector('[data-testid="lab-trends"] svg') !== null)).toBe(true);
    await expectAccessible('labs');
  });

  it('opinions: two opinions compared field by field, agreement marked', async () => {
    await showView('opinions');
    for (const [clinician, diagnosis, treatment] of [
      ['Dr. A. First', 'Type 2 diabetes', 'Add a GLP-1 agonist'],
      ['Dr. B. Second', 'Type 2 diabetes', 'Increase metformin first'],
    ]) {
      const before = await panel.evaluate(() => document.querySelectorAll('[data-testid="opinion-open"]').length);
      await panel.click('[data-testid="opinion-add"]');
      // The new opinion opens ready to fill in (the previous one closes).
      await panel.waitFor(
        (n: number) =>
          document.querySelectorAll('[data-testid="opinion-open"]').length === n + 1 &&
          document.querySelectorAll('[data-testid="opinion-form"]').length === 1 &&
          document.querySelector<HTMLInputElement>('[data-testid="opinion-clinician"]')?.value === '',
        [before],
      );
      await typeInto('[data-testid="opinion-clinician"]', clinician!);
      await typeInto('[data-testid="opinion-diagnosis"]', diagnosis!);
      await typeInto('[data-testid="opinion-recommendedTreatment"]', treatment!);
    }
    await panel.waitFor(() => document.querySelectorAll('[data-testid="opinion-open"]').length >= 2, []);
    await panel.evaluate(() =>
      document
        .querySelectorAll<HTMLInputElement>('[data-testid="opinion-compare"] input[type="checkbox"]')
        .forEach((c) => !c.checked && c.click()),
    );
    await panel.waitForSelector('[data-testid="compare-diagnosis"]');
    expect(
      await panel.evaluate(() =>
        document.querySelector('[data-testid="compare-diagnosis"]')?.getAttribute('data-agreement'),
      ),
    ).toBe('agree');
    expect(
      await panel.evaluate(() =>
        document.querySelector('[data-testid="compare-recommendedTreatment"]')?.getAttribute('data-agreement'),
      ),
    ).toBe('differ');
    await expectAccessible('opinions');
  });
});
