import type { Results } from './report';
import { fmtKb } from './stats';

/**
 * The size budgets, in bytes: all JS of a build at most 10% over the 432,640 bytes before the speed work; what a
 * clip of a plain results page injects (capture.js alone) at most 45 KB.
 */
export const JS_BUDGET = 475_000;
export const CAPTURE_BUDGET = 45_000;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

type Row = [string, string, string, string];
type Target = (name: string, met: boolean, detail: string) => string;

/** Section 5: each build's size against the budget, its files, what a clip injects per kind of page, and owners. */
export function sizeRows(size: Results['size'], target: Target): Row[] {
  const rows: Row[] = [];
  for (const b of size.builds) {
    const detail = `JS ${fmtKb(b.js)}, CSS ${fmtKb(b.css)}, other ${fmtKb(b.other)}`;
    rows.push([
      `5. size ${b.build}`,
      `total ${fmtKb(b.total)}, zipped ${b.zipped === null ? '?' : fmtKb(b.zipped)}`,
      detail,
      target(
        `${b.build} JS size`,
        b.js <= JS_BUDGET,
        `JS ${kb(b.js)} (budget <= ${kb(JS_BUDGET)}: 432.6 kB before issue 14 + 10%${b.js > JS_BUDGET ? `, over by ${kb(b.js - JS_BUDGET)}` : `, ${kb(JS_BUDGET - b.js)} left`})`,
      ),
    ]);
    const js = b.files.filter((f) => /\.m?js$/.test(f.path)).sort((x, y) => y.bytes - x.bytes);
    rows.push([
      `   ${b.build} JS per file`,
      js.map((f) => `${f.path.replace(/-[\w-]{8}\.js$/, '.js')} ${kb(f.bytes)}`).join(', '),
      'entry points: background.js, sidepanel (its chunks), capture.js (with capture-frames.js, capture-portals.js, capture-files.js and purify.js when the page needs them); the rest load on first use',
      '-',
    ]);
    const injected = b.injected ?? [];
    for (const [i, kind] of injected.entries())
      rows.push([
        i === 0 ? `   ${b.build} injected per clip` : `     ${kind.page}`,
        kb(kind.bytes),
        i === 0 ? `${kind.page}: ${kind.files.join(' + ')}` : kind.files.join(' + '),
        i === 0
          ? target(
              `${b.build} capture per clip size`,
              kind.bytes <= CAPTURE_BUDGET,
              `${kb(kind.bytes)} on a plain results page (target <= 45 kB)`,
            )
          : '-',
      ]);
  }
  const chrome = size.builds.find((b) => b.build.startsWith('chrome'));
  if (chrome?.loads) {
    const l = chrome.loads;
    rows.push([
      `   chrome JS by when it loads`,
      `browser start (background) ${fmtKb(l.background)}; panel open ${fmtKb(l.panel)}; per clip up to ${fmtKb(l.capture)} (every capture file); on first use (export, import, files) ${fmtKb(l.lazy)}`,
      'before this issue: 1,093.5 KB in total; background and panel share Dexie, zod and the polyfill',
      '-',
    ]);
  }
  const owners: Record<string, number> = {};
  for (const f of size.chromeModules) for (const [k, v] of Object.entries(f.owners)) owners[k] = (owners[k] ?? 0) + v;
  const ownerList = Object.entries(owners).sort((a, b) => b[1] - a[1]);
  rows.push([
    `   chrome JS by module`,
    ownerList
      .slice(0, 6)
      .map(([k, v]) => `${k} ${fmtKb(v)}`)
      .join(', '),
    'all: see below / results.json',
    '-',
  ]);
  return rows;
}
