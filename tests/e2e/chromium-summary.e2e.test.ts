import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { databaseVersion, RestartingChromium, V2_LAYOUT, writeOldDatabase } from '../harness/old-database';
import { readTable } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { v2Rows } from '../unit/fixtures/v2-database';

// A case made by the previous schema (version 2) opens in the panel built at version 3: the upgrade
// writes each case's summary, and the panel shows the case's records and counts from it.
let portal: DemoPortal;
const chromium = new RestartingChromium(() => portal);
const start = () => chromium.start();

beforeAll(async () => {
  portal = await startDemoPortal();
});
afterAll(async () => {
  await chromium.close();
  await portal?.close();
});

/** The rows as JSON (a file's bytes as text), to be written from inside the extension's origin. */
async function fixtureRows() {
  const rows = v2Rows();
  const attachments = await Promise.all(rows.attachments.map(async (a) => ({ ...a, blob: await a.blob.text() })));
  return { ...rows, attachments };
}

const openCount = (panel: CdpPage) =>
  panel.evaluate(() => document.querySelectorAll('[data-testid="record-open"]').length);

describe('a version-2 database in Chromium', () => {
  it('opens in the version-3 panel with its records and counts', async () => {
    let panel = await start();
    const [marker] = await readTable(panel, 'meta');
    const rows = { ...(await fixtureRows()), meta: [{ key: 'created', createdAt: String(marker!.createdAt) }] };
    // Replace the database with a version-2 one (Dexie version 2 is IndexedDB version 20), written with raw
    // IndexedDB in the extension's origin exactly as version 2 laid it out.
    const { details, ...tables } = rows;
    const written = await writeOldDatabase(panel, 20, V2_LAYOUT, { ...tables, caseDetails: details });
    expect(written).toBe(20);
    const before = Object.fromEntries(
      await Promise.all(
        ['cases', 'records', 'attachments', 'questions', 'opinions', 'caseDetails'].map(
          async (name) => [name, await readTable(panel, name)] as const,
        ),
      ),
    );
    panel.close();

    // The version-3 extension starts on that data; no case is remembered, so the newest (case a) opens.
    panel = await start();
    await panel.waitFor(
      () => document.querySelector('[data-testid="records"]')?.getAttribute('data-total') === '9',
      [],
    );
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 9, []);
    const version = await databaseVersion(panel);
    // Opened by the newest schema (Dexie version 6: IndexedDB 60), which upgraded through versions 3 and 6.
    expect(version).toBe(60);
    for (const [name, rowsBefore] of Object.entries(before))
      expect(await readTable(panel, name), name).toEqual(rowsBefore);
    const summaries = await readTable(panel, 'caseSummaries');
    expect(summaries.map((s) => s.caseId).sort()).toEqual(['case-a', 'case-b', 'case-c']);

    const shown = await panel.evaluate(() => ({
      heading: document.querySelector('#records-heading')?.textContent,
      labs: [...document.querySelectorAll('[data-testid="records-lab"] .title')].map((e) => e.textContent),
      imaging: [...document.querySelectorAll('[data-testid="records-imaging"] .title')].map((e) => e.textContent),
      titleOnly: document.querySelectorAll('[data-testid="record-title-only"]').length,
      problem: document.querySelector('[data-testid="db-problem"]') !== null,
      selected: document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.value,
    }));
    expect(shown).toEqual({
      heading: 'Records (9)',
      // Newest clinical date first within a kind.
      labs: ['BMP', 'CBC'],
      imaging: ['MR study', 'MRI brain', 'CT chest'],
      titleOnly: 1,
      problem: false,
      selected: 'case-a',
    });

    // The checklist's counts come from the summary written by the upgrade.
    await panel.click('[data-testid="view-checklist"]');
    await panel.waitForSelector('[data-testid="check-labs"]');
    const checklist = await panel.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('[data-testid^="check-"]')].map((e) => [
          e.dataset.testid!.slice('check-'.length),
          `${e.dataset.status} ${e.querySelector('.row')?.textContent ?? ''}`,
        ]),
      ),
    );
    expect(checklist).toMatchObject({
      labs: expect.stringMatching(/^present .*\(2\)$/),
      'imaging-reports': expect.stringMatching(/^present .*\(1\)$/),
      'imaging-images': expect.stringMatching(/^present .*\(3\)$/),
      pathology: expect.stringMatching(/^present .*\(1\)$/),
      operative: expect.stringMatching(/^missing/),
    });

    // Another case made by version 2: its own records and its checklist mark.
    await panel.click('[data-testid="view-records"]');
    await panel.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')!;
      select.value = 'case-b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await panel.waitFor(
      () => document.querySelector('[data-testid="records"]')?.getAttribute('data-total') === '2',
      [],
    );
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 2, []);
    expect(await openCount(panel)).toBe(2);
    console.log(
      `Summary migration (Chromium): IndexedDB version 20 (Dexie v2) -> ${version}; ${before.records!.length} records, ` +
        `${before.questions!.length} questions, ${before.opinions!.length} opinions unchanged; ${summaries.length} summaries; ` +
        `case a shows ${shown.heading}, case b 2 records`,
    );
    panel.close();
  });
});
