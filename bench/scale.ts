/**
 * `npm run bench:scale`: the export's scale check. Exports a case of 1,000 records at two total
 * attachment sizes (300 MB and 2 GB, largest file 20 MB) through the product's pipeline in real
 * Chromium, and reports time and peak memory: bounded memory means the peak does not grow with the total.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testBuild } from '../tests/harness/builds';
import { launchChromium } from '../tests/harness/chromium';
import { call, openBench, withHeap } from './browser';

const SIZES_MB = (process.env.SL_SCALE_MB ?? '300,2048').split(',').map(Number);
const MB = 1024 * 1024;

async function main() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sl-scale-'));
  const run = await launchChromium({ extensionDir: testBuild('chrome'), userDataDir });
  const rows: {
    totalMb: number;
    files: number;
    largestMb: number;
    ms: number;
    packageMb: number;
    jsPeakMb: number;
    allPeakMb: number;
  }[] = [];
  try {
    const { bench, cdp } = await openBench(run);
    for (const attachmentMb of SIZES_MB) {
      await call(bench, 'clearAll');
      const seeded = await call<{ caseId: string; attachments: number; attachmentBytes: number; largest: number }>(
        bench,
        'seedCase',
        {
          records: 1000,
          attachmentMb,
          bigFileMb: 20,
          questions: 0,
          title: 'Scale',
        },
      );
      await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 3000));
      const p = await withHeap(cdp, () =>
        call<{ ms: number; bytes: number }>(bench, 'timeProductExport', seeded.caseId),
      );
      rows.push({
        totalMb: Math.round(seeded.attachmentBytes / MB),
        files: seeded.attachments,
        largestMb: Math.round(seeded.largest / MB),
        ms: Math.round(p.result.ms),
        packageMb: Math.round(p.result.bytes / MB),
        jsPeakMb: Math.round((p.heap.jsPeak - p.heap.jsBase) / MB),
        allPeakMb: Math.round((p.heap.allPeak - p.heap.allBase) / MB),
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
    await call(bench, 'clearAll');
  } finally {
    await run.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  console.table(rows);
  writeFileSync(
    resolve(import.meta.dirname, 'results.scale.json'),
    `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
