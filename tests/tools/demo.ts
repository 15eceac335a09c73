/**
 * The main job: builds are made by `npm run demo` before this runs. Serves the synthetic demo portal,
 * starts Chromium with the extension, clips every demo page through the real side panel, exports the
 * case, writes the case's visit sheet beside the package (its path printed) and prints the package's path
 * as the last line. `--headed` shows the browser when a display exists.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { testBuild } from '../harness/builds';
import { launchChromium } from '../harness/chromium';
import { checkPackage, waitForNewZip } from '../harness/package-check';
import { startDemoPortal } from '../harness/portal-server';
import { checkPatientSharedZip } from '../harness/patient-shared-check';
import { saveRequestLetter } from '../harness/letter-actions';

const DEMO_PAGES = [
  '/mychart/test-results/cbc.html',
  '/mychart/test-results/cmp.html',
  '/healthelife/results.html',
  '/athena/imaging/ct-chest.html',
  '/athena/notes/visit-2026-10-14.html',
];
const DEMO_STORY = {
  diagnosis: 'A 14 mm spiculated nodule in the right upper lobe, not yet biopsied.',
  proposedTreatment: 'CT-guided biopsy, then surgery if it is cancer.',
  goals: 'I want to know whether a PET-CT first would change the plan, and I do not want to wait long.',
};
const DEMO_QUESTIONS = [
  'Do you agree that this nodule needs a biopsy, and why?',
  'Would a PET-CT before the biopsy change anything for me?',
  'How many patients with nodules like mine do you see each year?',
];
/** "About the patient" for the synthetic demo patient: what the patient-shared FHIR bundle names. */
const DEMO_PATIENT = { name: 'Robin Demo-Patient', birthDate: '1961-04-12', sex: 'female' };
/** Where the demo's records-request letter goes (a synthetic clinic) and how the patient is reached. */
const DEMO_REQUEST = {
  provider: 'Athena Demo Clinic',
  department: 'Medical Records',
  address: '1 Example Plaza\nSpringfield, ST 00000',
  contact: 'robin.demo@example.test',
};
const CASE_TITLE = 'Lung nodule work-up, Nov 2026 (synthetic demo patient)';

/** A finished new download ending in `suffix` (the browser renames it only when it is complete). */
async function waitForNewFile(dir: string, before: string[], suffix: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = readdirSync(dir).filter((f) => f.endsWith(suffix) && !before.includes(f));
    if (fresh.length === 1) return resolve(dir, fresh[0]!);
    if (Date.now() > deadline) throw new Error(`no new ${suffix} download in ${dir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The PDF's text as poppler reads it, white space folded. */
function pdfText(path: string): string {
  const out = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (out.error || out.status !== 0)
    throw new Error(`pdftotext could not read ${path}: run bash tests/tools/ensure-browsers.sh`);
  return out.stdout.replace(/\s+/g, ' ');
}

async function main(): Promise<string> {
  const headed = process.argv.includes('--headed') && Boolean(process.env.DISPLAY);
  const portal = await startDemoPortal();
  const run = await launchChromium({ extensionDir: testBuild('chrome'), headless: !headed });
  try {
    console.log(`Demo portal on ${portal.origin}; Chromium started with Second Look ${run.extensionId}`);
    const page = run.context.pages()[0] ?? (await run.context.newPage());
    await page.goto(`${portal.origin}${DEMO_PAGES[0]}`);
    const panel = await run.openPanel(page);
    await panel.fill('[data-testid="case-new-title"]', CASE_TITLE);
    await panel.click('[data-testid="case-create"]');
    await panel.waitForSelector('[data-testid="case-select"]');

    for (const path of DEMO_PAGES) {
      await page.goto(portal.origin + path);
      await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
      const before = await panel.evaluate(() => document.querySelectorAll('[data-testid="record-open"]').length);
      await panel.click('[data-testid="clip-page"]');
      await panel.waitFor((n: number) => document.querySelectorAll('[data-testid="record-open"]').length > n, [before]);
      console.log(`  clipped ${path}: ${await panel.text('[data-testid="clip-status"]')}`);
    }

    // The patient's story and questions, typed through the panel as a patient would.
    await panel.click('[data-testid="view-story"]');
    await panel.fill('[data-testid="patient-name"]', DEMO_PATIENT.name);
    // A date input takes no inserted text: set its value as the date picker does, with an input event.
    await panel.evaluate((date: string) => {
      const birth = document.querySelector<HTMLInputElement>('[data-testid="patient-birth-date"]')!;
      birth.focus();
      birth.value = date;
      birth.dispatchEvent(new Event('input', { bubbles: true }));
      birth.blur();
    }, DEMO_PATIENT.birthDate);
    await panel.click(`[data-testid="patient-sex-${DEMO_PATIENT.sex}"]`);
    for (const [field, text] of Object.entries(DEMO_STORY)) {
      await panel.fill(`[data-testid="story-${field}"]`, text);
      await panel.evaluate(
        (f: string) => document.querySelector<HTMLElement>(`[data-testid="story-${f}"]`)!.blur(),
        field,
      );
    }
    await panel.click('[data-testid="view-questions"]');
    for (const question of DEMO_QUESTIONS) {
      await panel.fill('[data-testid="question-new"]', question);
      await panel.click('[data-testid="question-add"]');
      await panel.waitFor(
        (q: string) =>
          [
            ...document.querySelectorAll<HTMLInputElement>(
              '[data-testid="question"] input, [data-testid="question"] textarea',
            ),
          ].some((f) => f.value === q),
        [question],
      );
    }
    console.log(`  story: ${Object.keys(DEMO_STORY).length} fields; questions: ${DEMO_QUESTIONS.length}`);
    // The visit sheet for the appointment, made by the panel's own button (English), checked with pdftotext.
    const sheetsBefore = readdirSync(run.downloadDir);
    await panel.click('[data-testid="visit-download"]');
    const sheetStatus = await panel.waitForText('[data-testid="visit-status"]', '.pdf', 60_000);
    const sheetName = /(SecondLook_\S+\.pdf)/.exec(sheetStatus)?.[1] ?? 'SecondLook_visit-sheet.pdf';
    const sheetSaved = await waitForNewFile(run.downloadDir, sheetsBefore, '.pdf');
    await panel.click('[data-testid="view-records"]');

    const downloadsBefore = readdirSync(run.downloadDir);
    await panel.click('[data-testid="export"]');
    const status = await panel.waitForText('[data-testid="export-status"]', '.zip', 60_000);
    const fileName = /(SecondLook_\S+\.zip)/.exec(status)?.[1] ?? 'SecondLook_demo.zip';
    const saved = await waitForNewZip(run.downloadDir, downloadsBefore);
    const outDir = resolve(import.meta.dirname, '../../.output/demo');
    mkdirSync(outDir, { recursive: true });
    const target = resolve(outDir, fileName);
    copyFileSync(saved, target);
    const visitSheet = resolve(outDir, sheetName);
    copyFileSync(sheetSaved, visitSheet);
    const sheetText = pdfText(visitSheet);
    if (!sheetText.includes('Visit sheet') || !sheetText.includes(DEMO_QUESTIONS[1]!))
      throw new Error('the visit sheet does not read as the case and its questions');
    console.log(`Visit sheet (${DEMO_QUESTIONS.length} questions, read by pdftotext): ${visitSheet}`);
    const pkg = checkPackage(target);
    if (pkg.problems.length > 0) throw new Error(`package check failed: ${pkg.problems.join('; ')}`);
    console.log(
      `Exported ${pkg.manifest.records.length} records, ${pkg.manifest.files.length + 1} files, all hashes verified.`,
    );
    const shared = checkPatientSharedZip(target);
    if (shared.errors.length) throw new Error(`patient-shared bundle: ${shared.errors.join('; ')}`);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    if (!flat(shared.storyText).includes(DEMO_STORY.diagnosis) || !flat(shared.storyText).includes(DEMO_QUESTIONS[0]!))
      throw new Error('the Patient Story PDF does not read as the story and questions');
    if (!flat(shared.renderedText).includes(`Name: ${DEMO_PATIENT.name}`) || !/Lab results/.test(shared.renderedText))
      throw new Error('the FHIR-rendered PDF does not read as the records');
    console.log(
      `Patient-shared bundle (data/patient-shared-bundle.json): ${shared.resources} resources, 0 KTC checker errors, valid against the FHIR R4 JSON schema; ` +
        `Patient Story PDF (${shared.storyPages} page(s)) and FHIR-rendered PDF (${shared.renderedPages} page(s)) read by pdftotext as what they claim.`,
    );
    // The records the case still lacks (the pathology reports among them), asked for in a letter.
    const letter = await saveRequestLetter(panel, run.downloadDir, outDir, DEMO_REQUEST);
    console.log(`Records-request letter (read by pdftotext as a request for the pathology reports): ${letter.pdf}`);
    console.log(`Records-request letter, text: ${letter.txt}`);
    panel.close();
    return target;
  } finally {
    await run.close();
    await portal.close();
  }
}

main().then(
  (path) => console.log(path),
  (error: unknown) => {
    console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
