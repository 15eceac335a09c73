import { browser } from 'wxt/browser';
import type { CaseDb } from '../../lib/db';
import { packageEntries, packageFileName } from '../../lib/export/package';
import { blobSink, writeZip } from '../../lib/export/zip';
import { sanitizeSnapshot } from '../../lib/capture/sanitize';
import type { CaseId } from '../../lib/model';

/** Resolves when the download finished, rejects when the browser interrupted it. */
function downloadFinished(id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== id) return;
      if (delta.state?.current === 'complete') {
        browser.downloads.onChanged.removeListener(listener);
        resolve();
      } else if (delta.state?.current === 'interrupted') {
        browser.downloads.onChanged.removeListener(listener);
        reject(new Error(delta.error?.current ?? 'download interrupted'));
      }
    };
    browser.downloads.onChanged.addListener(listener);
    // A small file may finish before the listener is attached.
    void browser.downloads.search({ id }).then(([item]) => {
      if (item?.state === 'complete') listener({ id, state: { current: 'complete' } });
      if (item?.state === 'interrupted') listener({ id, state: { current: 'interrupted' }, error: { current: item.error } });
    });
  });
}

/** Builds the package from a snapshot of the case and hands it to the downloads API. */
export async function runExport(
  db: CaseDb,
  caseId: CaseId,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<string> {
  const [caseData, records] = await db.transaction('r', db.cases, db.records, () =>
    Promise.all([db.cases.get(caseId), db.records.where('caseId').equals(caseId).toArray()]),
  );
  if (!caseData) throw new Error('case not found');
  const generatedAt = new Date();
  const total = 3 + 2 * records.length;
  const out = blobSink();
  await writeZip(
    packageEntries({
      caseData,
      records,
      generatedAt,
      generator: { name: 'Second Look', version: browser.runtime.getManifest().version },
      sanitize: (html) => sanitizeSnapshot(window, html),
    }),
    out.sink,
    { modified: generatedAt, signal, onProgress: ({ entries }) => onProgress(entries, total) },
  );
  const fileName = packageFileName(caseData.title, generatedAt);
  const url = URL.createObjectURL(out.blob());
  try {
    const id = await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
    await downloadFinished(id);
  } finally {
    URL.revokeObjectURL(url);
  }
  return fileName;
}
