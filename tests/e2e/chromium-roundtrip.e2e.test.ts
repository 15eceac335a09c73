// Export then import is lossless, in real Chromium: a case is filled through the side panel (clips with
// an attachment, a C-CDA file, a record note, the whole story, checklist marks, questions with answers
// and links, two opinions, the decision, redaction choices), plus one record of every structured type
// the UI cannot make yet (written straight into the extension's database). It is exported, imported into
// a fresh browser profile, and the two IndexedDB databases are compared table by table, field by field.
// Also: text typed in the panel survives closing the panel inside the save delay.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAVE_DELAY_MS } from '../../components/autosave';
import type { CdpPage } from '../harness/cdp-page';
import { CASE_TABLES, comparableTables, dumpDatabase, type CaseTables } from '../harness/case-tables';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { chooseFile } from '../harness/package-files';
import { clipFromPanel, closePanel, createCase, exportFromPanel } from '../harness/panel-actions';
import type { DemoPortal } from '../harness/portal-server';
import { THIRD_PARTY } from '../harness/shared';
import { startChromiumSuite, stopSuite } from '../harness/suite';
import { SAMPLES, STORY } from '../unit/helpers/full-case';

const CCDA = `${THIRD_PARTY}/ccda/sample_ccdas_HL7_Samples_CCD.sample.xml`;
const PAGES = ['/mychart/test-results/cbc.html', '/athena/imaging/ct-chest.html', '/athena/pathology/report.html'];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let portal: DemoPortal;
let run: ChromiumRun;
let fresh: ChromiumRun | undefined;
let panel: CdpPage;
let freshPanel: CdpPage | undefined;
let zipPath: string;
let original: CaseTables;

const showView = (p: CdpPage, view: string) => p.click(`[data-testid="view-${view}"]`);
/** Types into a field and leaves it, as a user tabbing on would (leaving saves). */
async function typeInto(selector: string, text: string) {
  await panel.fill(selector, text);
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}
/** A date field takes no typed text in Chromium: set it as the date picker would, then leave it. */
const setDate = (selector: string, value: string) =>
  panel.evaluate(
    (s: string, v: string) => {
      const input = document.querySelector<HTMLInputElement>(s)!;
      input.focus();
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.blur();
    },
    selector,
    value,
  );
const rows = (p: CdpPage, table: string) =>
  p.evaluate(
    (name: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as Record<string, unknown>[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );

beforeAll(async () => {
  ({ portal, run } = await startChromiumSuite());
});
afterAll(async () => {
  freshPanel?.close();
  await fresh?.close();
  await stopSuite({ panel, run, portal });
});

describe('lossless round trip in Chromium', () => {
  it('fills a case with every field through the panel', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(portal.origin + PAGES[0]);
    panel = await run.openPanel(page);
    await createCase(panel, 'Round trip: every field 🙂');
    for (const path of PAGES) {
      await page.goto(portal.origin + path);
      await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
      expect(await clipFromPanel(panel)).toContain('Clipped');
    }
    await chooseFile(panel, '[data-testid="file-input"]', CCDA);
    await panel.waitForText('[data-testid="file-status"]', 'added', 60_000);

    // Every structured type the panel cannot make yet, written as the clip path would store it.
    const caseId = await panel.evaluate(
      () => document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')!.value,
    );
    const extra = Object.entries(SAMPLES).map(([type, sample], i) => {
      const snapshotHtml = `<h2>Sample ${type}</h2><p>value ${i}</p>`;
      return {
        id: `sample-${type}`,
        caseId,
        kind: sample.kind,
        title: `Sample ${type}`,
        clinicalDate: '2026-10-14',
        provenance: { portal: 'generic', origin: portal.origin, path: `/samples/${type}`, pageTitle: `Sample ${type}` },
        snapshotHtml,
        text: `Sample ${type}\nvalue ${i}`,
        structured: sample.structured,
        capturedAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-01T10:00:00.000Z',
        contentHash: sha256(snapshotHtml),
        note: '',
      };
    });
    await panel.evaluate(
      (records: unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('second-look');
          open.onsuccess = () => {
            const tx = open.result.transaction('records', 'readwrite');
            for (const record of records) tx.objectStore('records').add(record);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      extra,
    );

    // A note on a record.
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length > 3, []);
    await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('[data-testid="record-open"]')]
        .find((b) => /CT CHEST/i.test(b.textContent ?? ''))!
        .click(),
    );
    await panel.fill('[data-testid="record-note"]', 'Ask whether the nodule changed since 2025.');
    await panel.click('[data-testid="record-save"]');
    await panel.waitFor(
      () =>
        document.querySelector<HTMLTextAreaElement>('[data-testid="record-note"]') === null ||
        document.querySelector<HTMLTextAreaElement>('[data-testid="record-note"]')!.value.startsWith('Ask'),
      [],
    );

    // The whole story.
    await showView(panel, 'story');
    await panel.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[name="story-reason"][value="subspecialist"]')!.click(),
    );
    await panel.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[name="story-time"][value="yes"]')!.click(),
    );
    for (const [field, value] of Object.entries(STORY)) {
      if (field === 'reason' || field === 'timeSensitive') continue;
      await typeInto(`[data-testid="story-${field}"]`, value);
    }

    // Checklist marks.
    await showView(panel, 'checklist');
    // Families the case lacks (the C-CDA brings procedures and family history, so those are present).
    for (const family of ['notes', 'imaging-images']) {
      await panel.evaluate(
        (f: string) =>
          document.querySelector<HTMLInputElement>(`[data-testid="check-${f}"] input[type="checkbox"]`)!.click(),
        family,
      );
    }

    // Questions: one answered and linked to two records, one open.
    await showView(panel, 'questions');
    for (const text of ['Do you agree with the diagnosis?', 'Would a PET-CT change the plan?']) {
      await panel.fill('[data-testid="question-new"]', text);
      await panel.click('[data-testid="question-add"]');
      await panel.waitFor(
        (t: string) =>
          document.body.textContent!.includes(t) ||
          [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid="question-text"]')].some(
            (f) => f.value === t,
          ),
        [text],
      );
    }
    await panel.evaluate(() =>
      document.querySelector<HTMLInputElement>('[data-testid="question"] [data-testid="question-answered"]')!.click(),
    );
    await panel.waitForSelector('[data-testid="question"] [data-testid="question-answer"]');
    await typeInto('[data-testid="question"] [data-testid="question-answer"]', 'Yes; a biopsy would settle it.');
    await panel.evaluate(() => {
      const first = document.querySelector('[data-testid="question"]')!;
      first.querySelector('details')!.open = true;
      const boxes = [...first.querySelectorAll<HTMLInputElement>('.links input[type="checkbox"]')];
      boxes[0]!.click();
    });
    await panel.waitFor(
      () => /\b1\b/.test(document.querySelector('[data-testid="question"] summary')!.textContent ?? ''),
      [],
    );
    await panel.evaluate(() => {
      const boxes = [
        ...document
          .querySelector('[data-testid="question"]')!
          .querySelectorAll<HTMLInputElement>('.links input[type="checkbox"]'),
      ];
      boxes[2]!.click();
    });
    await panel.waitFor(
      () => /\b2\b/.test(document.querySelector('[data-testid="question"] summary')!.textContent ?? ''),
      [],
    );

    // Two opinions and the decision.
    await showView(panel, 'opinions');
    for (const [clinician, date] of [
      ['Dr. A. First', '2026-11-02'],
      ['Dr. B. Second', '2026-11-20'],
    ] as const) {
      const before = await panel.evaluate(() => document.querySelectorAll('[data-testid="opinion-open"]').length);
      await panel.click('[data-testid="opinion-add"]');
      await panel.waitFor(
        (n: number) =>
          document.querySelectorAll('[data-testid="opinion-open"]').length === n + 1 &&
          document.querySelector<HTMLInputElement>('[data-testid="opinion-clinician"]')?.value === '',
        [before],
      );
      await typeInto('[data-testid="opinion-clinician"]', clinician);
      await typeInto('[data-testid="opinion-institution"]', 'Example Cancer Center');
      await setDate('[data-testid="opinion-date"]', date);
      await typeInto('[data-testid="opinion-diagnosis"]', 'Adenocarcinoma in situ');
      await typeInto('[data-testid="opinion-recommendedTreatment"]', `Plan of ${clinician}`);
      await typeInto('[data-testid="opinion-reasoning"]', 'Small and slow-growing.');
      await typeInto('[data-testid="opinion-answers"]', 'Answered both questions.');
      await typeInto('[data-testid="opinion-notes"]', 'Bring the CD next time.');
    }
    await panel.evaluate(() =>
      document.querySelector<HTMLInputElement>('input[name="decision-choice"][value="third-opinion"]')!.click(),
    );
    await typeInto('[data-testid="decision-reasons"]', 'The two opinions differ on surgery.');

    // Redaction choices: names, date of birth and one finding kept, then redaction off for this export.
    await showView(panel, 'records');
    await panel.evaluate(() => {
      document.querySelector<HTMLDetailsElement>('[data-testid="export-options"]')!.open = true;
    });
    await panel.click('[data-testid="redact-toggle"]');
    await panel.fill('[data-testid="redact-names"]', 'Avery Q. Sample, Rowan T. Example');
    await setDate('[data-testid="redact-dob"]', '1961-03-02');
    await panel.waitForSelector('[data-testid="redact-finding"]', 60_000);
    const unticked = await panel.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('[data-testid="redact-finding"]')!;
      box.click();
      return box.value.toLowerCase();
    });
    await panel.click('[data-testid="redact-toggle"]');

    // Everything above reached the database before export.
    await panel.waitFor(
      (finding: string) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('second-look');
          open.onsuccess = () => {
            const request = open.result.transaction('caseDetails').objectStore('caseDetails').getAll();
            request.onsuccess = () => {
              open.result.close();
              const d = request.result[0] as {
                redaction?: { enabled: boolean; rejected: string[] };
                decision?: { reasons?: string };
              };
              resolve(
                d?.redaction?.enabled === false && d.redaction.rejected.includes(finding) && !!d.decision?.reasons,
              );
            };
          };
        }),
      [unticked],
      20_000,
    );
    original = await dumpDatabase(panel);
    const details = original.caseDetails[0]!;
    expect(details).toMatchObject({
      story: STORY,
      notApplicable: { notes: true, 'imaging-images': true },
      decision: { choice: 'third-opinion', reasons: 'The two opinions differ on surgery.' },
      redaction: {
        enabled: false,
        names: 'Avery Q. Sample, Rowan T. Example',
        dateOfBirth: '1961-03-02',
        rejected: [unticked],
      },
    });
    const types = new Set(original.records.map((r) => (r.structured as { type?: string } | undefined)?.type));
    for (const type of Object.keys(SAMPLES)) expect(types, type).toContain(type);
    expect(original.records.some((r) => r.note === 'Ask whether the nodule changed since 2025.')).toBe(true);
    expect(original.attachments.length).toBeGreaterThan(0);
    expect(original.questions.map((q) => q.answered).sort()).toEqual([false, true]);
    expect(original.questions.find((q) => q.answered)!.linkedRecordIds).toHaveLength(2);
    expect(original.opinions).toHaveLength(2);
    for (const opinion of original.opinions) expect(opinion.notes).toBe('Bring the CD next time.');

    const exported = await exportFromPanel(panel, run.downloadDir, 120_000);
    expect(exported.pkg.problems).toEqual([]);
    zipPath = exported.path;
  }, 600_000);

  it('imports into a fresh browser profile with every table equal field by field (only ids differ)', async () => {
    fresh = await launchChromium({ extensionDir: testBuild('chrome') });
    const page = fresh.context.pages()[0]!;
    await page.goto(portal.origin + PAGES[0]);
    freshPanel = await fresh.openPanel(page);
    await chooseFile(freshPanel, '[data-testid="import-file"]', zipPath);
    await freshPanel.waitForText('[data-testid="import-status"]', `with ${original.records.length} records`, 120_000);
    expect(await freshPanel.text('[data-testid="import-status"]')).not.toMatch(/active content/);
    const restored = await dumpDatabase(freshPanel);
    for (const table of CASE_TABLES) expect(restored[table], table).toHaveLength(original[table].length);
    expect(comparableTables(restored)).toEqual(comparableTables(original));
    // Ids are new (the same package can be imported twice, or into the profile that holds the original).
    expect(restored.cases[0]!.id).not.toBe(original.cases[0]!.id);
    // What the panel shows after the import: the restored decision and an opinion.
    await showView(freshPanel, 'opinions');
    await freshPanel.waitFor(
      () =>
        document.querySelector<HTMLInputElement>('input[name="decision-choice"][value="third-opinion"]')?.checked ===
        true,
      [],
    );
    expect(await freshPanel.text('[data-testid="opinions"]')).toContain('Dr. B. Second');
  }, 300_000);

  it('keeps text typed just before the panel is closed inside the save delay (no blur), and shows it on reopening', async () => {
    const r = fresh!;
    const p = freshPanel!;
    const typed = 'Typed, then the panel closed at once: ' + 'ü'.repeat(40);
    await showView(p, 'story');
    await p.waitForSelector('[data-testid="story-goals"]');
    await p.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('[data-testid="story-goals"]')!;
      field.focus();
      field.select();
    });
    // The save delay starts with the keystroke.
    const started = Date.now();
    await p.send('Input.insertText', { text: typed });
    await closePanel(r);
    const closedAfter = Date.now() - started;
    // The field was never left and the save delay had not run out: only closing the page could save it.
    expect(closedAfter).toBeLessThan(SAVE_DELAY_MS);
    freshPanel = await r.openPanel(r.context.pages()[0]!);
    await showView(freshPanel, 'story');
    await freshPanel.waitFor(
      (t: string) => document.querySelector<HTMLTextAreaElement>('[data-testid="story-goals"]')?.value === t,
      [typed],
      20_000,
    );
    const [details] = await rows(freshPanel, 'caseDetails');
    expect((details as { story: { goals: string } }).story.goals).toBe(typed);
    console.log(
      `Panel closed ${closedAfter} ms after typing (save delay ${SAVE_DELAY_MS} ms): the text was there on reopening`,
    );
  }, 120_000);
});
