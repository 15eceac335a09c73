/** Sections 1-4: in Debian Chromium with the test build of the extension (bench page included); the clip is in browser-clip.ts. */
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumRun } from '../tests/harness/chromium';

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
