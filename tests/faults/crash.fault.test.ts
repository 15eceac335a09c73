import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import type { ChromiumRun } from '../harness/chromium';
import { createCase, readTable } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { Case, CaseRecord } from '../../lib/core/model';
import { launchWithPanel, stopSuite } from '../harness/suite';

// Issue 6, figure 4: the browser is killed (SIGKILL) during clips and during exports, 20 times. After
// each restart every record the panel had been told was saved is there, no half-saved record exists,
// and the database opens.
const KILLS_DURING_CLIPS = 14;
const KILLS_DURING_EXPORT = 6;
const TABS_PER_ROUND = 3;

let portal: DemoPortal;
let run: ChromiumRun | undefined;
const profile = mkdtempSync(join(tmpdir(), 'sl-crash-'));
let size = 5;

/** A deterministic pseudo-random delay, so a failing round can be replayed. */
let seed = 6;
const nextDelay = (max: number) => {
  seed = (seed * 16807) % 2147483647;
  return seed % max;
};

async function start(): Promise<{ run: ChromiumRun; panel: CdpPage }> {
  const started = await launchWithPanel(profile, `${portal.origin}/mychart/test-results/cbc.html`);
  run = started.run;
  return started;
}

interface Check {
  records: number;
  reportedMissing: string[];
  invalid: number;
  orphans: number;
  duplicates: number;
  dbProblem: boolean;
}

async function check(panel: CdpPage, reported: Set<string>): Promise<Check> {
  const records = await readTable(panel, 'records');
  const cases = await readTable(panel, 'cases');
  const attachments = await readTable(panel, 'attachments');
  const ids = new Set(records.map((r) => r.id as string));
  const caseIds = new Set(cases.map((c) => c.id as string));
  const keys = records.map((r) => `${String(r.caseId)} ${String(r.contentHash)}`);
  await new Promise((r) => setTimeout(r, 300));
  return {
    records: records.length,
    reportedMissing: [...reported].filter((id) => !ids.has(id)),
    invalid:
      records.filter((r) => !CaseRecord.safeParse(r).success || !caseIds.has(r.caseId as string)).length +
      cases.filter((c) => !Case.safeParse(c).success).length,
    orphans: attachments.filter((a) => !ids.has(a.recordId as string)).length,
    duplicates: keys.length - new Set(keys).size,
    dbProblem: await panel.evaluate(() => document.querySelector('[data-testid="db-problem"]') !== null),
  };
}

beforeAll(async () => {
  portal = await startDemoPortal();
});
afterAll(() => stopSuite({ run, portal }));

describe('crash safety', () => {
  it(`survives ${KILLS_DURING_CLIPS + KILLS_DURING_EXPORT} SIGKILLs during clips and exports`, async () => {
    const started = Date.now();
    const reported = new Set<string>();
    const problems: string[] = [];
    let kills = 0;
    let lastCheck: Check | undefined;
    for (let round = 0; round < KILLS_DURING_CLIPS + KILLS_DURING_EXPORT; round++) {
      const { run: r, panel } = await start();
      lastCheck = await check(panel, reported);
      if (
        lastCheck.reportedMissing.length ||
        lastCheck.invalid ||
        lastCheck.orphans ||
        lastCheck.duplicates ||
        lastCheck.dbProblem
      ) {
        problems.push(`round ${round}: ${JSON.stringify(lastCheck)}`);
      }
      if (round === 0) await createCase(panel, 'Crash test');
      else
        await panel.waitFor(
          () => document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.value ?? '',
          [],
        );

      if (round < KILLS_DURING_CLIPS) {
        const urls = Array.from(
          { length: TABS_PER_ROUND },
          () => `${portal.origin}/generated/labs.html?rows=${size++ * 37}`,
        );
        for (const url of urls) await (await r.context.newPage()).goto(url);
        // Fire the clips without waiting; replies land in window.crashReplies as the background answers.
        await panel.evaluate(async (list: string[]) => {
          const c = (globalThis as unknown as { chrome: any }).chrome;
          const all = await c.tabs.query({});
          const w = globalThis as unknown as { crashReplies: unknown[] };
          w.crashReplies = [];
          for (const url of list) {
            const tab = all.find((t: { url?: string }) => t.url === url);
            void c.runtime
              .sendMessage({ type: 'clip/tab', payload: { tabId: tab.id, selectionOnly: false } })
              .then((reply: unknown) => w.crashReplies.push(reply));
          }
        }, urls);
        await new Promise((res) => setTimeout(res, nextDelay(1200)));
      } else {
        await panel.click('[data-testid="export"]');
        await new Promise((res) => setTimeout(res, nextDelay(400)));
      }
      // Whatever the panel had been told before the kill must survive it.
      const replies = (await panel
        .evaluate(() => (globalThis as unknown as { crashReplies?: unknown[] }).crashReplies ?? [])
        .catch(() => [])) as {
        ok: boolean;
        data?: { added: string[] };
      }[];
      for (const reply of replies) if (reply.ok) reply.data!.added.forEach((id) => reported.add(id));
      panel.close();
      await r.kill();
      kills++;
    }
    const { run: r, panel } = await start();
    const final = await check(panel, reported);
    panel.close();
    await r.close();
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `Crash: ${kills} SIGKILLs (${KILLS_DURING_CLIPS} during clips, ${KILLS_DURING_EXPORT} during export) in ${seconds} s: ` +
        `${reported.size} records reported saved, ${final.reportedMissing.length} missing; ${final.records} records in the db, ` +
        `${final.invalid} invalid, ${final.duplicates} duplicated, ${final.orphans} orphan attachments; database opens: ${!final.dbProblem}; ` +
        `problems at restarts: ${problems.length}`,
    );
    expect(kills).toBe(20);
    expect(problems).toEqual([]);
    expect(final).toMatchObject({ reportedMissing: [], invalid: 0, orphans: 0, duplicates: 0, dbProblem: false });
    expect(reported.size).toBeGreaterThan(0);
  });
});
