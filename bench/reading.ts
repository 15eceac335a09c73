/**
 * Section 8 of `npm run bench`: reading results pages by their content, next to the table path in the same
 * run. Each page is read in a fresh process (bench/reading-once.ts) three ways:
 *   table path  the generated MyChart page read by its adapter (header roles; the baseline)
 *   content     the same page read by the generic reader (sections, content-based results)
 *   headless    the same rows with no header row, no class names and no portal marks: the family is looked
 *               for in every way (host, markup, resources, words, columns), then every cell read by content
 * and the rendered C-CDA corpus (24 pages) as detection picks: rows per second and heap, no target. The
 * target (reading by content makes a 50,000-row page at most 1.5x slower to clip) is judged on the real clip
 * in Chromium (section 1, the bare page next to the marked one): jsdom's selector engine, written in script,
 * makes every look at the page cost a script walk the browser does natively, so Node's ratios overstate it.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { stat, type Stat } from './stats';

const ROOT = resolve(import.meta.dirname, '..');

export interface ReadingRun {
  parseMs: number;
  detectMs: number;
  readMs: number;
  extracted: number;
  heapMb: number;
  pages: number;
}

export interface ReadingMode {
  mode: 'adapter' | 'content' | 'headless' | 'corpus';
  rows: number;
  /** parse + detect + read. */
  total: Stat;
  read: Stat;
  detect: Stat;
  extracted: number;
  rowsPerSecond: number;
  heapMb: number;
}

export interface ReadingResult {
  modes: ReadingMode[];
  /** Rows for the bench table: measure, median, baseline, and the figure to compare. */
  table: string[][];
}

function once(mode: ReadingMode['mode'], rows: number): ReadingRun {
  const out = execFileSync('npx', ['tsx', resolve(ROOT, 'bench/reading-once.ts'), mode, String(rows)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as ReadingRun;
}

function measure(mode: ReadingMode['mode'], rows: number, runs: number): ReadingMode {
  const done = Array.from({ length: runs }, () => once(mode, rows));
  const total = stat(done.map((r) => r.parseMs + r.detectMs + r.readMs));
  const extracted = done[0]!.extracted;
  if (mode !== 'corpus' && extracted !== rows) throw new Error(`${mode}: read ${extracted} of ${rows} rows`);
  return {
    mode,
    rows: mode === 'corpus' ? extracted : rows,
    total,
    read: stat(done.map((r) => r.readMs)),
    detect: stat(done.map((r) => r.detectMs)),
    extracted,
    rowsPerSecond: extracted / (total.median / 1000),
    heapMb: Math.max(...done.map((r) => r.heapMb)),
  };
}

const ms = (s: Stat) => `${s.median.toFixed(0)} ms`;

/** `--quick` (CI): 200 and 1,000 rows, one run each; full: 200, 5,000 (3 runs) and 50,000 rows (1 run: ~2 GB each). */
export function benchReading(quick: boolean, log: (s: string) => void): ReadingResult {
  const sizes = quick ? [200, 1000] : [200, 5000, 50_000];
  const runsOf = (rows: number) => (quick || rows >= 50_000 ? 1 : 3);
  const modes: ReadingMode[] = [];
  const table: string[][] = [];
  const corpus = measure('corpus', 0, runsOf(0));
  modes.push(corpus);
  table.push([
    `8. reading, rendered C-CDA corpus (${corpus.extracted} result rows on 24 pages)`,
    ms(corpus.total),
    `detect ${ms(corpus.detect)}, read ${ms(corpus.read)}; heap ${corpus.heapMb} MB`,
    `${Math.round(corpus.rowsPerSecond).toLocaleString('en')} rows/s (no target)`,
  ]);
  for (const rows of sizes) {
    const [adapter, content, headless] = (['adapter', 'content', 'headless'] as const).map((m) =>
      measure(m, rows, runsOf(rows)),
    );
    modes.push(adapter!, content!, headless!);
    for (const m of [content!, headless!]) {
      const ratio = m.total.median / adapter!.total.median;
      const readRatio = m.read.median / adapter!.read.median;
      const detail = `x${ratio.toFixed(2)} of the table path in jsdom (read alone x${readRatio.toFixed(2)}; no target here: the clip's is in section 1)`;
      table.push([
        `   ${rows.toLocaleString('en')} rows, ${m.mode === 'content' ? 'generic reader' : 'no header, no marks'}`,
        ms(m.total),
        `table path ${ms(adapter!.total)} (read ${ms(adapter!.read)}); this: detect ${ms(m.detect)}, read ${ms(m.read)}; heap ${m.heapMb} MB (table path ${adapter!.heapMb} MB)`,
        `${Math.round(m.rowsPerSecond).toLocaleString('en')} rows/s; ${detail}`,
      ]);
    }
    log(
      `  ${rows} rows: table path ${ms(adapter!.total)}, generic ${ms(content!.total)}, headless ${ms(headless!.total)}`,
    );
  }
  for (const row of table) log(row.join(' | '));
  return { modes, table };
}
