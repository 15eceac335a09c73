// Section 4 of the benchmark: the panel with a large case against an empty one (open time, first render),
// and the panel's longest task while a clip lands in the large case.
import type { CDPSession } from 'playwright-core';
import type { ChromiumRun } from '../tests/harness/chromium';
import { call, sleep, type Bench } from './browser';
import { stat, type Stat } from './stats';

// ---------------------------------------------------------------- 4. panel

export interface PanelResult {
  /** Navigation to usable: the active case's record count shown and its first page of records listed. */
  empty: Stat;
  full: Stat;
  ratio: number;
  /** Navigation to the panel's first render (its Clip button on screen). */
  firstEmpty: Stat;
  firstFull: Stat;
  firstRatio: number;
  records: number;
  questions: number;
  /** A clip of a 200-row page into the large case with the panel open: click to record shown. */
  clip?: { ms: Stat; longestTask: number; runs: number };
}

/** Records the list shows at first: a page (20) of each kind (RecordPages' RECORD_PAGE). */
const firstPage = (kinds: Record<string, number>) =>
  Object.values(kinds).reduce((sum, count) => sum + Math.min(count, 20), 0);

async function timeToUsable(
  run: ChromiumRun,
  caseId: string,
  records: number,
  visible: number,
): Promise<{ usable: number; first: number }> {
  const page = await run.context.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/sidepanel.html`, { waitUntil: 'commit' });
  await page.waitForFunction(
    ([id, n, shown]) => {
      const w = window as unknown as { slUsable?: number; slFirst?: number };
      if (document.querySelector('[data-testid="clip-page"]')) w.slFirst ??= performance.now();
      const sel = document.querySelector<HTMLSelectElement>('[data-testid="case-select"]');
      const ok =
        sel?.value === id &&
        document.querySelector('[data-testid="records"]')?.getAttribute('data-total') === String(n) &&
        document.querySelectorAll('[data-testid="record-open"]').length === shown &&
        w.slFirst !== undefined;
      if (ok) w.slUsable ??= performance.now();
      return ok;
    },
    [caseId, records, visible] as const,
    { polling: 'raf', timeout: 120_000 },
  );
  const times = await page.evaluate(() => {
    const w = window as unknown as { slUsable: number; slFirst: number };
    return { usable: w.slUsable, first: w.slFirst };
  });
  await page.close();
  return times;
}

/** Clips `/generated/labs.html` into the large case with its panel open, watching the panel's long tasks. */
async function clipIntoCase(
  run: ChromiumRun,
  bench: Bench,
  portalOrigin: string,
  caseId: string,
  records: number,
  runs: number,
): Promise<NonNullable<PanelResult['clip']>> {
  await call(bench, 'setActiveCase', caseId);
  const page = await run.context.newPage();
  await page.goto(`${portalOrigin}/generated/labs.html?rows=200`);
  await page.bringToFront();
  const panel = await run.openPanel(page);
  const times: number[] = [];
  let longest = 0;
  try {
    await panel.evaluate(() => {
      const w = window as unknown as { slLong?: { start: number; duration: number }[] };
      w.slLong = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.slLong!.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    for (let r = 0; r < runs; r++) {
      // A different row count each run: new content, so the clip adds a record instead of finding a duplicate.
      await page.goto(`${portalOrigin}/generated/labs.html?rows=${200 + r}`);
      await panel.waitForText('[data-testid="tab-origin"]', portalOrigin);
      const before = records + r;
      await panel.waitFor(
        (n: number) => document.querySelector('[data-testid="records"]')?.getAttribute('data-total') === String(n),
        [before],
        120_000,
      );
      await sleep(300); // let the panel settle (liveQuery, storage events)
      // No named inner functions in page code: tsx would wrap them in a __name() helper the page lacks.
      const start = await panel.evaluate((total: number) => {
        const w = window as unknown as { slShown?: Promise<number> };
        w.slShown = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid="records"]')?.getAttribute('data-total') === String(total)) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        });
        return performance.now();
      }, before + 1);
      await panel.click('[data-testid="clip-page"]');
      const timing = await panel.evaluate(async (from: number) => {
        const w = window as unknown as { slShown: Promise<number>; slLong: { start: number; duration: number }[] };
        const shown = await Promise.race([w.slShown, new Promise<number>((r) => setTimeout(() => r(-1), 180_000))]);
        const during = w.slLong.filter((t) => t.start + t.duration >= from && t.start <= shown);
        return { ms: shown < 0 ? -1 : shown - from, longest: Math.max(0, ...during.map((t) => t.duration)) };
      }, start);
      if (timing.ms < 0) throw new Error('the clip into the large case did not show its record');
      // Long tasks are reported after they end: give the observer a moment before reading them again.
      await sleep(200);
      const late = await panel.evaluate((from: number) => {
        const w = window as unknown as { slLong: { start: number; duration: number }[] };
        return Math.max(0, ...w.slLong.filter((t) => t.start + t.duration >= from).map((t) => t.duration));
      }, start);
      times.push(timing.ms);
      longest = Math.max(longest, timing.longest, late);
    }
  } finally {
    panel.close();
    await page.close();
  }
  return { ms: stat(times), longestTask: longest, runs };
}

export async function benchPanel(
  run: ChromiumRun,
  bench: Bench,
  cdp: CDPSession,
  portalOrigin: string,
  opts: { records: number; questions: number; runs: number; clipRuns: number },
): Promise<PanelResult> {
  // Both cases exist at once and the runs alternate, empty then full, so both halves share the same
  // machine state (the zip writers are interleaved the same way); each panel reads only the active case.
  await call(bench, 'clearAll');
  const seed = (n: number, q: number) =>
    call<{ caseId: string; kinds: Record<string, number> }>(bench, 'seedCase', {
      records: n,
      attachmentMb: 0,
      bigFileMb: 0,
      questions: q,
      title: `Panel bench ${n}`,
    });
  const empty = await seed(0, 0);
  const full = await seed(opts.records, opts.questions);
  const cases = [
    { caseId: empty.caseId, records: 0, visible: 0, usable: [] as number[], first: [] as number[] },
    {
      caseId: full.caseId,
      records: opts.records,
      visible: firstPage(full.kinds),
      usable: [] as number[],
      first: [] as number[],
    },
  ];
  for (let r = -1; r < opts.runs; r++) {
    for (const c of cases) {
      await call(bench, 'setActiveCase', c.caseId);
      // Extension pages share one renderer: collect what earlier loads left, so a load does not pay
      // for the garbage of the one before it (a full load leaves far more than an empty one).
      await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
      const ms = await timeToUsable(run, c.caseId, c.records, c.visible);
      if (r >= 0) {
        // run -1 warms the code cache for both
        c.usable.push(ms.usable);
        c.first.push(ms.first);
      }
    }
  }
  const clip =
    opts.clipRuns > 0
      ? await clipIntoCase(run, bench, portalOrigin, full.caseId, opts.records, opts.clipRuns)
      : undefined;
  const res: PanelResult = {
    empty: stat(cases[0]!.usable),
    full: stat(cases[1]!.usable),
    ratio: stat(cases[1]!.usable).median / stat(cases[0]!.usable).median,
    firstEmpty: stat(cases[0]!.first),
    firstFull: stat(cases[1]!.first),
    firstRatio: stat(cases[1]!.first).median / stat(cases[0]!.first).median,
    records: opts.records,
    questions: opts.questions,
    ...(clip ? { clip } : {}),
  };
  await call(bench, 'clearAll');
  console.log(
    `  panel: empty ${res.empty.median.toFixed(0)} ms, ${opts.records} records + ${opts.questions} questions ${res.full.median.toFixed(0)} ms (x${res.ratio.toFixed(2)}); ` +
      `first render ${res.firstEmpty.median.toFixed(0)} / ${res.firstFull.median.toFixed(0)} ms (x${res.firstRatio.toFixed(2)})` +
      (clip
        ? `; clip into the large case ${clip.ms.median.toFixed(0)} ms, longest panel task ${clip.longestTask.toFixed(0)} ms`
        : ''),
  );
  return res;
}
