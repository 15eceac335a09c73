// Accessibility of every panel state in real Chromium, light and dark (axe-core, WCAG 2.1 A/AA), a keyboard-only
// walk through the main flow, a package exported in Spanish from the panel, and the package's pages checked
// with axe as a doctor opens them (from disk).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, axeViolationsOnPage } from '../harness/axe';
import { testBuild } from '../harness/builds';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { chooseFile } from '../harness/package-files';
import { extractPackage } from '../harness/panel-actions';
import { checkPackage, waitForNewZip } from '../harness/package-check';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

const PASSWORD = 'correct horse battery';
/** Written here by hand: the words the doctor reads. */
const NO_ES_CONSEJO = /No es un consejo médico, puede estar incompleta/;
const NOT_ADVICE = /it is not medical advice/i;
const ES = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/_locales/es/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
const checked: string[] = [];

/** axe on the panel as it is now, in the light and the dark theme. */
async function expectAccessible(state: string) {
  for (const scheme of ['light', 'dark']) {
    await panel.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
    expect(await axeViolations(panel), `${state} (${scheme})`).toEqual([]);
    checked.push(`${state}/${scheme}`);
  }
  await panel.send('Emulation.setEmulatedMedia', { features: [] });
}

/** What has focus, whether the browser shows it as keyboard focus, and whether that focus can be seen. */
const focusState = () =>
  panel.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: '', visible: false, onBody: true };
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadowed = style.boxShadow !== 'none';
    return {
      id:
        el.dataset.testid ??
        `${el.tagName.toLowerCase()}:${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}`,
      visible: el.matches(':focus-visible') && (outlined || shadowed),
      onBody: false,
    };
  });

/** Focus must come to rest on a control (not the page) shortly after `what`. */
async function expectFocusKept(what: string) {
  await panel
    .waitFor(() => document.activeElement !== null && document.activeElement !== document.body, [], 3_000)
    .catch(() => undefined);
  expect((await focusState()).onBody, `focus lost ${what}`).toBe(false);
}

/** Presses Tab until `testid` has focus; every stop on the way must show its focus. Returns the stops. */
async function tabTo(testid: string, maxPresses = 80): Promise<string[]> {
  const stops: string[] = [];
  let wrapped = 0;
  for (let i = 0; i < maxPresses; i++) {
    await panel.press('Tab');
    const focus = await focusState();
    stops.push(focus.id || '(past the end)');
    // Past the last control focus leaves the page for the browser's own UI, then comes back to the top.
    if (focus.onBody && wrapped++ === 0) continue;
    expect(focus.visible, `focus on ${focus.id || 'the page'} after Tab is not visible (${stops.join(' > ')})`).toBe(
      true,
    );
    if (focus.id === testid) return stops;
  }
  throw new Error(`Tab never reached ${testid}; it went through ${stops.join(' > ')}`);
}

/** Types as a keyboard does, into whatever has focus. */
const type = (text: string) => panel.send('Input.insertText', { text });

/** Holds the extension's download call until released (the zip is built; the panel still shows progress). */
const holdDownloads = (mode: 'hold' | 'fail') =>
  panel.evaluate((how: string) => {
    const w = globalThis as unknown as Record<string, unknown> & {
      chrome: { downloads: { download: (o: unknown) => Promise<number> } };
      __release?: () => void;
    };
    const api = w.chrome.downloads;
    const original = api.download.bind(api);
    const held = (options: unknown) =>
      how === 'fail'
        ? Promise.reject(new Error('Download blocked by the test'))
        : new Promise<number>((resolve, reject) => {
            w.__release = () => {
              api.download = original;
              original(options).then(resolve, reject);
            };
          });
    api.download = held;
    const other = (w as { browser?: { downloads?: { download: unknown } } }).browser;
    if (other?.downloads) other.downloads.download = held;
    return typeof api.download === 'function';
  }, mode);

beforeAll(async () => {
  portal = await startDemoPortal();
  run = await launchChromium({ extensionDir: testBuild('chrome') });
  const page = run.context.pages()[0]!;
  // A page of several results: the clip opens a preview.
  await page.goto(`${portal.origin}/mychart/test-results/results-list.html`);
  panel = await run.openPanel(page);
  await panel.waitForSelector('[data-testid="case-new-title"]');
});
afterAll(async () => {
  console.log(`axe-core: 0 violations in ${checked.length} checks (${checked.join(', ')})`);
  panel?.close();
  await run?.close();
  await portal?.close();
});

describe('the panel by keyboard and for assistive technology', () => {
  it('keyboard only: create a case, clip, save from the preview, add a question, export', async () => {
    // The first-run guide is dismissed by keyboard like everything else.
    if (await panel.evaluate(() => !!document.querySelector('[data-testid="guide-dismiss"]'))) {
      await expectAccessible('first-run guide');
      await tabTo('guide-dismiss');
      await panel.press('Enter');
      await panel.waitFor(() => !document.querySelector('[data-testid="first-run-guide"]'), []);
      await expectFocusKept('when the guide closed');
    }
    await expectAccessible('no case');
    await tabTo('case-new-title');
    await type('Keyboard case');
    await panel.press('Enter');
    await panel.waitFor(
      () =>
        document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent ===
        'Keyboard case',
      [],
    );
    await expectFocusKept('after creating the case');

    await tabTo('clip-page');
    await panel.press('Enter');
    await panel.waitForSelector('[data-testid="clip-preview"]', 30_000);
    await expectFocusKept('when the preview opened');
    await expectAccessible('clip preview');
    await tabTo('preview-save');
    await panel.press('Enter');
    await panel.waitForText('[data-testid="clip-status"]', 'Clipped', 30_000);
    await expectFocusKept('after saving from the preview');
    await expectAccessible('records after clip');

    // The views are a tab list: Tab reaches the selected tab, arrows move between tabs.
    await tabTo('view-records');
    for (let i = 0; i < 3; i++) await panel.press('ArrowRight');
    expect((await focusState()).id).toBe('view-questions');
    await panel.waitForSelector('[data-testid="question-new"]');
    await tabTo('question-new');
    await type('Do you agree with the diagnosis?');
    await panel.press('Enter');
    await panel.waitFor(
      () =>
        [
          ...document.querySelectorAll<HTMLTextAreaElement>(
            '[data-testid="question"] textarea, [data-testid="question"] input',
          ),
        ].some((f) => f.value === 'Do you agree with the diagnosis?'),
      [],
    );
    await expectFocusKept('after adding a question');
    await expectAccessible('questions');

    // Export is with the records: back along the tab list.
    await tabTo('view-questions');
    for (let i = 0; i < 3; i++) await panel.press('ArrowLeft');
    expect((await focusState()).id).toBe('view-records');
    const before = readdirSync(run.downloadDir);
    await tabTo('export');
    await panel.press('Enter');
    await panel.waitForText('[data-testid="export-status"]', 'Saved', 60_000);
    const zip = await waitForNewZip(run.downloadDir, before, 60_000);
    expect(checkPackage(zip).manifest).toMatchObject({ case: { title: 'Keyboard case' } });
    await expectFocusKept('when the export finished');
    await expectAccessible('export done');
  });

  it('every export state passes axe: options, language, redaction, password, progress, failure', async () => {
    await panel.evaluate(() => {
      document.querySelector<HTMLDetailsElement>('[data-testid="export-options"]')!.open = true;
    });
    await panel.waitForSelector('[data-testid="export-language-es"]');
    await expectAccessible('export options');

    await panel.click('[data-testid="redact-toggle"]');
    await panel.fill('[data-testid="redact-names"]', 'Alex Testperson');
    await panel.waitForSelector('[data-testid="redact-findings"], [data-testid="redact-preview"] p', 30_000);
    await expectAccessible('redaction preview');
    await panel.click('[data-testid="redact-toggle"]');

    await panel.click('[data-testid="password-toggle"]');
    await panel.fill('[data-testid="password"] input[type="password"]', 'short');
    await panel.waitForSelector('[data-testid="password-problem"]');
    await expectAccessible('password too short');
    await panel.click('[data-testid="password-toggle"]');

    expect(await holdDownloads('hold')).toBe(true);
    await panel.click('[data-testid="export"]');
    await panel.waitForSelector('[data-testid="export-progress"]', 30_000);
    await expectAccessible('export in progress');
    // Still running while the browser holds the file: the progress bar, Cancel, and the live status.
    expect(await panel.evaluate(() => document.querySelector('[data-testid="export-cancel"]') !== null)).toBe(true);
    await panel.evaluate(() => (globalThis as { __release?: () => void }).__release?.());
    await panel.waitForText('[data-testid="export-status"]', 'Saved', 60_000);

    await holdDownloads('fail');
    await panel.click('[data-testid="export"]');
    await panel.waitForSelector('[data-testid="export-status"] .error', 60_000);
    await expectAccessible('export failed');
  });

  it('every import state passes axe: a file that is not a package, an encrypted one, a wrong password', async () => {
    // The failing download hook goes with a reload, as it would with a new panel.
    await panel.evaluate(() => location.reload());
    await panel.waitForSelector('[data-testid="case-select"]');
    const dir = mkdtempSync(join(tmpdir(), 'sl-a11y-'));
    const notPackage = join(dir, 'notes.zip');
    writeFileSync(notPackage, 'not a zip at all');
    await chooseFile(panel, '[data-testid="import-file"]', notPackage);
    await panel.waitForSelector('[data-testid="import-status"] .error', 30_000);
    await expectAccessible('import refused');

    // An encrypted package, made by the panel itself.
    await panel.evaluate(() => {
      document.querySelector<HTMLDetailsElement>('[data-testid="export-options"]')!.open = true;
    });
    await panel.click('[data-testid="password-toggle"]');
    await panel.fill('[data-testid="password-new"]', PASSWORD);
    await panel.fill('[data-testid="password-confirm"]', PASSWORD);
    await panel.waitFor(() => !document.querySelector('[data-testid="password-problem"]'), []);
    await expectAccessible('password ready');
    const before = readdirSync(run.downloadDir);
    await panel.click('[data-testid="export"]');
    const zip = await waitForNewZip(run.downloadDir, before, 60_000);
    await panel.waitForText('[data-testid="export-status"]', 'Saved', 60_000);
    await panel.click('[data-testid="password-toggle"]');

    await chooseFile(panel, '[data-testid="import-file"]', zip);
    await panel.waitForSelector('[data-testid="import-password"]', 30_000);
    await expectAccessible('import asks for the password');
    await panel.fill('[data-testid="import-password"]', 'wrong-password');
    await panel.click('[data-testid="import-password-submit"]');
    await panel.waitForText('[data-testid="import-password-form"]', 'not right', 30_000);
    await expectAccessible('import wrong password');
    await panel.fill('[data-testid="import-password"]', PASSWORD);
    await panel.click('[data-testid="import-password-submit"]');
    await panel.waitForSelector('[data-testid="import-status"] .ok', 60_000);
    await expectAccessible('import done');
  });

  it('a clip that cannot run says so accessibly', async () => {
    const page = run.context.pages()[0]!;
    await page.goto('about:blank');
    await panel.waitFor(
      () => !document.querySelector('[data-testid="tab-origin"]')?.textContent?.includes('127.0.0.1'),
      [],
    );
    await expectAccessible('no clippable page');
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
  });
});

describe('a package in Spanish, exported from the panel', () => {
  let folder: string;

  it('the English panel exports a Spanish package: pages, README.TXT and summary.pdf in Spanish', async () => {
    // The patient's story, so the cover sheet shows workspace words in the package language too.
    await panel.click('[data-testid="view-story"]');
    await panel.waitForSelector('[data-testid="story-diagnosis"]');
    await panel.fill('[data-testid="story-diagnosis"]', 'Anemia, cause unclear');
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Saved when the field is left: wait until the database holds it, as the export reads from there.
    await panel.waitFor(
      async () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('second-look');
          open.onsuccess = () => {
            const request = open.result.transaction('caseDetails').objectStore('caseDetails').getAll();
            request.onsuccess = () => {
              open.result.close();
              resolve(JSON.stringify(request.result).includes('Anemia, cause unclear'));
            };
          };
        }),
      [],
    );
    await panel.click('[data-testid="view-records"]');
    await panel.waitForSelector('[data-testid="export-options"]');
    await panel.evaluate(() => {
      document.querySelector<HTMLDetailsElement>('[data-testid="export-options"]')!.open = true;
    });
    // The panel is English, so English is chosen until the patient picks Spanish.
    expect(
      await panel.evaluate(
        () => document.querySelector<HTMLInputElement>('[data-testid="export-language-en"]')!.checked,
      ),
    ).toBe(true);
    await panel.click('[data-testid="export-language-es"]');
    const before = readdirSync(run.downloadDir);
    await panel.click('[data-testid="export"]');
    const zip = await waitForNewZip(run.downloadDir, before, 60_000);
    await panel.waitForText('[data-testid="export-status"]', 'Saved', 60_000);
    const pkg = checkPackage(zip);
    folder = mkdtempSync(join(tmpdir(), 'sl-a11y-package-'));
    extractPackage(pkg, folder);
    const read = (path: string) => readFileSync(join(folder, path), 'utf8');
    const index = read('INDEX.HTM');
    expect(index).toContain('<html lang="es">');
    expect(index).toMatch(NO_ES_CONSEJO);
    expect(index).not.toMatch(NOT_ADVICE);
    expect(index).toContain('Registros por tipo, los más recientes primero');
    // A workspace word from the Spanish catalogue (the panel itself speaks English).
    expect(index).toContain(`<h3>${ES.story_diagnosis!.message}</h3>`);
    expect(index).toContain('Anemia, cause unclear');
    const recordPage = Object.keys(pkg.entries).find((p) => p.endsWith('/record.html'))!;
    const html = read(recordPage);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Volver al índice');
    expect(html).toContain('<dt>Fecha clínica</dt>');
    expect(read('README.TXT').replace(/\s+/g, ' ')).toMatch(NO_ES_CONSEJO);
    const pdf = execFileSync('pdftotext', [join(folder, 'summary.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(pdf).toMatch(NO_ES_CONSEJO);
    expect(pdf).toContain('Índice de registros');
    expect(pdf).not.toMatch(NOT_ADVICE);
    expect((pkg.manifest as { language?: string }).language).toBe('es');
  });

  it('INDEX.HTM and a record page, opened from disk, pass axe', async () => {
    const page = await run.context.newPage();
    try {
      for (const path of ['INDEX.HTM', firstRecordPage(folder)]) {
        await page.goto(pathToFileURL(join(folder, path)).href);
        expect(await axeViolationsOnPage(page), path).toEqual([]);
        checked.push(`package ${path}`);
      }
    } finally {
      await page.close();
    }
  });
});

function firstRecordPage(folder: string): string {
  const records = readdirSync(join(folder, 'records')).sort();
  return `records/${records[0]}/record.html`;
}
