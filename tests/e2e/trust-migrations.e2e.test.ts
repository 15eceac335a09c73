import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseVersion, RestartingChromium, V1_LAYOUT, writeOldDatabase } from '../harness/old-database';
import { readTable } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

// In a real browser, the extension opens version-1 data written to its own origin's
// IndexedDB (the layout Dexie gives CaseDb version 1: IndexedDB version 10) and upgrades it without loss.
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

describe('schema migrations in Chromium', () => {
  it('version-1 data opens under the current version with every row kept', async () => {
    let panel = await start();
    const [marker] = await readTable(panel, 'meta');
    expect(marker).toMatchObject({ key: 'created' });
    // Replace the database with a version-1 one holding the same creation marker (as an old install
    // would have). Dexie closes its connections on versionchange, so the delete goes through.
    const now = '2026-11-01T10:00:00.000Z';
    const v1Rows = (['lab', 'imaging', 'note'] as const).map((kind, i) => ({
      id: `r${i}`,
      caseId: 'c1',
      kind,
      title: `v1 record ${i}`,
      clinicalDate: '2026-10-0' + (i + 1),
      provenance: { portal: 'generic', origin: 'http://127.0.0.1', path: `/v1/${i}`, pageTitle: 'v1' },
      snapshotHtml: `<p>version one ${i}</p>`,
      text: `version one ${i}`,
      capturedAt: now,
      updatedAt: now,
      contentHash: String(i).repeat(64),
      note: 'kept',
    }));
    const written = await writeOldDatabase(panel, 10, V1_LAYOUT, {
      meta: [{ key: 'created', createdAt: String(marker!.createdAt) }],
      cases: [{ id: 'c1', title: 'Biopsy 🩺 مرحبا (v1)', createdAt: now, updatedAt: now }],
      records: v1Rows,
      attachments: [
        {
          id: 'a1',
          caseId: 'c1',
          recordId: 'r1',
          name: 'key.png',
          mediaType: 'image/png',
          size: 3,
          sha256: 'd'.repeat(64),
          blob: 'abc',
        },
      ],
    });
    expect(written).toBe(10);
    const v1Records = await readTable(panel, 'records');
    panel.close();

    // The current extension starts on that data.
    panel = await start();
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 3, []);
    const version = await databaseVersion(panel);
    const records = await readTable(panel, 'records');
    const attachments = await readTable(panel, 'attachments');
    const problem = await panel.evaluate(() => document.querySelector('[data-testid="db-problem"]') !== null);
    const titles = await panel.evaluate(() =>
      [...document.querySelectorAll('[data-testid="record-open"] .title')].map((e) => e.textContent),
    );
    console.log(
      `Migrations (Chromium): IndexedDB version 10 (Dexie v1) -> ${version} (Dexie v${version / 10}); ` +
        `${records.length} of ${v1Records.length} records and ${attachments.length} of 1 attachments kept unchanged; database warning shown: ${problem}`,
    );
    // Dexie version 6 (record heads) is the newest declared: IndexedDB version 60.
    expect(version).toBe(60);
    expect(records).toEqual(v1Records);
    expect(attachments).toHaveLength(1);
    expect(problem).toBe(false);
    expect(titles.sort()).toEqual(['v1 record 0', 'v1 record 1', 'v1 record 2']);
    panel.close();
  });
});
