// Section 2-3 of the benchmark: export and import of a seeded case, against peer zip writers and the floor.
import type { CDPSession } from 'playwright-core';
import { call, sleep, withHeap, type Bench, type HeapPeak } from './browser';
import { stat, type Stat } from './stats';

// ---------------------------------------------------------------- 2-3. export and import

export interface ZipRun {
  time: Stat;
  bytes: number;
  heap: HeapPeak;
}

export interface ExportResult {
  records: number;
  attachments: number;
  attachmentBytes: number;
  largestFile: number;
  entries: number;
  entryBytes: number;
  product: ZipRun;
  import: ZipRun;
  zip: Record<'ours' | 'jszip' | 'zipjs' | 'floor', ZipRun>;
}

const maxHeap = (a: HeapPeak[]): HeapPeak => ({
  jsPeak: Math.max(...a.map((h) => h.jsPeak)),
  jsBase: Math.min(...a.map((h) => h.jsBase)),
  allPeak: Math.max(...a.map((h) => h.allPeak)),
  allBase: Math.min(...a.map((h) => h.allBase)),
});

export async function benchExport(
  bench: Bench,
  cdp: CDPSession,
  records: number,
  attachmentMb: number,
  bigFileMb: number,
  runs: number,
): Promise<ExportResult> {
  await call(bench, 'clearAll');
  const seeded = await call<{ caseId: string; attachments: number; attachmentBytes: number; largest: number }>(
    bench,
    'seedCase',
    {
      records,
      attachmentMb,
      bigFileMb,
      questions: 0,
      title: 'Export bench',
    },
  );
  // Let the seeding's temporary Blobs go before measuring (Chrome pages in-memory Blobs to disk past a limit).
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  await sleep(2000);
  // Product pipeline end to end (read from IndexedDB, build every file, hash, zip), then import it.
  const prodT: number[] = [];
  const prodH: HeapPeak[] = [];
  const impT: number[] = [];
  const impH: HeapPeak[] = [];
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    const p = await withHeap(cdp, () => call<{ ms: number; bytes: number }>(bench, 'timeProductExport', seeded.caseId));
    prodT.push(p.result.ms);
    prodH.push(p.heap);
    bytes = p.result.bytes;
    const i = await withHeap(cdp, () =>
      call<{ ms: number; records: number; attachments: number }>(bench, 'timeImport'),
    );
    if (i.result.records !== records || i.result.attachments !== seeded.attachments)
      throw new Error(`import returned ${JSON.stringify(i.result)}`);
    impT.push(i.result.ms);
    impH.push(i.heap);
    console.log(`  run ${r + 1}: export ${p.result.ms.toFixed(0)} ms, import ${i.result.ms.toFixed(0)} ms`);
  }
  // The same entries through every zip writer, interleaved so they share the machine's noise.
  const collected = await call<{ entries: number; bytes: number }>(bench, 'collectEntries', seeded.caseId);
  const names = ['ours', 'jszip', 'zipjs', 'floor'] as const;
  const t: Record<string, number[]> = {};
  const h: Record<string, HeapPeak[]> = {};
  const size: Record<string, number> = {};
  for (let r = 0; r < runs; r++) {
    for (const name of names) {
      const z = await withHeap(cdp, () => call<{ ms: number; bytes: number }>(bench, 'timeZip', name));
      (t[name] ??= []).push(z.result.ms);
      (h[name] ??= []).push(z.heap);
      size[name] = z.result.bytes;
    }
    console.log(`  run ${r + 1}: ${names.map((n) => `${n} ${t[n]![r]!.toFixed(0)} ms`).join(', ')}`);
  }
  await call(bench, 'dropEntries');
  await call(bench, 'clearAll');
  const zip = Object.fromEntries(
    names.map((n) => [n, { time: stat(t[n]!), bytes: size[n]!, heap: maxHeap(h[n]!) }]),
  ) as ExportResult['zip'];
  return {
    records,
    attachments: seeded.attachments,
    attachmentBytes: seeded.attachmentBytes,
    largestFile: seeded.largest,
    entries: collected.entries,
    entryBytes: collected.bytes,
    product: { time: stat(prodT), bytes, heap: maxHeap(prodH) },
    import: { time: stat(impT), bytes, heap: maxHeap(impH) },
    zip,
  };
}
