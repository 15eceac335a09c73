import type { CaseDb } from '../../lib/core/db';
import { importCase } from '../../lib/import/import-case';
import { ImportError, type ImportErrorCode } from '../../lib/import/import-error';
import { readPackage } from '../../lib/import/package-import';
import { sanitizeSnapshot } from '../../lib/sanitize/sanitize';
import { ensureSanitizer } from './fallback-sanitizer';

export type ImportOutcome =
  | { ok: true; caseId: string; title: string; count: number; altered: number; sentLogDropped: number }
  | { ok: false; code: ImportErrorCode | 'unexpected'; detail: string };

/**
 * Checks the whole package first (readPackage writes nothing), then adds the case, its records and
 * attachments, story, checklist marks, decision, questions and opinions in one transaction: all or nothing.
 */
export async function runImport(db: CaseDb, file: Blob, password?: string): Promise<ImportOutcome> {
  try {
    const result = await readPackage(file, password ? { password } : {});
    if (!result.ok) return { ok: false, ...result.error };
    const { manifest } = result.data;
    await ensureSanitizer();
    // Record pages are sanitized exactly as a clip's snapshot is, with this page's DOM; one transaction
    // then writes the case and its workspace.
    const imported = await importCase(db, result.data, { sanitize: (html) => sanitizeSnapshot(window, html) });
    const title = (await db.cases.get(imported.caseId))?.title ?? manifest.case.title;
    return {
      ok: true,
      caseId: imported.caseId,
      title,
      count: result.data.records.length,
      altered: imported.altered.length,
      sentLogDropped: imported.sentLogDropped,
    };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, code: error.code, detail: error.detail };
    // Names the failure for the user without echoing record content.
    return { ok: false, code: 'unexpected', detail: error instanceof Error ? error.name : 'unknown' };
  }
}
