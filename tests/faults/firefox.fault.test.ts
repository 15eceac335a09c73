import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBuild } from '../harness/builds';
import { ADDON_UUID, launchFirefox, type FirefoxRun, until } from '../harness/firefox';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { Case, CaseRecord } from '../../lib/core/model';

// A crash and a silently replaced database, in Firefox ESR. The profile is kept
// across launches; the add-on keeps its UUID and data across the temporary reinstall (harness prefs).
const KILLS = 6;
let portal: DemoPortal;
let run: FirefoxRun | undefined;
const profile = mkdtempSync(join(tmpdir(), 'sl-ff-faults-'));

let relaunches = 0;

async function start(): Promise<Page> {
  for (let attempt = 0; ; attempt++) {
    // A previous launch that failed half-way still holds the profile lock.
    await run?.kill().catch(() => undefined);
    // puppeteer backs user.js and prefs.js up at launch and restores them when Firefox exits; after a
    // SIGKILL that can leave either missing, which makes the next launch fail.
    for (const name of ['user.js', 'prefs.js']) {
      const file = join(profile, name);
      if (existsSync(`${file}.puppeteer`)) rmSync(`${file}.puppeteer`);
      if (!existsSync(file)) writeFileSync(file, '');
    }
    try {
      run = await launchFirefox(testBuild('firefox'), { userDataDir: profile, downloadDir: join(profile, 'dl') });
      return await run.openPanel();
    } catch (error) {
      // Seen in 3 of about 50 launches after a SIGKILL: the temporary add-on's page never renders (cause not found).
      // Reported in the figure line, never hidden; a second failure fails the test.
      if (attempt >= 1) throw error;
      relaunches++;
    }
  }
}

const tables = (panel: Page) =>
  panel.evaluate(
    () =>
      new Promise<Record<string, Record<string, unknown>[]>>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const out: Record<string, Record<string, unknown>[]> = {};
          const tx = db.transaction(['cases', 'records', 'attachments'], 'readonly');
          for (const name of ['cases', 'records', 'attachments']) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () =>
              (out[name] = (r.result as Record<string, unknown>[]).map((row) => ({ ...row, blob: undefined })));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );

beforeAll(async () => {
  portal = await startDemoPortal();
});
afterAll(async () => {
  await run?.close().catch(() => undefined);
  await portal?.close();
});

describe('faults in Firefox', () => {
  it(`survives ${KILLS} SIGKILLs during clips and exports`, async () => {
    const reported = new Set<string>();
    let rows = 5;
    for (let round = 0; round < KILLS; round++) {
      const panel = await start();
      if (round === 0) {
        await panel.locator('[data-testid="case-new-title"]').fill('Firefox crash test');
        await panel.locator('[data-testid="case-create"]').click();
      }
      await until(panel, () => document.querySelector('[data-testid="case-select"]') !== null);
      await new Promise((r) => setTimeout(r, 300));
      if (round < KILLS - 2) {
        const urls = Array.from({ length: 3 }, () => `${portal.origin}/generated/labs.html?rows=${rows++ * 41}`);
        for (const url of urls) await (await run!.browser.newPage()).goto(url);
        await panel.evaluate(async (list: string[]) => {
          const api = (globalThis as unknown as { browser: any }).browser;
          const all = await api.tabs.query({});
          const w = globalThis as unknown as { crashReplies: unknown[] };
          w.crashReplies = [];
          for (const u of list) {
            const tab = all.find((t: { url?: string }) => t.url === u);
            void api.runtime
              .sendMessage({ type: 'clip/tab', payload: { tabId: tab.id, selectionOnly: false } })
              .then((r: unknown) => w.crashReplies.push(r));
          }
        }, urls);
        await new Promise((r) => setTimeout(r, 600 + round * 500));
      } else {
        await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export"]')!.click());
        await new Promise((r) => setTimeout(r, 150 * round));
      }
      const replies = ((await panel
        .evaluate(() => (globalThis as unknown as { crashReplies?: unknown[] }).crashReplies ?? [])
        .catch(() => [])) ?? []) as {
        ok: boolean;
        data?: { added: string[] };
      }[];
      for (const reply of replies) if (reply.ok) reply.data!.added.forEach((id) => reported.add(id));
      await run!.kill();
    }
    const panel = await start();
    await new Promise((r) => setTimeout(r, 1000));
    const { cases, records, attachments } = await tables(panel);
    const ids = new Set(records!.map((r) => r.id));
    const missing = [...reported].filter((id) => !ids.has(id)).length;
    const invalid =
      records!.filter((r) => !CaseRecord.safeParse(r).success).length +
      cases!.filter((c) => !Case.safeParse(c).success).length;
    const orphans = attachments!.filter((a) => !ids.has(a.recordId)).length;
    const problem = await panel.evaluate(() => document.querySelector('[data-testid="db-problem"]') !== null);
    await run!.close();
    console.log(
      `Crash (Firefox): ${KILLS} SIGKILLs (${KILLS - 2} during clips, 2 during export): ${reported.size} records reported saved, ${missing} missing; ` +
        `${records!.length} records, ${invalid} invalid, ${orphans} orphan attachments; database opens: ${!problem}; ` +
        `launches retried because the panel page did not render: ${relaunches}`,
    );
    expect(missing).toBe(0);
    expect(invalid).toBe(0);
    expect(orphans).toBe(0);
    expect(problem).toBe(false);
    expect(reported.size).toBeGreaterThan(0);
  });

  it('a database deleted while Firefox was closed is detected at start (witness mismatch); nothing is reset', async () => {
    const storage = join(profile, 'storage', 'default');
    const origin = readdirSync(storage).find((d) => d.startsWith(`moz-extension+++${ADDON_UUID}`));
    expect(origin).toBeDefined();
    const idb = join(storage, origin!, 'idb');
    expect(existsSync(idb)).toBe(true);
    rmSync(idb, { recursive: true, force: true });
    const panel = await start();
    const text = await until(panel, () => document.querySelector('[data-testid="db-problem"]')?.textContent ?? '');
    await run!.close();
    console.log(`Corruption (Firefox): deleted IndexedDB detected and shown: "${text.slice(0, 60)}…"`);
    expect(text).toContain('empty database');
  });
});
