/**
 * The benchmark's in-browser half, in the TEST build only (wxt.config.ts removes this entrypoint from
 * release builds). bench/run.ts opens chrome-extension://<id>/bench.html and calls `window.slBench.*`.
 * It uses the product's own lib code (the same Dexie database, package builder, zip writer, importer)
 * and runs the comparison libraries on the same entries in the same page.
 */
import { Uint8ArrayReader, BlobWriter, ZipWriter, configure } from '@zip.js/zip.js';
import JSZip from 'jszip';
import { browser } from 'wxt/browser';
import { sanitizeSnapshot } from '../../lib/sanitize/sanitize';
import { CaseDb } from '../../lib/core/db';
import { seedCase } from './seed';
import { packageEntries, type PackageEntry } from '../../lib/export/package';
import { crc32 } from '../../lib/export/crc32';
import { blobSink, writeZip } from '../../lib/export/zip';
import { readPackage } from '../../lib/import/package-import';
import type { Attachment } from '../../lib/core/model';
import { activeCaseStore } from '../../lib/core/settings';
import { imagingBench } from './imaging';
import { installWriter, plumbingClip } from './floors';

configure({ useWebWorkers: false });
const db = new CaseDb();
/** A stored attachment as the package builder takes it (the Blob is read when its entry is written). */
const packageAttachment = (a: Attachment) => ({
  id: a.id,
  recordId: a.recordId,
  name: a.name,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
  data: a.blob,
});

async function productExport(caseId: string): Promise<Blob> {
  const [caseData, records, attachments] = await db.transaction('r', db.cases, db.records, db.attachments, () =>
    Promise.all([
      db.cases.get(caseId),
      db.records.where('caseId').equals(caseId).toArray(),
      db.attachments.where('caseId').equals(caseId).toArray(),
    ]),
  );
  const generatedAt = new Date();
  const out = blobSink();
  await writeZip(
    packageEntries({
      caseData: caseData!,
      records,
      attachments: attachments.map(packageAttachment),
      generatedAt,
      generator: { name: 'Second Look', version: browser.runtime.getManifest().version },
      sanitize: (html) => sanitizeSnapshot(window, html),
    }),
    out.sink,
    { modified: generatedAt },
  );
  return out.blob();
}

// ---- same entries, every zip writer ----
let entries: PackageEntry[] = [];
let lastZip: Blob | null = null;

async function collectEntries(caseId: string) {
  const [caseData, records, attachments] = await Promise.all([
    db.cases.get(caseId),
    db.records.where('caseId').equals(caseId).toArray(),
    db.attachments.where('caseId').equals(caseId).toArray(),
  ]);
  entries = [];
  for await (const e of packageEntries({
    caseData: caseData!,
    records,
    attachments: attachments.map(packageAttachment),
    generatedAt: new Date(),
    generator: { name: 'Second Look', version: 'bench' },
    sanitize: (html) => sanitizeSnapshot(window, html),
  }))
    entries.push(e);
  return {
    entries: entries.length,
    bytes: entries.reduce((n, e) => n + e.data.byteLength, 0),
    stored: entries.filter((e) => !e.compress).length,
  };
}
async function* entryStream(): AsyncGenerator<PackageEntry> {
  yield* entries;
}

const zippers: Record<string, () => Promise<Blob>> = {
  ours: async () => {
    const out = blobSink();
    await writeZip(entryStream(), out.sink, { modified: new Date() });
    return out.blob();
  },
  jszip: async () => {
    const zip = new JSZip();
    for (const e of entries)
      zip.file(e.path, e.data, { compression: e.compress ? 'DEFLATE' : 'STORE', compressionOptions: { level: 6 } });
    return zip.generateAsync({ type: 'blob', streamFiles: true });
  },
  zipjs: async () => {
    const writer = new ZipWriter(new BlobWriter('application/zip'));
    for (const e of entries)
      await writer.add(e.path, new Uint8ArrayReader(e.data), { level: e.compress ? 6 : 0, useWebWorkers: false });
    return writer.close();
  },
  /** Store-mode floor: CRC-32 of every byte plus one copy of it into the output (the same Blob sink). */
  floor: async () => {
    const out = blobSink();
    let crcs = 0;
    for (const e of entries) {
      crcs ^= crc32(e.data);
      out.sink(e.data);
    }
    (globalThis as unknown as { slCrcSink?: number }).slCrcSink = crcs;
    return out.blob();
  },
};

async function timeZip(name: string) {
  const t0 = performance.now();
  const blob = await zippers[name]!();
  const ms = performance.now() - t0;
  return { ms, bytes: blob.size };
}

async function timeProductExport(caseId: string) {
  const t0 = performance.now();
  lastZip = await productExport(caseId);
  return { ms: performance.now() - t0, bytes: lastZip.size };
}

async function timeImport() {
  if (!lastZip) throw new Error('export first');
  const t0 = performance.now();
  const result = await readPackage(lastZip);
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`import failed: ${result.error.code} ${result.error.detail}`);
  return { ms, records: result.data.records.length, attachments: result.data.attachments.length };
}

/** The clip floor's IndexedDB half: one durable write of `bytes` bytes (a string, like a snapshot). */
async function idbWrite(bytes: number): Promise<number> {
  const value = 'x'.repeat(bytes);
  const open = indexedDB.open('bench-floor', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('blobs');
  const floorDb = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = floorDb.transaction('blobs', 'readwrite', { durability: 'strict' });
    tx.objectStore('blobs').put({ html: value }, 'one');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  floorDb.close();
  return ms;
}

async function setActiveCase(caseId: string) {
  await activeCaseStore(browser.storage.local).set(caseId);
}

async function clearAll() {
  lastZip = null;
  entries = [];
  await db.transaction(
    'rw',
    [db.cases, db.records, db.recordHeads, db.attachments, db.questions, db.opinions, db.caseDetails, db.caseSummaries],
    async () => {
      await Promise.all([
        db.caseSummaries.clear(),
        db.cases.clear(),
        db.records.clear(),
        db.recordHeads.clear(),
        db.attachments.clear(),
        db.questions.clear(),
        db.opinions.clear(),
        db.caseDetails.clear(),
      ]);
    },
  );
}

/** Diagnostic: reads the last export back in 1 MB slices; the first offset that fails, or -1. */
async function probeZip() {
  if (!lastZip) return -2;
  for (let at = 0; at < lastZip.size; at += 1 << 20) {
    try {
      await lastZip.slice(at, at + (1 << 20)).arrayBuffer();
    } catch (error) {
      return { at, size: lastZip.size, error: String(error) };
    }
  }
  return -1;
}

// The same page in an iframe plays the background for the plumbing clip (floors.ts); the rest stays here.
const writerRole = new URLSearchParams(location.search).get('role') === 'writer';
if (writerRole) installWriter();
const floors = writerRole ? undefined : plumbingClip();

const api = {
  plumb: (url: string) => floors!.plumb(url),
  tabBounds: (url: string) => floors!.tabBounds(url),
  probeZip,
  seedCase: (opts: Parameters<typeof seedCase>[1]) => seedCase(db, opts),
  collectEntries,
  timeZip,
  timeProductExport,
  timeImport,
  idbWrite,
  setActiveCase,
  clearAll,
  dropEntries: () => void (entries = []),
  ...imagingBench(db),
};
if (!writerRole) {
  (globalThis as unknown as { slBench: typeof api }).slBench = api;
  document.title = 'bench ready';
}
