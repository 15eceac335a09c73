/**
 * One extraction run in its own process (`tsx bench/extract-once.ts ROWS`): `npm run extract`'s code
 * path (decode, parse, detect the portal, extract) on the generated results page. A fresh process per
 * run, because a parsed 50,000-row page holds over a GB that Node does not give back between runs.
 */
import { generatedLabPage } from '../tests/harness/generated-pages';
import { extractFile } from '../tests/tools/extract';

const rows = Number(process.argv[2] ?? '50000');
const bytes = new TextEncoder().encode(generatedLabPage(rows));
const t0 = performance.now();
const records = await extractFile('labs.html', bytes, 'http://127.0.0.1:8080/generated/labs.html');
const ms = performance.now() - t0;
const extracted = records.reduce((n, r) => n + (r.results?.length ?? 0), 0);
process.stdout.write(
  `${JSON.stringify({ ms, extracted, heapMb: Math.round(process.memoryUsage().heapUsed / 1048576) })}\n`,
);
process.exit(0);
