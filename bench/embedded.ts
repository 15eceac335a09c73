/**
 * `npm run bench:embedded` (`-- --quick`: 4 files of 1 MB, one run): a page showing 20 PDFs of 5 MB in
 * iframes, clipped through the real side panel, side by side with the same files as links. Measures the
 * clip's wall time, the progress the panel showed, and peak memory of the portal tab (where the files are
 * fetched and held until pulled) and of the background (where they are reassembled), both sampled over CDP.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testBuild } from '../tests/harness/builds';
import { launchChromium } from '../tests/harness/chromium';
import { createCase } from '../tests/harness/panel-actions';
import { startDemoPortal } from '../tests/harness/portal-server';
import { sleep } from './browser';
import { stat, type Stat } from './stats';

const quick = process.argv.includes('--quick');
const CONFIG = quick ? { files: 4, mb: 1, runs: 1 } : { files: 20, mb: 5, runs: 3 };
const log = (s: string) => process.stdout.write(`${s}\n`);
const MB = 1024 * 1024;

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}
type Sender = { send: (method: string, params?: object) => Promise<unknown> };

const heapOf = async (target: Sender) => {
  const h = (await target.send('Runtime.getHeapUsage')) as HeapUsage;
  return { js: h.usedSize, all: h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0) };
};

interface Run {
  ms: number;
  /** Distinct progress lines the panel showed, in order. */
  progress: string[];
  tabJsPeakMb: number;
  tabAllPeakMb: number;
  backgroundJsPeakMb: number;
  backgroundAllPeakMb: number;
  status: string;
}

async function main() {
  const portal = await startDemoPortal();
  const userDataDir = mkdtempSync(join(tmpdir(), 'sl-bench-embedded-'));
  const run = await launchChromium({ extensionDir: testBuild('chrome'), userDataDir });
  const results: Record<'embedded' | 'links', Run[]> = { embedded: [], links: [] };
  try {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/viewers/many.html?n=1&mb=1`);
    const panel = await run.openPanel(page);
    const background = await run.attachBackground();
    const tabCdp = await run.context.newCDPSession(page);
    for (let r = 0; r < CONFIG.runs; r++) {
      // Interleaved, so both modes see the same machine load.
      for (const mode of ['embedded', 'links'] as const) {
        const label = `${mode} run ${r + 1}`;
        const query = `n=${CONFIG.files}&mb=${CONFIG.mb}&label=${encodeURIComponent(label)}${mode === 'links' ? '&as=links' : ''}`;
        // Twenty PDF viewers take a while to load on a shared 2-core machine: wait as a user would.
        await page.goto(`${portal.origin}/viewers/many.html?${query}`, { timeout: 300_000 });
        await createCase(panel, `Bench ${label}`);
        await tabCdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
        await background.send('HeapProfiler.collectGarbage').catch(() => undefined);
        const peak = { tabJs: 0, tabAll: 0, bgJs: 0, bgAll: 0 };
        const progress: string[] = [];
        let running = true;
        const sampler = (async () => {
          while (running) {
            const [tab, bg, line] = await Promise.all([
              heapOf(tabCdp as unknown as Sender).catch(() => null),
              heapOf(background as unknown as Sender).catch(() => null),
              panel.evaluate(() => document.querySelector('[data-testid="clip-progress"]')?.textContent ?? ''),
            ]);
            if (tab) [peak.tabJs, peak.tabAll] = [Math.max(peak.tabJs, tab.js), Math.max(peak.tabAll, tab.all)];
            if (bg) [peak.bgJs, peak.bgAll] = [Math.max(peak.bgJs, bg.js), Math.max(peak.bgAll, bg.all)];
            if (line && progress.at(-1) !== line) progress.push(line);
            await sleep(50);
          }
        })();
        const started = Date.now();
        await panel.click('[data-testid="clip-page"]');
        const status = await panel.waitForText('[data-testid="clip-status"]', `Scanned records (${label})`, 300_000);
        const ms = Date.now() - started;
        running = false;
        await sampler;
        if (!status.includes(`Attachments kept: ${CONFIG.files}`)) throw new Error(`${label}: ${status}`);
        const entry: Run = {
          ms,
          progress,
          tabJsPeakMb: peak.tabJs / MB,
          tabAllPeakMb: peak.tabAll / MB,
          backgroundJsPeakMb: peak.bgJs / MB,
          backgroundAllPeakMb: peak.bgAll / MB,
          status,
        };
        results[mode].push(entry);
        log(
          `  ${label}: ${ms} ms; progress lines ${progress.length} (last: ${progress.at(-1) ?? 'none'}); ` +
            `tab JS ${entry.tabJsPeakMb.toFixed(1)} MB (with buffers ${entry.tabAllPeakMb.toFixed(1)}); ` +
            `background JS ${entry.backgroundJsPeakMb.toFixed(1)} MB (with buffers ${entry.backgroundAllPeakMb.toFixed(1)})`,
        );
      }
    }
    background.close();
  } finally {
    await run.close();
    await portal.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  const summary = (runs: Run[]) => ({
    clip: stat(runs.map((r) => r.ms)) as Stat,
    tabJsPeakMb: Math.max(...runs.map((r) => r.tabJsPeakMb)),
    tabAllPeakMb: Math.max(...runs.map((r) => r.tabAllPeakMb)),
    backgroundJsPeakMb: Math.max(...runs.map((r) => r.backgroundJsPeakMb)),
    backgroundAllPeakMb: Math.max(...runs.map((r) => r.backgroundAllPeakMb)),
    progressLines: Math.min(...runs.map((r) => r.progress.length)),
  });
  const out = {
    date: new Date().toISOString(),
    quick,
    config: CONFIG,
    totalMb: CONFIG.files * CONFIG.mb,
    embedded: summary(results.embedded),
    links: summary(results.links),
    runs: results,
  };
  log(
    '\n| page | clip median (min-max) | progress lines | tab peak JS / with buffers | background peak JS / with buffers |',
  );
  log('|---|---|---|---|---|');
  for (const mode of ['embedded', 'links'] as const) {
    const s = out[mode];
    log(
      `| ${CONFIG.files} x ${CONFIG.mb} MB PDFs ${mode === 'embedded' ? 'in iframes' : 'as links'} | ${s.clip.median.toFixed(0)} ms (${s.clip.min.toFixed(0)}-${s.clip.max.toFixed(0)}) | ${s.progressLines} | ${s.tabJsPeakMb.toFixed(1)} / ${s.tabAllPeakMb.toFixed(1)} MB | ${s.backgroundJsPeakMb.toFixed(1)} / ${s.backgroundAllPeakMb.toFixed(1)} MB |`,
    );
  }
  const file = resolve(import.meta.dirname, quick ? 'results.embedded.quick.json' : 'results.embedded.json');
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`\nwritten ${file}`);
}

await main();
