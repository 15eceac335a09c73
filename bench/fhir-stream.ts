/**
 * `npm run bench:fhir`: reading a large FHIR Bundle from a file, streamed (the product's path: the file a
 * megabyte at a time, entries one by one, two passes) next to the whole-file path it replaced (the text
 * decoded whole, one JSON.parse, every resource in memory), at 20,000 and 200,000 entries, in one run.
 * Heap is V8's used heap sampled every 1,000 resources (and after the parse), after a GC before each run.
 */
import { writeFileSync } from 'node:fs';
import { readFhir, readFhirSources, type FhirItem } from '../lib/fhir';
import { splitFhirFiles } from '../lib/import/fhir-files';
import { labObservationBundle } from '../tests/harness/fhir-lab-bundle';

const MB = 1024 * 1024;
const SIZES = (process.env.SL_FHIR_ENTRIES ?? '20000,200000').split(',').map(Number);

/** The whole-file path as it was: decode all, parse all, flatten the entries, read. */
async function wholeFile(file: File, sample: () => void) {
  const text = new TextDecoder().decode(await file.arrayBuffer());
  const whole = JSON.parse(text) as { entry: { fullUrl?: string; resource: FhirItem['resource'] }[] };
  sample();
  const items: FhirItem[] = whole.entry.map((e) => ({
    file: file.name,
    ...(e.fullUrl ? { fullUrl: e.fullUrl } : {}),
    resource: e.resource,
  }));
  sample();
  return readFhir(items, sample).records;
}

async function streamed(file: File, sample: () => void) {
  const { sources } = await splitFhirFiles([file]);
  return (await readFhirSources(sources, sample)).read.records;
}

/**
 * `live`: a GC before every tenth sample, so the peak is what is really held (slower; not timed):
 * otherwise the peak includes garbage not yet collected, as a user's browser would see it.
 */
async function measure(path: (file: File, sample: () => void) => Promise<unknown[]>, file: File, live: boolean) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let samples = 0;
  const sample = () => {
    if (live && samples++ % 10 === 0) gc?.();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const started = performance.now();
  const result = await path(file, sample);
  const seconds = (performance.now() - started) / 1000;
  sample();
  gc?.();
  // What stays held once read: the records (with all their rows) the import then stores.
  const kept = process.memoryUsage().heapUsed - before;
  return { seconds, heapMb: (peak - before) / MB, keptMb: kept / MB, result };
}

async function main() {
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for steadier heap figures)');
  const rows: Record<string, string | number>[] = [];
  for (const count of SIZES) {
    // The file's bytes live outside the JS heap, as a File chosen in the panel does.
    let text: string | undefined = labObservationBundle(count);
    const file = new File([text], `bundle-${count}.json`);
    text = undefined;
    for (const [name, path] of [
      ['streamed', streamed],
      ['whole file', wholeFile],
    ] as const) {
      const timed = await measure(path, file, false);
      const live = await measure(path, file, true);
      rows.push({
        entries: count,
        fileMb: +(file.size / MB).toFixed(1),
        path: name,
        seconds: +timed.seconds.toFixed(1),
        heapPeakMb: Math.round(timed.heapMb),
        livePeakMb: Math.round(live.heapMb),
        recordsHeldMb: Math.round(live.keptMb),
        records: live.result.length,
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
  console.table(rows);
  if (process.env.SL_FHIR_OUT) writeFileSync(process.env.SL_FHIR_OUT, JSON.stringify(rows, null, 2) + '\n');
}

await main();
