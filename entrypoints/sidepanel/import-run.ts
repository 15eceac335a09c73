import type { CaseDb } from '../../lib/core/db';
import { importCase } from '../../lib/import/import-case';
import type { ImportErrorCode } from '../../lib/import/import-error';
import { readPackage } from '../../lib/import/package-import';
import { restoreWorkspace } from '../../lib/import/restore-workspace';

export type ImportOutcome =
  | { ok: true; caseId: string; title: string; count: number }
  | { ok: false; code: ImportErrorCode | 'unexpected'; detail: string };

/**
 * Checks the whole package first (readPackage writes nothing), then adds the case, its records and
 * attachments, story and questions in one transaction: all or nothing.
 */
export async function runImport(db: CaseDb, file: Blob, password?: string): Promise<ImportOutcome> {
  try {
    const result = await readPackage(file, password ? { password } : {});
    if (!result.ok) return { ok: false, ...result.error };
    const { manifest } = result.data;
    const caseId = await db.transaction(
      'rw',
      [db.cases, db.records, db.attachments, db.caseDetails, db.questions],
      async () => {
        const imported = await importCase(db, result.data);
        await restoreWorkspace(db, manifest, imported.caseId, imported.recordIds);
        return imported.caseId;
      },
    );
    const title = (await db.cases.get(caseId))?.title ?? manifest.case.title;
    return { ok: true, caseId, title, count: result.data.records.length };
  } catch (error) {
    // Names the failure for the user without echoing record content.
    return { ok: false, code: 'unexpected', detail: error instanceof Error ? error.name : 'unknown' };
  }
}
