/** Sections 1-4: in Debian Chromium with the test build of the extension (bench page included). */
import type { CDPSession, Page } from 'playwright-core';
import type { CdpPage } from '../tests/harness/cdp-page';
import type { ChromiumRun } from '../tests/harness/chromium';
import { stat, type Stat } from './stats';
import type { ClipTrace } from '../lib/clip/clip-trace';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

export interface HeapPeak {
  /** V8 heap (objects). */
  jsPeak: number;
  jsBase: number;
  /** V8 heap + embedder heap + ArrayBuffer backing stores: what the page really holds. */
  allPeak: number;
  allBase: number;
}

/** Runs `fn` while polling the page's heap over CDP every ~20 ms. */
export async function withHeap<T>(cdp: CDPSession, fn: () => Promise<T>): Promise<{ result: T; heap: HeapPeak }> {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const sample = async () => {
    const h = (await cdp.send('Runtime.getHeapUsage')) as unknown as HeapUsage;
    return { js: h.usedSize, all: h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0) };
  };
  const base = await sample();
  const heap: HeapPeak = { jsPeak: base.js, jsBase: base.js, allPeak: base.all, allBase: base.all };
  let running = true;
  const poll = (async () => {
    while (running) {
      const s = await sample().catch(() => null);
      if (s) {
        heap.jsPeak = Math.max(heap.jsPeak, s.js);
        heap.allPeak = Math.max(heap.allPeak, s.all);
      }
      await sleep(20);
    }
  })();
  try {
    const result = await fn();
    return { result, heap };
  } finally {
    running = false;
    await poll;
  }
}

export type Bench = Page;
type SlBench = Record<string, (...args: never[]) => Promise<unknown>>;
/** Calls `window.slBench[name](...args)` in the bench page. */
export function call<T>(bench: Bench, name: string, ...args: unknown[]): Promise<T> {
  return bench.evaluate(
    ([n, a]) => (globalThis as unknown as { slBench: SlBench }).slBench[n as string]!(...(a as never[])),
    [name, args] as const,
  ) as Promise<T>;
}

export async function openBench(run: ChromiumRun): Promise<{ bench: Bench; cdp: CDPSession }> {
  const bench = await run.context.newPage();
  await bench.goto(`chrome-extension://${run.extensionId}/bench.html`);
  await bench.waitForFunction(() => document.title === 'bench ready');
  return { bench, cdp: await run.context.newCDPSession(bench) };
}

// ---------------------------------------------------------------- 1. clip

/** A generated results page to clip: `bare` drops its header row, class names and portal marks. */
export interface ClipPage {
  rows: number;
  bare?: boolean;
}

export interface ClipResult {
  rows: number;
  /** The page had no header row, no class names and no portal marks: read by its content alone. */
  bare?: boolean;
  bytes: number;
  clip: Stat;
  floor: Stat;
  serialize: Stat;
  idbWrite: Stat;
  ratio: number;
  longestTask: number;
  records: number;
  /** Where the clip's time went, stage by stage; per run the stages sum to the clip's time. */
  stages: Record<ClipStage, Stat>;
  /** Which sanitizer ran in the tab. */
  sanitizer: string;
}

/** The stages of one clip, in the order they happen; `messaging` is what the others leave of the total. */
export const CLIP_STAGES = [
  'injection',
  'extraction',
  'cloning',
  'sanitizing',
  'serializing',
  'otherInTab',
  'validating',
  'messaging',
  'idbWrite',
  'panelUpdate',
] as const;
export type ClipStage = (typeof CLIP_STAGES)[number];

/**
 * One clip's stages from the panel's click and shown times and the background's trace (all epoch ms,
 * `performance.timeOrigin + performance.now()` in each context). Serializing includes the JSON both ways
 * (stringified in the tab, parsed in the background); messaging is the remainder: the panel's message to
 * the background, the background's case and tab look-ups, and the executeScript round trip.
 */
export function clipStages(click: number, shown: number, trace: ClipTrace): Record<ClipStage, number> {
  const tab = trace.inTab;
  if (!tab || trace.writtenAt === undefined) throw new Error('the clip left no complete trace');
  const known = {
    injection: trace.injection ?? 0,
    extraction: tab.extract,
    cloning: tab.clone,
    sanitizing: tab.sanitize,
    serializing: tab.serialize + (trace.decode ?? 0),
    otherInTab: Math.max(0, tab.total - tab.extract - tab.clone - tab.sanitize - tab.serialize),
    validating: (trace.validate ?? 0) + (trace.transfer ?? 0),
    idbWrite: trace.write ?? 0,
    panelUpdate: shown - trace.writtenAt,
  };
  const sum = Object.values(known).reduce((a, b) => a + b, 0);
  return { ...known, messaging: shown - click - sum };
}

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
  } finally {
    // Close the side panel itself, not only our connection to it: left open, it shares the extension's
    // renderer thread and re-renders every case the later sections seed, skewing their timings.
    await panel.evaluate(() => window.close()).catch(() => undefined);
    panel.close();
    // The 50,000-row portal page would stay in memory for the sections after this one.
    await page.goto('about:blank').catch(() => undefined);
    await sleep(500);
    const { targetInfos } = (await run.cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
    if (targetInfos.some((t) => t.url.includes('/sidepanel.html')))
      throw new Error('the side panel stayed open after the clip section');
  }
  return results;
}
