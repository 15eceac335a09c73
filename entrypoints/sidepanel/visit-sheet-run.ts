import { browser } from 'wxt/browser';
import type { CaseDb } from '../../lib/core/db';
import type { DocumentLanguage } from '../../lib/core/document-language';
import type { CaseId } from '../../lib/core/model';
import { visitSheetFileName, visitSheetPdf } from '../../lib/letters';

/** Resolves when the browser finished saving the download, rejects when it was interrupted. */
async function saved(id: number): Promise<void> {
  for (;;) {
    const [item] = await browser.downloads.search({ id });
    if (item?.state === 'complete') return;
    if (!item || item.state === 'interrupted') throw new Error(item?.error ?? 'download interrupted');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * Makes the case's visit sheet from a snapshot read in one transaction and hands it to the downloads API.
 * Loaded on first use (with the PDF writer), not with the panel.
 */
export async function downloadVisitSheet(db: CaseDb, caseId: CaseId, language: DocumentLanguage): Promise<string> {
  const [caseRow, details, questions, records] = await db.transaction(
    'r',
    [db.cases, db.caseDetails, db.questions, db.records],
    () =>
      Promise.all([
        db.cases.get(caseId),
        db.caseDetails.get(caseId),
        db.questions.where('caseId').equals(caseId).toArray(),
        db.records.where('caseId').equals(caseId).toArray(),
      ]),
  );
  if (!caseRow) throw new Error('case not found');
  const generatedAt = new Date();
  const pdf = await visitSheetPdf({
    caseTitle: caseRow.title,
    patientName: details?.patient?.name,
    story: details?.story ?? {},
    questions,
    records,
    generatedAt,
    language,
  });
  const fileName = visitSheetFileName(caseRow.title, generatedAt, language);
  const url = URL.createObjectURL(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  try {
    const id = await browser.downloads.download({ url, filename: fileName, saveAs: false, conflictAction: 'uniquify' });
    await saved(id);
  } finally {
    URL.revokeObjectURL(url);
  }
  return fileName;
}
