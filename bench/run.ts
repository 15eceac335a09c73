/**
 * `npm run bench` (builds first) / `npm run bench -- --quick` (CI smoke run: small sizes, one run each).
 * Measures clip, export, import, panel start, bundle size and extraction against baselines measured in
 * the same run, prints a table and writes bench/results.json (+ bench/README-section.md on full runs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { releaseBuild } from '../tests/harness/builds';
import { benchBuild } from './build-dir';
import { CHROMIUM, launchChromium } from '../tests/harness/chromium';
import { startDemoPortal } from '../tests/harness/portal-server';
import { openBench } from './browser';
import { benchClip, type ClipPage, type ClipResult } from './browser-clip';
import { benchPanel, type PanelResult } from './browser-panel';
import { benchExport, type ExportResult } from './browser-export';
import { benchImaging, type ImagingResult } from './browser-imaging';
import { attribute, buildSize, buildWithSourceMaps, type BuildSize } from './size';
import { fmtKb, fmtMb, fmtMs, stat, type Stat } from './stats';
import { renderReport, type Results } from './report';
import { benchReading } from './reading';

const ROOT = resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const log = (s: string) => process.stdout.write(`${s}\n`);

const CONFIG = quick
  ? {
      clipRows: [200, 2000],
      clipRuns: 1,
      exportRecords: 50,
      exportMb: 10,
      bigFileMb: 2,
      exportRuns: 1,
      panelRecords: 100,
      panelQuestions: 10,
      panelRuns: 1,
      panelClipRuns: 1,
      extractRows: 5000,
      extractRuns: 1,
      studyFiles: 10,
      studyFileMb: 2,
      largeFileMb: 20,
      xdmDocuments: 5,
      imagingRuns: 1,
    }
  : {
      clipRows: [200, 5000, 50000],
      clipRuns: 5,
      exportRecords: 1000,
      exportMb: 300,
      bigFileMb: 20,
      exportRuns: 3,
      panelRecords: 10_000,
      panelQuestions: 200,
      panelRuns: 11,
      panelClipRuns: 5,
      extractRows: 50000,
      extractRuns: 3,
      studyFiles: 250,
      studyFileMb: 2,
      largeFileMb: 300,
      xdmDocuments: 50,
      imagingRuns: 3,
    };

/**
 * Every size as the portal writes it, then the largest once more with no header row, no class names and no
 * portal marks: the same rows read by their content alone, next to the adapter's table path in the same run.
 */
const clipPages = (sizes: number[]): ClipPage[] => [
  ...sizes.map((rows) => ({ rows })),
  { rows: Math.max(...sizes), bare: true },
];

function machine() {
  const version = (() => {
    try {
      return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    chromium: version,
    node: process.version,
    quick,
  };
}

function benchExtract(
  rows: number,
  runs: number,
): { rows: number; time: Stat; rowsPerSecond: number; extracted: number; heapMb: number } {
  const times: number[] = [];
  let extracted = 0;
  let heapMb = 0;
  for (let r = 0; r < runs; r++) {
    const out = execFileSync('npx', ['tsx', resolve(ROOT, 'bench/extract-once.ts'), String(rows)], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const run = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; extracted: number; heapMb: number };
    times.push(run.ms);
    extracted = run.extracted;
    heapMb = Math.max(heapMb, run.heapMb);
  }
  if (extracted !== rows) throw new Error(`extraction found ${extracted} of ${rows} rows`);
  const time = stat(times);
  log(`  ${rows} rows: ${time.median.toFixed(0)} ms, ${Math.round(rows / (time.median / 1000))} rows/s`);
  return { rows, time, rowsPerSecond: rows / (time.median / 1000), extracted, heapMb };
}

function sizes(): {
  builds: BuildSize[];
  chromeModules: { file: string; bytes: number; owners: Record<string, number> }[];
} {
  const builds = (['chrome', 'firefox'] as const).map((b) => {
    const dir = releaseBuild(b);
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run npm run build first`);
    const zip = resolve(ROOT, '.output', `second-look-0.1.0-${b}.zip`);
    return buildSize(dir, zip, `${b}-mv3`);
  });
  const chromeModules = attribute(buildWithSourceMaps(ROOT));
  return { builds, chromeModules };
}

async function browserSections(
  want: (s: string) => boolean,
): Promise<{ clip?: ClipResult[]; panel?: PanelResult; export?: ExportResult; imaging?: ImagingResult }> {
  const portal = await startDemoPortal();
  // Our own profile directory, removed afterwards: the export section leaves ~1 GB of IndexedDB in it.
  const userDataDir = mkdtempSync(join(tmpdir(), 'sl-bench-'));
  const run = await launchChromium({ extensionDir: benchBuild(), userDataDir });
  try {
    const { bench, cdp } = await openBench(run);
    log('1. clip');
    // SL_BENCH_CLIP_ROWS=200,50000 and SL_BENCH_CLIP_RUNS=3 narrow the clip section while comparing builds.
    const clipRows = process.env.SL_BENCH_CLIP_ROWS?.split(',').map(Number) ?? CONFIG.clipRows;
    const clipRuns = Number(process.env.SL_BENCH_CLIP_RUNS ?? CONFIG.clipRuns);
    const clip = want('clip') ? await benchClip(run, bench, portal.origin, clipPages(clipRows), clipRuns) : undefined;
    log('4. panel');
    const panel = want('panel')
      ? await benchPanel(run, bench, cdp, portal.origin, {
          records: CONFIG.panelRecords,
          questions: CONFIG.panelQuestions,
          runs: CONFIG.panelRuns,
          clipRuns: CONFIG.panelClipRuns,
        })
      : undefined;
    log('2-3. export and import');
    const exp = want('export')
      ? await benchExport(bench, cdp, CONFIG.exportRecords, CONFIG.exportMb, CONFIG.bigFileMb, CONFIG.exportRuns)
      : undefined;
    log('7. imaging study and XDM import');
    const imaging = want('imaging')
      ? await benchImaging(bench, cdp, {
          files: CONFIG.studyFiles,
          fileMb: CONFIG.studyFileMb,
          largeMb: CONFIG.largeFileMb,
          xdmDocuments: CONFIG.xdmDocuments,
          runs: CONFIG.imagingRuns,
          workDir: userDataDir,
        })
      : undefined;
    return { clip, panel, export: exp, imaging };
  } finally {
    await run.close();
    await portal.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (process.argv.includes('--report-only')) {
    // Re-renders the table and README section from the last full run's bench/results.json.
    const saved = JSON.parse(readFileSync(resolve(ROOT, 'bench/results.json'), 'utf8')) as Results;
    const report = renderReport(saved);
    log(report.table);
    writeFileSync(resolve(ROOT, 'bench/README-section.md'), report.markdown);
    writeFileSync(resolve(ROOT, 'bench/results.json'), `${JSON.stringify(saved, null, 2)}\n`);
    return;
  }
  const started = performance.now();
  const results: Results = { machine: machine(), config: CONFIG } as unknown as Results;
  log(
    `Second Look bench${quick ? ' (--quick)' : ''}: ${results.machine.nproc} CPUs, ${results.machine.memoryGb} GB, ${results.machine.chromium}`,
  );
  log('6. extraction (Node)');
  // SL_BENCH_ONLY=extract,size,browser|clip,panel,export,imaging (comma list) runs a subset while working on one area.
  const only = process.env.SL_BENCH_ONLY?.split(',');
  const want = (s: string) => !only || only.includes(s);
  results.extract = want('extract') ? benchExtract(CONFIG.extractRows, CONFIG.extractRuns) : (undefined as never);
  log('8. reading by content (Node)');
  if (want('reading')) Object.assign(results, { reading: benchReading(quick, log) });
  log('5. size');
  if (want('size')) results.size = sizes();
  if (['browser', 'clip', 'panel', 'export', 'imaging'].some(want))
    Object.assign(results, await browserSections((s) => want('browser') || want(s)));
  if (only) {
    log(JSON.stringify(results, null, 1));
    return;
  }
  results.runtimeSeconds = Math.round((performance.now() - started) / 1000);
  const report = renderReport(results);
  log('');
  log(report.table);
  writeFileSync(
    resolve(ROOT, quick ? 'bench/results.quick.json' : 'bench/results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  if (!quick) writeFileSync(resolve(ROOT, 'bench/README-section.md'), report.markdown);
  log(
    `\nwritten bench/${quick ? 'results.quick.json' : 'results.json and bench/README-section.md'} in ${results.runtimeSeconds} s`,
  );
}

export { fmtKb, fmtMb, fmtMs };

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
