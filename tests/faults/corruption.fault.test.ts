import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import type { ChromiumRun } from '../harness/chromium';
import { clipFromPanel, createCase } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { launchWithPanel, stopSuite } from '../harness/suite';

// A damaged or silently replaced IndexedDB is detected at start and the user is told.
let portal: DemoPortal;
let run: ChromiumRun | undefined;
const profile = mkdtempSync(join(tmpdir(), 'sl-corrupt-'));

async function start(): Promise<{ run: ChromiumRun; panel: CdpPage }> {
  const started = await launchWithPanel(profile, `${portal.origin}/mychart/test-results/cbc.html`);
  run = started.run;
  return started;
}

const idbDir = (extensionId: string) =>
  join(profile, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb.leveldb`);
const witness = (panel: CdpPage) =>
  panel.evaluate(() =>
    (globalThis as unknown as { chrome: any }).chrome.storage.local
      .get('dbWitness')
      .then((r: Record<string, unknown>) => r.dbWitness),
  );
const problem = (panel: CdpPage) =>
  panel.waitFor(() => document.querySelector('[data-testid="db-problem"]')?.textContent ?? '', [], 15_000);

beforeAll(async () => {
  portal = await startDemoPortal();
});
afterAll(() => stopSuite({ run, portal }));

describe('database corruption', () => {
  let extensionId = '';
  let original: unknown;
  const told: string[] = [];

  it('a healthy database: no warning, and a witness outside IndexedDB', async () => {
    const { run: r, panel } = await start();
    extensionId = r.extensionId;
    await createCase(panel, 'Corruption test');
    expect(await clipFromPanel(panel)).toContain('Clipped');
    original = await witness(panel);
    expect(original).toMatchObject({ createdAt: expect.any(String) });
    await new Promise((res) => setTimeout(res, 500));
    expect(await panel.evaluate(() => document.querySelector('[data-testid="db-problem"]') === null)).toBe(true);
    panel.close();
    await r.close();
    expect(existsSync(idbDir(extensionId))).toBe(true);
  });

  it('damaged LevelDB files (browser closed) are detected at the next start and nothing is overwritten', async () => {
    const dir = idbDir(extensionId);
    let damaged = 0;
    for (const name of readdirSync(dir)) {
      if (!/\.(ldb|log)$|^MANIFEST/.test(name)) continue;
      const path = join(dir, name);
      const size = Math.max(statSync(path).size, 64);
      writeFileSync(path, Buffer.alloc(size, 0xa5));
      damaged++;
    }
    expect(damaged).toBeGreaterThan(0);
    const { run: r, panel } = await start();
    const text = await problem(panel);
    told.push(`damaged files -> "${text.slice(0, 60)}…"`);
    expect(text.length).toBeGreaterThan(20);
    expect(await witness(panel)).toEqual(original);
    panel.close();
    await r.close();
  });

  it('a database the browser silently replaced with an empty one is detected (witness mismatch)', async () => {
    rmSync(idbDir(extensionId), { recursive: true, force: true });
    const { run: r, panel } = await start();
    const text = await problem(panel);
    told.push(`deleted files -> "${text.slice(0, 60)}…"`);
    expect(text).toContain('empty database');
    expect(await witness(panel)).toEqual(original);
    // Still said at the following start: nothing was reset.
    panel.close();
    await r.close();
    const again = await start();
    expect(await problem(again.panel)).toContain('empty database');
    again.panel.close();
    await again.run.close();
    console.log(
      `Corruption: ${told.length} of 2 damaged-database cases detected and shown (data-testid="db-problem"); witness never overwritten; nothing deleted by the extension; ${told.join('; ')}`,
    );
  });
});
