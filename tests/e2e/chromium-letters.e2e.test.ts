// Records-request letters through the real side panel in Chromium: a letter made from a checklist gap,
// refused with a clear message while it cannot be made, downloaded as PDF and text (read back with poppler),
// marked sent, shown overdue with its follow-up, marked received with the record that arrived; the decision
// letter; axe-core on the new views in light and dark; the main actions by keyboard.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { clipInto, fillField, setDate, waitForNewFile } from '../harness/letter-actions';

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
const checked: string[] = [];
const flat = (s: string) => s.replace(/\s+/g, ' ');

function pdfText(path: string): string {
  const read = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (read.error) throw new Error(`pdftotext not runnable: run bash tests/tools/ensure-browsers.sh`);
  expect(read.status, read.stderr).toBe(0);
  return flat(read.stdout);
}
async function expectAccessible(view: string) {
  for (const scheme of ['light', 'dark']) {
    await panel.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
    expect(await axeViolations(panel), `${view} (${scheme})`).toEqual([]);
    checked.push(`${view}/${scheme}`);
  }
}
/** Saves one letter through its button and returns the new file's path. */
async function download(button: string, extension: 'pdf' | 'txt'): Promise<string> {
  const before = readdirSync(run.downloadDir);
  await panel.click(button);
  return waitForNewFile(run.downloadDir, before, `.${extension}`);
}
const problems = (testId: string) => panel.text(`[data-testid="${testId}-problems"]`);
const MESES = 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' ');
const spanishDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} de ${MESES[m - 1]} de ${y}`;
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  portal = await startDemoPortal();
  run = await launchChromium({ extensionDir: testBuild('chrome') });
  const page = run.context.pages()[0]!;
  await page.goto(`${portal.origin}/athena/imaging/ct-chest.html`);
  panel = await run.openPanel(page);
  await panel.fill('[data-testid="case-new-title"]', 'Lung nodule, letters test');
  await panel.click('[data-testid="case-create"]');
  await panel.waitForSelector('[data-testid="case-select"]');
  await clipInto(panel, page, `${portal.origin}/athena/imaging/ct-chest.html`, portal.origin);
  await clipInto(panel, page, `${portal.origin}/mychart/test-results/cbc.html`, portal.origin);
  await panel.click('[data-testid="view-story"]');
  await fillField(panel, '[data-testid="patient-name"]', 'Robin Letters-Patient');
});
afterAll(async () => {
  console.log(`axe-core: 0 violations in ${checked.length} letter view/theme combinations (${checked.join(', ')})`);
  panel?.close();
  await run?.close();
  await portal?.close();
});

describe('records-request letters in Chromium', () => {
  it('makes a request from the gaps; a missing provider and a reversed range are refused, nothing lost', async () => {
    await panel.click('[data-testid="view-checklist"]');
    await panel.waitFor(
      () => document.querySelector('[data-testid="check-pathology"]')?.getAttribute('data-status') === 'missing',
      [],
    );
    // By keyboard: focus "Request missing records" and press Enter.
    await panel.waitForSelector('[data-testid="request-add"]');
    await panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid="request-add"]')!.focus());
    await panel.press('Enter');
    await panel.waitForSelector('[data-testid="request-provider"]');
    const ticked = await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid="request-families"] input')]
        .filter((i) => i.checked)
        .map((i) => i.value),
    );
    expect(ticked).toContain('pathology');
    expect(ticked).toContain('imaging-images');
    expect(ticked).not.toContain('labs');

    await panel.click('[data-testid="request-letter-pdf"]');
    await panel.waitForSelector('[data-testid="request-letter-problems"]');
    expect(await problems('request-letter')).toContain("the provider's name");

    await setDate(panel, '[data-testid="request-date-from"]', '2026-11-30');
    await setDate(panel, '[data-testid="request-date-to"]', '2026-03-01');
    await fillField(panel, '[data-testid="request-provider"]', 'Valley General Hospital');
    await panel.click('[data-testid="request-letter-txt"]');
    await panel.waitForText('[data-testid="request-letter-problems"]', 'ends before it starts');
    expect(await problems('request-letter')).not.toContain("provider's name");
    // What was typed is still there.
    expect(
      await panel.evaluate(() => [
        document.querySelector<HTMLInputElement>('[data-testid="request-provider"]')!.value,
        document.querySelector<HTMLInputElement>('[data-testid="request-date-from"]')!.value,
        document.querySelector<HTMLInputElement>('[data-testid="request-date-to"]')!.value,
      ]),
    ).toEqual(['Valley General Hospital', '2026-11-30', '2026-03-01']);
    await expectAccessible('checklist with a refused request');
  });

  it('downloads the letter as PDF and text, in English and in Spanish, reading as what it claims', async () => {
    await setDate(panel, '[data-testid="request-date-from"]', '2026-03-01');
    await setDate(panel, '[data-testid="request-date-to"]', '2026-11-30');
    await fillField(panel, '[data-testid="request-department"]', 'Health Information Management');
    await fillField(panel, '[data-testid="request-address"]', '100 Example Road\nSpringfield, ST 00000');
    await fillField(panel, '[data-testid="request-fax"]', '555-0100');
    await fillField(panel, '[data-testid="request-contact"]', 'robin@example.test');

    const pdf = await download('[data-testid="request-letter-pdf"]', 'pdf');
    // Under Playwright's CDP connection Chromium may store a download under a GUID: the panel names the file.
    expect(await panel.waitForText('[data-testid="request-letter-status"]', '.pdf')).toMatch(
      /Saved records-request_Valley-General-Hospital_\d{4}-\d{2}-\d{2}\.pdf/,
    );
    const en = pdfText(pdf);
    for (const expected of [
      'Robin Letters-Patient',
      'Valley General Hospital',
      'Health Information Management',
      'Fax: 555-0100',
      'Re: Request for copies of my medical records (Robin Letters-Patient)',
      'for my care from March 1, 2026 to November 30, 2026',
      'The pathology reports and, if requested, the slides and blocks',
      'The images in DICOM format on disc or by secure download',
      'Please provide an electronic copy',
      'Please send the records to me',
      '45 CFR 164.524',
      'within 30 days',
      'reasonable, cost-based fee',
    ])
      expect(en).toContain(expected);

    const txt = await download('[data-testid="request-letter-txt"]', 'txt');
    const text = readFileSync(txt, 'utf8');
    expect(text).toContain('- The pathology reports and, if requested, the slides and blocks\n');
    expect(text).toContain('Valley General Hospital\nHealth Information Management\n100 Example Road\n');

    await panel.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="request-language"]')!;
      select.value = 'es';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await panel.waitFor(
      () => document.querySelector<HTMLSelectElement>('[data-testid="request-language"]')?.value === 'es',
      [],
    );
    const es = pdfText(await download('[data-testid="request-letter-pdf"]', 'pdf'));
    for (const expected of [
      'Solicitud de copias de mis registros médicos',
      'de mi atención del 1 de marzo de 2026 al 30 de noviembre de 2026',
      'Los informes de patología y, si se solicitan, las laminillas y los bloques',
      'Las imágenes en formato DICOM en disco o por descarga segura',
      '45 CFR 164.524',
      '¿Necesita algo más de mí',
    ])
      expect(es).toContain(expected);
  });

  it('is marked sent, shows overdue after 30 days with its follow-up, and is marked received with the record', async () => {
    await setDate(panel, '[data-testid="request-sent-on"]', daysAgo(45));
    // By keyboard: focus "Mark as sent" and press Space.
    await panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid="request-mark-sent"]')!.focus());
    await panel.press(' ');
    await panel.waitFor(
      () => document.querySelector('[data-testid="request-status"]')?.getAttribute('data-state') === 'overdue',
      [],
    );
    expect(await panel.text('[data-testid="request-status"]')).toContain(`sent ${daysAgo(45)}`);
    expect(await panel.text('[data-testid="request-status"]')).toContain(`due by ${daysAgo(15)}`);
    await expectAccessible('checklist with an overdue request');

    const followUp = readFileSync(await download('[data-testid="follow-up-letter-txt"]', 'txt'), 'utf8');
    // The letter's language was set to Spanish above: the follow-up is Spanish too.
    expect(flat(followUp)).toContain(`El ${spanishDate(daysAgo(45))} le solicité copias de mis registros médicos.`);
    expect(flat(followUp)).toContain('la respuesta debía llegar en un plazo de 30 días');
    expect(flat(followUp)).toContain('Todavía no he recibido los registros.');

    // The pathology report arrives; it is linked to the request.
    const page = run.context.pages()[0]!;
    await clipInto(panel, page, `${portal.origin}/athena/pathology/report.html`, portal.origin);
    await panel.click('[data-testid="view-checklist"]');
    await panel.waitForSelector('[data-testid="request-received-records"] input');
    await panel.evaluate(() =>
      document.querySelector<HTMLInputElement>('[data-testid="request-received-records"] input')!.click(),
    );
    await setDate(panel, '[data-testid="request-received-on"]', daysAgo(2));
    await panel.click('[data-testid="request-mark-received"]');
    await panel.waitFor(
      () => document.querySelector('[data-testid="request-status"]')?.getAttribute('data-state') === 'received',
      [],
    );
    expect(await panel.text('[data-testid="request-status"]')).toContain(daysAgo(2));
    expect(await panel.text('[data-testid="request-linked"]')).toContain('1');
    // Closing and reopening the panel keeps it all.
    await panel.send('Page.reload');
    await panel.waitForSelector('main');
    await panel.click('[data-testid="view-checklist"]');
    await panel.waitFor(
      () => document.querySelector('[data-testid="request-status"]')?.getAttribute('data-state') === 'received',
      [],
    );
    await expectAccessible('checklist with a received request');
  });

  it('remembers the provider typed once for the next request', async () => {
    const before = await panel.evaluate(() => document.querySelectorAll('[data-testid="request"]').length);
    await panel.click('[data-testid="request-add"]');
    await panel.waitFor((n: number) => document.querySelectorAll('[data-testid="request"]').length === n + 1, [before]);
    await fillField(panel, '[data-testid="request-provider"]', 'Valley General Hospital');
    await panel.waitForSelector('[data-testid="request-remembered"]');
    await panel.waitFor(
      () =>
        document
          .querySelector<HTMLTextAreaElement>('[data-testid="request-address"]')
          ?.value.includes('100 Example Road'),
      [],
    );
    expect(
      await panel.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="request-fax"]')!.value),
    ).toBe('555-0100');
  });

  it('makes the referral request and the decision letter to both doctors', async () => {
    await panel.click('[data-testid="referral-add"]');
    await panel.waitForSelector('[data-testid="referral-note"]');
    await fillField(panel, '[data-testid="referral-note"]', 'Plan needs a referral for out-of-network specialists.');
    await panel.click('[data-testid="referral"] [data-testid="request-letter-txt"]');
    await panel.waitForText('[data-testid="referral"] [data-testid="request-letter-problems"]', "provider's name");
    await fillField(panel, '[data-testid="referral"] [data-testid="request-provider"]', 'Example Health Plan');
    const referral = readFileSync(
      await download('[data-testid="referral"] [data-testid="request-letter-txt"]', 'txt'),
      'utf8',
    );
    expect(referral).toContain('Example Health Plan\n');
    expect(referral).toContain('Re: Referral or prior authorization for a second opinion (Robin Letters-Patient)');
    expect(referral).toContain('Details: Plan needs a referral for out-of-network specialists.');
    expect(await panel.text('[data-testid="referral"] [data-testid="request-letter-status"]')).toMatch(
      /referral-request_Example-Health-Plan_\d{4}-\d{2}-\d{2}\.txt/,
    );
    await expectAccessible('checklist with the referral item');

    await panel.click('[data-testid="view-story"]');
    await fillField(panel, '[data-testid="story-referringDoctor"]', 'Dr. Lee Sample');
    await panel.click('[data-testid="view-opinions"]');
    // The opinions view fills in from its live queries: click once it is all there, as a user would.
    await panel.waitForSelector('[data-testid="opinion-add"]');
    await panel.waitForSelector('[data-testid="decision"]');
    await panel.click('[data-testid="decision-letter-file-txt"]');
    await panel.waitForText('[data-testid="decision-letter-file-problems"]', 'opinion');
    await panel.click('[data-testid="opinion-add"]');
    await panel.waitForSelector('[data-testid="opinion-clinician"]');
    await fillField(panel, '[data-testid="opinion-clinician"]', 'Dr. Ana Example');
    await fillField(panel, '[data-testid="opinion-recommendedTreatment"]', 'Stereotactic radiotherapy');
    await panel.evaluate(() =>
      document.querySelector<HTMLInputElement>('[data-testid="decision"] input[value="switch"]')!.click(),
    );
    await panel.waitForText('[data-testid="decision-letter-to"]', 'Dr. Ana Example');
    const pdf = pdfText(await download('[data-testid="decision-letter-file-pdf"]', 'pdf'));
    expect(pdf).toContain('Dr. Lee Sample');
    expect(pdf).toContain('Dr. Ana Example');
    expect(pdf).toContain('recommended in the second opinion: Stereotactic radiotherapy');
    expect(pdf).toContain('Please share my records with each other');
    await expectAccessible('opinions with the decision letter');
  });
});
