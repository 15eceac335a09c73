// Section 4 of the benchmark: time to a usable panel with a large case, against the empty panel.
import type { CDPSession } from 'playwright-core';
import type { ChromiumRun } from '../tests/harness/chromium';
import { call, type Bench } from './browser';
import { stat, type Stat } from './stats';

// ---------------------------------------------------------------- 4. panel

export interface PanelResult {
  empty: Stat;
  full: Stat;
  ratio: number;
  records: number;
  questions: number;
}

async function timeToUsable(run: ChromiumRun, caseId: string, records: number): Promise<number> {
  const page = await run.context.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/sidepanel.html`, { waitUntil: 'commit' });
  await page.waitForFunction(
    ([id, n]) => {
      const w = window as unknown as { slUsable?: number };
      const sel = document.querySelector<HTMLSelectElement>('[data-testid="case-select"]');
      const ok =
        sel?.value === id &&
        document.querySelectorAll('[data-testid="record-open"]').length === n &&
        document.querySelector('[data-testid="clip-page"]') !== null;
      if (ok) w.slUsable ??= performance.now();
      return ok;
    },
    [caseId, records] as const,
    { polling: 'raf', timeout: 60_000 },
  );
  const ms = await page.evaluate(() => (window as unknown as { slUsable: number }).slUsable);
  await page.close();
  return ms;
}

export async function benchPanel(
  run: ChromiumRun,
  bench: Bench,
  cdp: CDPSession,
  records: number,
  questions: number,
  runs: number,
): Promise<PanelResult> {
  // Both cases exist at once and the runs alternate, empty then full, so both halves share the same
  // machine state (the zip writers are interleaved the same way); each panel reads only the active case.
  await call(bench, 'clearAll');
  const seed = (n: number, q: number) =>
    call<{ caseId: string }>(bench, 'seedCase', {
      records: n,
      attachmentMb: 0,
      bigFileMb: 0,
      questions: q,
      title: `Panel bench ${n}`,
    });
  const cases = [
    { caseId: (await seed(0, 0)).caseId, records: 0, times: [] as number[] },
    { caseId: (await seed(records, questions)).caseId, records, times: [] as number[] },
  ];
  for (let r = -1; r < runs; r++) {
    for (const c of cases) {
      await call(bench, 'setActiveCase', c.caseId);
      // Extension pages share one renderer: collect what earlier loads left, so a load does not pay
      // for the garbage of the one before it (a full load leaves far more than an empty one).
      await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
      const ms = await timeToUsable(run, c.caseId, c.records);
      if (r >= 0) c.times.push(ms); // run -1 warms the code cache for both
    }
  }
  const empty = stat(cases[0]!.times);
  const full = stat(cases[1]!.times);
  await call(bench, 'clearAll');
  const res = { empty, full, ratio: full.median / empty.median, records, questions };
  console.log(
    `  panel: empty ${empty.median.toFixed(0)} ms, ${records} records + ${questions} questions ${full.median.toFixed(0)} ms (x${res.ratio.toFixed(2)})`,
  );
  return res;
}
