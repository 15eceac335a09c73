/** Section 1, the clip: the real side panel's Clip button, with its floor and its baselines in the same runs. */
import type { CdpPage } from '../tests/harness/cdp-page';
import type { ChromiumRun } from '../tests/harness/chromium';
import type { PlumbingRun, TabBounds } from '../entrypoints/bench/floors';
import { call, sleep, type Bench } from './browser';
import { CLIP_STAGES, clipStages, type ClipPage, type ClipResult, type ClipStage } from './clip-stages';
import { stat, type Stat } from './stats';
import type { ClipTrace } from '../lib/clip/clip-trace';

export type { ClipPage, ClipResult } from './clip-stages';

/** Installs, once, a long-task observer and the click/shown timestamps in the panel. */
async function instrumentPanel(panel: CdpPage) {
  await panel.evaluate(() => {
    const w = window as unknown as { slLong?: { start: number; duration: number }[]; slClick?: number };
    if (w.slLong) return;
    w.slLong = [];
    // Epoch milliseconds, comparable with the background's trace (lib/clip/clip-trace.ts).
    (w as unknown as { slEpoch: number }).slEpoch = performance.timeOrigin;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.slLong!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener(
      'mousedown',
      (e) => {
        if ((e.target as Element).closest('[data-testid="clip-page"]')) w.slClick = performance.now();
      },
      true,
    );
  });
}

/** The background's trace of the clip started at `click` (it writes it just after reporting). */
async function clipTrace(bench: Bench, click: number): Promise<ClipTrace> {
  for (let i = 0; i < 100; i++) {
    const trace = (await bench.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { session: { get: (k: string) => Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await api.storage.session.get('clipTrace')).clipTrace;
    })) as ClipTrace | undefined;
    if (trace && trace.startedAt >= click - 5 && trace.writtenAt !== undefined) return trace;
    await sleep(50);
  }
  throw new Error('the background wrote no trace for the clip');
}

export async function benchClip(
  run: ChromiumRun,
  bench: Bench,
  portalOrigin: string,
  pages: ClipPage[],
  runs: number,
): Promise<ClipResult[]> {
  const page = run.context.pages()[0] ?? (await run.context.newPage());
  await page.goto(`${portalOrigin}/generated/labs.html?rows=200`);
  await page.bringToFront(); // the bench page opened later in the same window; the panel follows the active tab
  // The baselines' tab; the clipped tab is brought back to the front before each clip (the panel follows it).
  const baselineTab = await run.context.newPage();
  await page.bringToFront();
  const panel = await run.openPanel(page);
  await instrumentPanel(panel);
  const results: ClipResult[] = [];
  let caseNo = 0;
  try {
    for (const { rows, bare = false } of pages) {
      const clip: number[] = [];
      const ser: number[] = [];
      const idb: number[] = [];
      const longest: number[] = [];
      const stageRuns: Record<ClipStage, number>[] = [];
      let sanitizer = '';
      let bytes = 0;
      let records = 0;
      for (let r = 0; r < runs; r++) {
        await page.bringToFront();
        await page.goto(`${portalOrigin}/generated/labs.html?rows=${rows}&run=${r}${bare ? '&bare=1' : ''}`);
        await panel.waitForText('[data-testid="tab-origin"]', portalOrigin);
        // Floor: serialise the page in the page itself, then one durable IndexedDB write of that size.
        const s = await page.evaluate(() => {
          const t0 = performance.now();
          const html = document.documentElement.outerHTML;
          return { ms: performance.now() - t0, bytes: html.length };
        });
        bytes = s.bytes;
        ser.push(s.ms);
        idb.push(await call<number>(bench, 'idbWrite', s.bytes));
        // A fresh case per run, so each clip is new content (not a duplicate).
        const title = `Clip bench ${rows} #${++caseNo}`;
        await panel.fill('[data-testid="case-new-title"]', title);
        await panel.click('[data-testid="case-create"]');
        await panel.waitFor(
          (t: string) => {
            const sel = document.querySelector<HTMLSelectElement>('[data-testid="case-select"]');
            return (
              sel?.selectedOptions[0]?.textContent === t &&
              document.querySelectorAll('[data-testid="record-open"]').length === 0
            );
          },
          [title],
        );
        await sleep(300); // let the panel settle (liveQuery, storage events)
        await panel.evaluate(() => {
          const w = window as unknown as { slShown?: Promise<number>; slClick?: number };
          w.slClick = undefined;
          // No named inner functions here: tsx would wrap them in a __name() helper the page lacks.
          w.slShown = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (document.querySelectorAll('[data-testid="record-open"]').length > 0) {
                observer.disconnect();
                resolve(performance.now());
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
          });
        });
        await panel.click('[data-testid="clip-page"]');
        const timing = await panel.evaluate(async () => {
          const w = window as unknown as {
            slShown: Promise<number>;
            slClick: number;
            slLong: { start: number; duration: number }[];
          };
          const shown = await Promise.race([w.slShown, new Promise<number>((r) => setTimeout(() => r(-1), 180_000))]);
          const during = w.slLong.filter((t) => t.start + t.duration >= w.slClick && t.start <= shown);
          const origin = (w as unknown as { slEpoch: number }).slEpoch;
          return {
            ms: shown < 0 ? -1 : shown - w.slClick,
            click: origin + w.slClick,
            shown: origin + shown,
            longest: Math.max(0, ...during.map((t) => t.duration)),
            status: document.querySelector('[data-testid="clip-status"]')?.textContent ?? '',
            records: document.querySelectorAll('[data-testid="record-open"]').length,
          };
        });
        if (timing.ms < 0) throw new Error(`clip of ${rows} rows did not show a record: ${timing.status}`);
        const trace = await clipTrace(bench, timing.click);
        stageRuns.push(clipStages(timing.click, timing.shown, trace));
        sanitizer = trace.inTab?.sanitizer ?? 'unknown';
        clip.push(timing.ms);
        longest.push(timing.longest);
        records = timing.records;
      }
      const floor = ser.map((v, i) => v + idb[i]!);
      const res: ClipResult = {
        rows,
        ...(bare ? { bare } : {}),
        bytes,
        clip: stat(clip),
        floor: stat(floor),
        serialize: stat(ser),
        idbWrite: stat(idb),
        ratio: stat(clip).median / stat(floor).median,
        longestTask: Math.max(...longest),
        records,
        stages: Object.fromEntries(CLIP_STAGES.map((k) => [k, stat(stageRuns.map((x) => x[k]))])) as Record<
          ClipStage,
          Stat
        >,
        sanitizer,
      };
      results.push(res);
      console.log(
        `  clip ${rows} rows${bare ? ' (bare page)' : ''}: ${res.clip.median.toFixed(0)} ms vs floor ${res.floor.median.toFixed(1)} ms (x${res.ratio.toFixed(1)}), longest task ${res.longestTask.toFixed(0)} ms; ${sanitizer} sanitizer; ` +
          CLIP_STAGES.map((k) => `${k} ${res.stages[k].median.toFixed(1)}`).join(', '),
      );
    }
    // The baselines after every clip of every page: run before a clip, their second copy of the page in the
    // same renderer made that clip's extraction ~1.6x slower (measured: 2.1-2.9 s against 1.3-1.5 s at 50,000 rows).
    await page.goto('about:blank'); // nor the clipped page theirs
    for (const res of results) {
      const plumbing: PlumbingRun[] = [];
      const bounds: TabBounds[] = [];
      for (let r = 0; r < runs; r++) {
        // In a tab of their own on the same page (see entrypoints/bench/floors.ts).
        const at = `${portalOrigin}/generated/labs.html?rows=${res.rows}&run=${r}${res.bare ? '&bare=1' : ''}&baseline=1`;
        // Shown, as the clipped tab is (a hidden tab lays out late and may run at a lower priority), and
        // settled as the clipped page is when its button is pressed: laid out, then the same pause (an
        // executeScript sent before the layout waits for it).
        await baselineTab.bringToFront();
        await baselineTab.goto(at);
        await baselineTab.evaluate(() => document.body.getBoundingClientRect().height);
        await sleep(300);
        plumbing.push(await call<PlumbingRun>(bench, 'plumb', at));
        bounds.push(await call<TabBounds>(bench, 'tabBounds', at));
        await baselineTab.goto('about:blank');
      }
      res.plumbing = plumbingResult(plumbing);
      res.bounds = boundsResult(bounds);
      const p = res.plumbing!;
      const b = res.bounds!;
      console.log(
        `  plumbing, ${res.rows} rows${res.bare ? ' (bare page)' : ''}: ${p.total.median.toFixed(1)} ms (message ${p.message.median.toFixed(1)}, inject+return ${p.injectAndReturn.median.toFixed(1)}, put ${p.put.median.toFixed(1)}, notice ${p.notice.median.toFixed(1)}); ` +
          `bounds: walk ${b.walk.median.toFixed(1)} (${b.cells} cells), ${b.sanitizer} ${b.sanitize.median.toFixed(1)}, serialise ${b.serialize.median.toFixed(1)} (JSON ${b.jsonChars} chars${b.sameRecords ? ", the clip's records" : ''}), empty call ${b.emptyCall.median.toFixed(1)}`,
      );
    }
  } finally {
    // Close the side panel itself, not only our connection to it: left open, it shares the extension's
    // renderer thread and re-renders every case the later sections seed, skewing their timings.
    await panel.evaluate(() => window.close()).catch(() => undefined);
    panel.close();
    // The 50,000-row portal page would stay in memory for the sections after this one.
    await page.goto('about:blank').catch(() => undefined);
    await baselineTab.close().catch(() => undefined);
    await sleep(500);
    const { targetInfos } = (await run.cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
    if (targetInfos.some((t) => t.url.includes('/sidepanel.html')))
      throw new Error('the side panel stayed open after the clip section');
  }
  return results;
}

const statOf = <T>(runs: T[], pick: (run: T) => number): Stat => stat(runs.map(pick));

function plumbingResult(runs: PlumbingRun[]): ClipResult['plumbing'] {
  return {
    total: statOf(runs, (r) => r.total),
    message: statOf(runs, (r) => r.message),
    injectAndReturn: statOf(runs, (r) => r.injectAndReturn),
    put: statOf(runs, (r) => r.put),
    notice: statOf(runs, (r) => r.notice),
    chars: runs[0]!.chars,
  };
}

function boundsResult(runs: TabBounds[]): ClipResult['bounds'] {
  const last = runs[runs.length - 1]!;
  return {
    walk: statOf(runs, (r) => r.walk),
    sanitize: statOf(runs, (r) => r.sanitize),
    serialize: statOf(runs, (r) => r.markupAndText + r.stringify + r.parse),
    stringifyAndParse: statOf(runs, (r) => r.stringify + r.parse),
    emptyCall: statOf(runs, (r) => r.emptyCall),
    sanitizer: last.sanitizer,
    cells: last.cells,
    jsonChars: last.jsonChars,
    sameRecords: runs.every((r) => r.sameRecords),
  };
}
