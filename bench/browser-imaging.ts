// Section 7 of the benchmark: a DICOM study imported through the product (headers read, every file
// hashed, one imaging record per study, the Files stored in IndexedDB), against a plain copy of the same
// Files into IndexedDB as its floor; and an XDM zip of C-CDA documents imported through the file import.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { CDPSession } from 'playwright-core';
import { THIRD_PARTY } from '../tests/harness/shared';
import { pixelPattern, syntheticDicomParts } from '../tests/tools/synthetic-dicom';
import { call, sleep, withHeap, type Bench, type HeapPeak } from './browser';
import { stat, type Stat } from './stats';

export interface ImagingRun {
  time: Stat;
  mbPerSecond: number;
  heap: HeapPeak;
}

export interface ImagingResult {
  files: number;
  bytes: number;
  study: ImagingRun;
  floor: ImagingRun;
  xdm: { documents: number; records: number; time: Stat; recordsPerSecond: number; heap: HeapPeak };
  /** One large file (a multi-frame study), imported and then exported through the product's package writer. */
  large: { bytes: number; importMs: number; importHeap: HeapPeak; exportMs: number; exportHeap: HeapPeak };
}

const maxHeap = (a: HeapPeak[]): HeapPeak => ({
  jsPeak: Math.max(...a.map((h) => h.jsPeak)),
  jsBase: Math.min(...a.map((h) => h.jsBase)),
  allPeak: Math.max(...a.map((h) => h.allPeak)),
  allBase: Math.min(...a.map((h) => h.allBase)),
});

/** A synthetic CT-like study on disk: `files` instances of `fileMb` MB each, one study, 4 series. */
function writeStudy(dir: string, files: number, fileMb: number): string[] {
  mkdirSync(dir, { recursive: true });
  const pixels = pixelPattern(0, fileMb * 1024 * 1024);
  const root = '1.2.826.0.1.3680043.9.7133.900';
  return Array.from({ length: files }, (_, i) => {
    const series = (i % 4) + 1;
    const { header } = syntheticDicomParts({
      studyUid: `${root}.1`,
      seriesUid: `${root}.1.${series}`,
      sopUid: `${root}.1.${series}.${i + 1}`,
      seriesNumber: series,
      pixelBytes: pixels.length,
    });
    const path = join(dir, `IM${String(i + 1).padStart(5, '0')}.dcm`);
    writeFileSync(path, Buffer.concat([header, pixels]));
    return path;
  });
}

/** An IHE XDM zip of `documents` C-CDA documents (the third-party samples, in turn). */
function writeXdm(path: string, documents: number): void {
  const samples = readdirSync(`${THIRD_PARTY}/ccda`).filter((n) => n.endsWith('.xml'));
  const names = Array.from({ length: documents }, (_, i) => `DOC${String(i + 1).padStart(4, '0')}.XML`);
  const metadata = `<?xml version="1.0"?><SubmitObjectsRequest xmlns="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"><RegistryObjectList xmlns="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">${names
    .map(
      (n) =>
        `<ExtrinsicObject mimeType="text/xml"><Slot name="URI"><ValueList><Value>${n}</Value></ValueList></Slot></ExtrinsicObject>`,
    )
    .join('')}</RegistryObjectList></SubmitObjectsRequest>`;
  const entries: Record<string, Uint8Array> = {
    'README.TXT': strToU8('Synthetic XDM for the benchmark'),
    'IHE_XDM/SUBSET01/METADATA.XML': strToU8(metadata),
  };
  names.forEach((n, i) => {
    entries[`IHE_XDM/SUBSET01/${n}`] = readFileSync(`${THIRD_PARTY}/ccda/${samples[i % samples.length]}`);
  });
  writeFileSync(path, zipSync(entries));
}

async function choose(cdp: CDPSession, bench: Bench, files: string[]): Promise<void> {
  await call(bench, 'prepareFileInput');
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
  const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#bench-files' })) as {
    nodeId: number;
  };
  await cdp.send('DOM.setFileInputFiles', { nodeId, files });
}

export async function benchImaging(
  bench: Bench,
  cdp: CDPSession,
  options: { files: number; fileMb: number; largeMb: number; xdmDocuments: number; runs: number; workDir: string },
): Promise<ImagingResult> {
  const studyDir = join(options.workDir, 'study');
  const paths = writeStudy(studyDir, options.files, options.fileMb);
  const bytes = paths.length * options.fileMb * 1024 * 1024;
  await choose(cdp, bench, paths);
  const studyT: number[] = [];
  const floorT: number[] = [];
  const studyH: HeapPeak[] = [];
  const floorH: HeapPeak[] = [];
  for (let r = 0; r < options.runs; r++) {
    await call(bench, 'clearAll');
    await sleep(500);
    const f = await withHeap(cdp, () => call<{ ms: number; bytes: number }>(bench, 'timeFloorCopy'));
    floorT.push(f.result.ms);
    floorH.push(f.heap);
    const s = await withHeap(cdp, () =>
      call<{ ms: number; bytes: number; files: number; stored: number }>(bench, 'timeStudyImport'),
    );
    if (s.result.stored !== paths.length) throw new Error(`study import stored ${s.result.stored} of ${paths.length}`);
    studyT.push(s.result.ms);
    studyH.push(s.heap);
    console.log(`  run ${r + 1}: study import ${s.result.ms.toFixed(0)} ms, floor copy ${f.result.ms.toFixed(0)} ms`);
  }
  await call(bench, 'clearAll');
  rmSync(studyDir, { recursive: true, force: true });

  // One large file: import, then the product's export of that case (streamed past 64 MB).
  const largeDir = join(options.workDir, 'large');
  const [largePath] = writeStudy(largeDir, 1, options.largeMb);
  await choose(cdp, bench, [largePath!]);
  await sleep(500);
  const li = await withHeap(cdp, () => call<{ ms: number; caseId: string }>(bench, 'timeStudyImport'));
  await sleep(500);
  const le = await withHeap(cdp, () =>
    call<{ ms: number; bytes: number }>(bench, 'timeProductExport', li.result.caseId),
  );
  console.log(
    `  one ${options.largeMb} MB file: import ${li.result.ms.toFixed(0)} ms, export ${le.result.ms.toFixed(0)} ms`,
  );
  const large = {
    bytes: options.largeMb * 2 ** 20,
    importMs: li.result.ms,
    importHeap: li.heap,
    exportMs: le.result.ms,
    exportHeap: le.heap,
  };
  await call(bench, 'clearAll');
  rmSync(largeDir, { recursive: true, force: true });

  const xdmPath = join(options.workDir, 'bench-xdm.zip');
  writeXdm(xdmPath, options.xdmDocuments);
  await choose(cdp, bench, [xdmPath]);
  const xdmT: number[] = [];
  const xdmH: HeapPeak[] = [];
  let records = 0;
  for (let r = 0; r < options.runs; r++) {
    await call(bench, 'clearAll');
    const x = await withHeap(cdp, () => call<{ ms: number; records: number }>(bench, 'timeXdmImport'));
    xdmT.push(x.result.ms);
    xdmH.push(x.heap);
    records = x.result.records;
    console.log(
      `  run ${r + 1}: XDM of ${options.xdmDocuments} documents, ${records} records in ${x.result.ms.toFixed(0)} ms`,
    );
  }
  await call(bench, 'clearAll');
  const mb = bytes / 2 ** 20;
  const study = stat(studyT);
  const floor = stat(floorT);
  const xdm = stat(xdmT);
  return {
    files: paths.length,
    bytes,
    study: { time: study, mbPerSecond: mb / (study.median / 1000), heap: maxHeap(studyH) },
    floor: { time: floor, mbPerSecond: mb / (floor.median / 1000), heap: maxHeap(floorH) },
    xdm: {
      documents: options.xdmDocuments,
      records,
      time: xdm,
      recordsPerSecond: records / (xdm.median / 1000),
      heap: maxHeap(xdmH),
    },
    large,
  };
}
