import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import type { ChromiumRun } from '../harness/chromium';
import { generatedPdfChunk } from '../harness/generated-pages';
import { checkPackage } from '../harness/package-check';
import { createCase, readTable } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { Case, CaseRecord } from '../../lib/core/model';
import { launchWithPanel, stopSuite } from '../harness/suite';

// The browser is killed (SIGKILL) during clips and during exports, 20 times. After
// each restart every record the panel had been told was saved is there, no half-saved record exists,
// and the database opens. The pages come from a small pool, so the same URLs are clipped again and again
// (a duplicate can appear), and half of them carry a PDF (a record can lose its file, a file its record).
// After a kill during an export, no partial package may be presented as complete.
const KILLS_DURING_CLIPS = 14;
const KILLS_DURING_EXPORT = 6;
const TABS_PER_ROUND = 3;

let portal: DemoPortal;
let run: ChromiumRun | undefined;
const profile = mkdtempSync(join(tmpdir(), 'sl-crash-'));
/** Pathology pages with a PDF of 1, 2 or 3 MiB, and lab tables of three sizes: clipped again and again. */
const REPORT_MB = [1, 2, 3];
const LAB_ROWS = [37, 74, 111];
const MiB = 1024 * 1024;
const pdfSha256 = new Map(
  REPORT_MB.map((mb) => {
    const hash = createHash('sha256');
    for (let i = 0; i < mb; i++) hash.update(generatedPdfChunk(i));
    return [mb, hash.digest('hex')];
  }),
);

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
  /** Report records without exactly one whole PDF (right size, right SHA-256, the Blob itself there). */
  lackingFile: string[];
  attachments: number;
  /** Downloads presented as complete ("complete" in the browser's list, or a .zip on disk) that are not a whole package. */
  partialPackages: string[];
  completePackages: number;
  dbProblem: boolean;
}

/** The PDF size of a clipped pathology page (its text names it), or undefined for a lab table. */
const reportMb = (record: Record<string, unknown>) => {
  const mb = /Synthetic report for a (\d+) MB attachment/.exec(String(record.text ?? ''))?.[1];
  return mb === undefined ? undefined : Number(mb);
};

/** A package is whole when it unzips and every file matches the manifest's size and SHA-256. */
function wholePackage(path: string): string | undefined {
  try {
    const { problems } = checkPackage(path);
    return problems.length ? problems.slice(0, 3).join(', ') : undefined;
  } catch (error) {
    return String(error).slice(0, 120);
  }
}

async function check(panel: CdpPage, reported: Set<string>, downloadDir: string): Promise<Check> {
  const records = await readTable(panel, 'records');
  const cases = await readTable(panel, 'cases');
  const attachments = await readTable(panel, 'attachments');
  const ids = new Set(records.map((r) => r.id as string));
  const caseIds = new Set(cases.map((c) => c.id as string));
  const keys = records.map((r) => `${String(r.caseId)} ${String(r.contentHash)}`);
  const lackingFile = records.flatMap((r) => {
    const mb = reportMb(r);
    if (mb === undefined) return [];
    const files = attachments.filter((a) => a.recordId === r.id);
    const whole = files.filter(
      (a) =>
        a.size === mb * MiB &&
        (a.blob as { blobSize?: number }).blobSize === mb * MiB &&
        a.sha256 === pdfSha256.get(mb),
    );
    return files.length === 1 && whole.length === 1
      ? []
      : [`${String(r.title)}: ${files.length} files, ${whole.length} whole`];
  });
  // What the browser presents as a finished download, and every file that looks finished on disk.
  const downloads = (await panel.evaluate(async () =>
    (
      (await (globalThis as unknown as { chrome: any }).chrome.downloads.search({})) as {
        filename: string;
        state: string;
      }[]
    ).map((d) => ({ filename: d.filename, state: d.state })),
  )) as { filename: string; state: string }[];
  const presented = new Set([
    ...downloads.filter((d) => d.state === 'complete' && d.filename).map((d) => d.filename),
    ...(existsSync(downloadDir) ? readdirSync(downloadDir) : [])
      .filter((f) => f.endsWith('.zip'))
      .map((f) => `${downloadDir}/${f}`),
  ]);
  const partialPackages: string[] = [];
  for (const file of presented) {
    const problem = existsSync(file) ? wholePackage(file) : 'listed as complete but missing';
    if (problem) partialPackages.push(`${file}: ${problem}`);
  }
  await new Promise((r) => setTimeout(r, 300));
  return {
    records: records.length,
    reportedMissing: [...reported].filter((id) => !ids.has(id)),
    invalid:
      records.filter((r) => !CaseRecord.safeParse(r).success || !caseIds.has(r.caseId as string)).length +
      cases.filter((c) => !Case.safeParse(c).success).length,
    orphans: attachments.filter((a) => !ids.has(a.recordId as string)).length,
    duplicates: keys.length - new Set(keys).size,
    lackingFile,
    attachments: attachments.length,
    partialPackages,
    completePackages: presented.size - partialPackages.length,
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
    let clipsSent = 0;
    let lastCheck: Check | undefined;
    for (let round = 0; round < KILLS_DURING_CLIPS + KILLS_DURING_EXPORT; round++) {
      const { run: r, panel } = await start();
      lastCheck = await check(panel, reported, r.downloadDir);
      if (
        lastCheck.reportedMissing.length ||
        lastCheck.invalid ||
        lastCheck.orphans ||
        lastCheck.duplicates ||
        lastCheck.lackingFile.length ||
        lastCheck.partialPackages.length ||
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
        // Three different pages of the pool each round; every page comes back in later rounds.
        const pool = [
          ...REPORT_MB.map((mb) => `${portal.origin}/generated/report.html?mb=${mb}`),
          ...LAB_ROWS.map((rows) => `${portal.origin}/generated/labs.html?rows=${rows}`),
        ];
        const urls = [0, 1, 3].map((k) => pool[(round + k) % pool.length]!).slice(0, TABS_PER_ROUND);
        for (const url of urls) await (await r.context.newPage()).goto(url);
        clipsSent += urls.length;
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
        await new Promise((res) => setTimeout(res, nextDelay(1500)));
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
    const final = await check(panel, reported, r.downloadDir);
    panel.close();
    await r.close();
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `Crash: ${kills} SIGKILLs (${KILLS_DURING_CLIPS} during clips, ${KILLS_DURING_EXPORT} during export) in ${seconds} s: ` +
        `${reported.size} records reported saved, ${final.reportedMissing.length} missing; ${final.records} records in the db, ` +
        `${final.invalid} invalid, ${final.duplicates} duplicated, ${final.attachments} attachments, ${final.orphans} orphans, ` +
        `${final.lackingFile.length} records lacking their file; packages presented as complete: ${final.completePackages} whole, ` +
        `${final.partialPackages.length} partial; database opens: ${!final.dbProblem}; problems at restarts: ${problems.length}`,
    );
    expect(kills).toBe(20);
    expect(problems).toEqual([]);
    expect(final).toMatchObject({
      reportedMissing: [],
      invalid: 0,
      orphans: 0,
      duplicates: 0,
      lackingFile: [],
      partialPackages: [],
      dbProblem: false,
    });
    expect(reported.size).toBeGreaterThan(0);
    // The checks had something to find: records with files, and pages clipped more than once.
    expect(final.attachments).toBeGreaterThan(0);
    expect(final.records).toBeLessThanOrEqual(REPORT_MB.length + LAB_ROWS.length);
    expect(clipsSent).toBeGreaterThan(final.records);
  });
});
