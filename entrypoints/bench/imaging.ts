/**
 * Section 7 of the benchmark, in the bench page: importing a DICOM study (files chosen in a real file
 * input, so they are disk-backed Files as a patient's CD would be) against a plain copy of the same
 * Files into IndexedDB, and importing an XDM of C-CDA documents.
 */
import { createCase } from '../../lib/case/cases';
import type { CaseDb } from '../../lib/core/db';
import { importStudies } from '../../lib/imaging';
import { importFiles } from '../../lib/import/files';

const input = (): HTMLInputElement => {
  let el = document.querySelector<HTMLInputElement>('#bench-files');
  if (!el) {
    el = document.createElement('input');
    el.type = 'file';
    el.multiple = true;
    el.id = 'bench-files';
    document.body.append(el);
  }
  return el;
};
const chosen = () => Array.from(input().files ?? []);

/** A plain copy of the chosen Files into an IndexedDB store, one durable transaction: the import's floor. */
async function floorCopy(): Promise<{ ms: number; bytes: number }> {
  const files = chosen();
  const open = indexedDB.open('bench-floor-files', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('files');
  const floorDb = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = floorDb.transaction('files', 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('files');
    store.clear();
    files.forEach((file, i) => store.put(file.slice(0, file.size, 'application/dicom'), i));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  await new Promise<void>((resolve) => {
    const tx = floorDb.transaction('files', 'readwrite');
    tx.objectStore('files').clear();
    tx.oncomplete = () => resolve();
  });
  floorDb.close();
  return { ms, bytes: files.reduce((n, f) => n + f.size, 0) };
}

async function studyImport(
  db: CaseDb,
): Promise<{ ms: number; bytes: number; files: number; stored: number; caseId: string }> {
  const files = chosen();
  const { id } = await createCase(db, 'Imaging bench');
  const t0 = performance.now();
  const outcomes = await importStudies(
    db,
    id,
    files.map((file) => ({ file, path: `study/${file.name}` })),
  );
  const ms = performance.now() - t0;
  const failed = outcomes.filter((o) => !o.result.ok);
  if (failed.length) throw new Error(`study import: ${JSON.stringify(failed)}`);
  return {
    ms,
    bytes: files.reduce((n, f) => n + f.size, 0),
    files: files.length,
    stored: await db.attachments.where('caseId').equals(id).count(),
    caseId: id,
  };
}

async function xdmImport(db: CaseDb): Promise<{ ms: number; records: number; documents: number }> {
  const [file] = chosen();
  const { id } = await createCase(db, 'XDM bench');
  const t0 = performance.now();
  const [outcome] = await importFiles(db, id, [file!], (xml) =>
    new DOMParser().parseFromString(xml, 'application/xml'),
  );
  const ms = performance.now() - t0;
  if (!outcome?.result.ok) throw new Error(`XDM import: ${JSON.stringify(outcome)}`);
  return { ms, records: outcome.result.titles.length, documents: 0 };
}

export const imagingBench = (db: CaseDb) => ({
  prepareFileInput: () => void input(),
  timeFloorCopy: floorCopy,
  timeStudyImport: () => studyImport(db),
  timeXdmImport: () => xdmImport(db),
});
