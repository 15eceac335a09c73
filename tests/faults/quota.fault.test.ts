import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { clipFromPanel, createCase, readTable } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

// A clip that does not fit fails with a clear message and earlier data is intact.
//
// How storage is capped: the extension holds `unlimitedStorage`, so Chromium enforces no origin quota,
// only the disk. Measured on Chromium 156: `Storage.overrideQuotaForOrigin` for the chrome-extension://
// origin changes what navigator.storage.estimate() reports but is not enforced under unlimitedStorage,
// and without it the override is not applied at all. So the profile lives on a small tmpfs (needs root
// to mount, as in our CI container) and the disk itself fills up: the real "disk full" a user meets.
const MOUNT = mkdtempSync(join(tmpdir(), 'sl-quota-'));
let mounted = false;
let mountError = '';
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', MOUNT], { stdio: 'pipe' });
  mounted = true;
} catch (error) {
  mountError = error instanceof Error ? error.message : String(error);
}

let portal: DemoPortal;
let run: ChromiumRun | undefined;
let panel: CdpPage;

beforeAll(async () => {
  portal = await startDemoPortal();
});
afterAll(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
  if (mounted) execFileSync('umount', ['-l', MOUNT], { stdio: 'ignore' });
});

describe('storage full', () => {
  it('a clip that does not fit says "storage full" and leaves earlier records whole', async () => {
    // Never skipped: without the tmpfs the storage-full figure would silently go unmeasured.
    if (!mounted) throw new Error(`cannot mount a 48 MB tmpfs for the profile (needs root): ${mountError}`);
    const profile = join(MOUNT, 'profile');
    mkdirSync(profile);
    run = await launchChromium({
      extensionDir: testBuild('chrome'),
      userDataDir: profile,
      downloadDir: join(tmpdir(), 'sl-quota-dl'),
    });
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    panel = await run.openPanel(page);
    await createCase(panel, 'Quota test');
    expect(await clipFromPanel(panel)).toContain('Clipped');
    const before = await readTable(panel, 'records');

    // Fill the disk, leaving about 1.5 MB free.
    const free = () => statfsSync(MOUNT).bavail * statfsSync(MOUNT).bsize;
    const filler = join(MOUNT, 'filler');
    writeFileSync(filler, Buffer.alloc(Math.max(free() - 1_500_000, 0)));
    const left = free();

    await page.goto(`${portal.origin}/generated/labs.html?rows=8000`);
    await panel.waitForText('[data-testid="tab-origin"]', '127.0.0.1');
    const status = await clipFromPanel(panel, 120_000);
    // Read back once there is room again: with the disk full, even opening a new connection to look
    // can fail ("Internal error opening backing store"), which says nothing about the stored data.
    execFileSync('rm', ['-f', filler]);
    const after = await readTable(panel, 'records');
    console.log(
      `Quota: disk capped (tmpfs, ${Math.round(left / 1024)} KiB free); a ~3 MB clip -> "${status}"; ` +
        `records before ${before.length}, after ${after.length}, earlier data unchanged: ${JSON.stringify(after) === JSON.stringify(before)}`,
    );
    // Either "storage full" or, when Chromium reports the full disk as "Corruption detected", the
    // "could not write (disk may be full or damaged)" message: both say nothing was saved.
    expect(status).toMatch(/is full\. Nothing was saved|disk may be full.*Nothing from this clip was saved/);
    expect(after).toEqual(before);

    // With the space back, the same clip works: the failure was the space, not the page.
    expect(await clipFromPanel(panel, 120_000)).toContain('Clipped');
  });
});
