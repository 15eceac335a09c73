// The case timeline in the real side panel (Chromium, test build): from the click on the Timeline tab to
// the first page of entries on screen, for a case of 100 records and one of 10,000, runs interleaved.
// `npm run bench:timeline`. Synthetic cases seeded by the bench page (entrypoints/bench/seed.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type ChromiumRun } from '../tests/harness/chromium';
import { testBuild } from '../tests/harness/builds';
import { call, openBench } from './browser';
import { stat } from './stats';

const SIZES = [100, 10_000];
const RUNS = Number(process.env.SL_TIMELINE_RUNS ?? 5);
/** `SL_TIMELINE_VIEW=questions` times the Questions tab instead: the cost of opening any workspace view. */
const VIEW = process.env.SL_TIMELINE_VIEW === 'questions' ? 'questions' : 'timeline';

/** Opens the panel on the active case, waits until its records are listed, then times the Timeline tab. */
async function timeTimeline(run: ChromiumRun, records: number): Promise<{ tab: number; entries: number }> {
  const page = await run.context.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/sidepanel.html`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="record-open"]').length === n, records, {
    timeout: 120_000,
  });
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  const result = (await page.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    document.querySelector('[data-testid="view-${VIEW}"]').click();
    const check = () => {
      const shown = document.querySelectorAll('${VIEW === 'timeline' ? '[data-testid="timeline-entry"]' : '[data-testid="question-new"]'}').length;
      if (shown > 0) resolve({ tab: performance.now() - started, entries: shown });
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`)) as { tab: number; entries: number };
  await page.close();
  return result;
}

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sl-bench-timeline-'));
  const run = await launchChromium({ extensionDir: testBuild('chrome'), userDataDir });
  try {
    const { bench } = await openBench(run);
    await call(bench, 'clearAll');
    const cases = [];
    for (const records of SIZES) {
      const { caseId } = await call<{ caseId: string }>(bench, 'seedCase', {
        records,
        attachmentMb: 0,
        bigFileMb: 0,
        questions: 0,
        title: `Timeline bench ${records}`,
      });
      cases.push({ caseId, records, times: [] as number[], entries: 0 });
    }
    for (let r = -1; r < RUNS; r++) {
      for (const c of cases) {
        await call(bench, 'setActiveCase', c.caseId);
        const { tab, entries } = await timeTimeline(run, c.records);
        c.entries = entries;
        if (r >= 0) c.times.push(tab); // run -1 warms the code cache
      }
    }
    for (const c of cases) {
      const s = stat(c.times);
      console.log(
        `${VIEW} tab, ${c.records} records: ${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)}), first page ${c.entries} entries`,
      );
    }
    await call(bench, 'clearAll');
  } finally {
    await run.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
