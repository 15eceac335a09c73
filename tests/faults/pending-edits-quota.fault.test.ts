import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { closePanel, createCase } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

// Text typed just before the panel closed is logged (localStorage) and written to IndexedDB; when that
// write cannot happen, the next panel start replays it. Here the disk is full during the write AND
// during the replay: the logged edit must survive both, and be written once there is room again.
// The disk is a small tmpfs holding the browser profile (as in quota.fault.test.ts: needs root, which
// our CI container has; without it this test fails, it does not skip).
const MOUNT = mkdtempSync(join(tmpdir(), 'sl-edits-quota-'));
const PREFIX = 'second-look:pending-edit:';
const TYPED = `Goals typed on a full disk: ${'keep this text '.repeat(1200)}`.slice(0, 19_000);

let portal: DemoPortal;
let run: ChromiumRun | undefined;
let panel: CdpPage | undefined;
const filler = join(MOUNT, 'filler');

const free = () => statfsSync(MOUNT).bavail * statfsSync(MOUNT).bsize;
/** Fills the disk to the last block (a second small file takes what the first left). */
function fillDisk(): number {
  writeFileSync(filler, Buffer.alloc(Math.max(free() - 4096, 0)));
  try {
    writeFileSync(`${filler}-2`, Buffer.alloc(free()));
  } catch {
    // ENOSPC: that was the point.
  }
  return free();
}
function emptyDisk(): void {
  rmSync(filler, { force: true });
  rmSync(`${filler}-2`, { force: true });
}

const pendingEdits = (p: CdpPage) =>
  p.evaluate(
    (prefix: string) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(prefix))
        .map((k) => localStorage.getItem(k) ?? ''),
    PREFIX,
  );
const storedGoals = (p: CdpPage) =>
  p.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('caseDetails').objectStore('caseDetails').getAll();
          request.onsuccess = () => {
            open.result.close();
            const row = request.result[0] as { story?: { goals?: string } } | undefined;
            resolve(row?.story?.goals ?? null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );

beforeAll(async () => {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', MOUNT], { stdio: 'ignore' });
  portal = await startDemoPortal();
});
afterAll(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
  execFileSync('umount', ['-l', MOUNT], { stdio: 'ignore' });
});

describe('pending edits on a full disk', () => {
  it('keep the typed text through a failed write and a failed replay, and write it when there is room', async () => {
    const profile = join(MOUNT, 'profile');
    mkdirSync(profile);
    run = await launchChromium({
      extensionDir: testBuild('chrome'),
      userDataDir: profile,
      downloadDir: join(tmpdir(), 'sl-edits-quota-dl'),
    });
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    panel = await run.openPanel(page);
    await createCase(panel, 'Edits on a full disk');
    await panel.click('[data-testid="view-story"]');
    await panel.waitForSelector('[data-testid="story-goals"]');

    const left = fillDisk();
    // Type, then close the panel at once: the edit is logged and its write fails on the full disk.
    await panel.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('[data-testid="story-goals"]')!;
      field.focus();
      field.select();
    });
    await panel.send('Input.insertText', { text: TYPED });
    await closePanel(run);
    panel.close();

    // Reopen with the disk still full: the panel replays the edit, which fails again.
    panel = await run.openPanel(page);
    // The replay runs as the panel starts; give it time to fail (or, before the fix, to drop the edit).
    const watched: number[] = [];
    for (let i = 0; i < 20; i++) {
      watched.push((await pendingEdits(panel)).filter((e) => e.includes('keep this text')).length);
      await new Promise((r) => setTimeout(r, 250));
    }
    emptyDisk();
    // The write really did not happen while the disk was full...
    expect(await storedGoals(panel)).not.toBe(TYPED);
    // ...and the logged edit was kept through the failed replay, all along.
    expect(
      watched.every((n) => n === 1),
      `pending edit present over 5 s: ${watched.join(',')}`,
    ).toBe(true);

    // With room again, the next start writes it and only then forgets it.
    await closePanel(run);
    panel.close();
    panel = await run.openPanel(page);
    await panel.click('[data-testid="view-story"]');
    await panel.waitFor(
      (t: string) => document.querySelector<HTMLTextAreaElement>('[data-testid="story-goals"]')?.value === t,
      [TYPED],
      30_000,
    );
    expect(await storedGoals(panel)).toBe(TYPED);
    await panel.waitFor((prefix: string) => !Object.keys(localStorage).some((k) => k.startsWith(prefix)), [PREFIX]);
    console.log(
      `Pending edit on a full disk (tmpfs, ${Math.round(left / 1024)} KiB free): write failed, replay failed and kept ` +
        `the edit (${watched.length} checks over 5 s), written after space returned`,
    );
  }, 300_000);
});
