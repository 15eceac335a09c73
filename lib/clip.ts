import type { CaseDb } from './db';
import type { ClipResult, ErrorCode, Result } from './messaging';
import { CapturedRecord, type CaseId } from './model';
import { addRecords, CaseNotFoundError } from './records';
import { isScriptableUrl } from './capture/clean-url';
import { z } from './schema';

/** What the capture script returns. It runs in the portal page, so it is parsed like any untrusted input. */
export const CaptureOutcome = z.union([
  z.object({ ok: z.literal(true), records: z.array(CapturedRecord).min(1).max(500), warnings: z.array(z.string().max(200)).max(50) }),
  z.object({ ok: z.literal(false), error: z.enum(['page-too-large', 'nothing-to-clip']) }),
]);

export interface ClipDeps {
  db: CaseDb;
  activeCaseId: () => Promise<CaseId | undefined>;
  /** The tab's address; undefined when it is hidden from us, null when the tab no longer exists. */
  tabUrl: (tabId: number) => Promise<string | undefined | null>;
  /** Injects the capture script and returns its raw result; throws what the browser throws. */
  runCapture: (tabId: number, selectionOnly: boolean) => Promise<unknown>;
}

/** Browser error text -> our error code. The texts differ between Chromium and Firefox. */
export function classifyScriptingError(message: string): ErrorCode {
  if (/no tab with id|tab was closed|frame.*removed|no frame|invalid tab|tab not found/i.test(message)) return 'tab-closed';
  if (/cannot access|cannot be scripted|missing host permission|permission|extensions gallery|restricted/i.test(message))
    return 'no-site-access';
  if (/message length exceeded|too (big|large)/i.test(message)) return 'page-too-large';
  return 'unknown';
}

/**
 * Storage error -> our error code. A full origin quota is QuotaExceededError; a full disk under
 * unlimitedStorage is not: Chromium 156 reports "DataError: Failed to write blobs (IOError)", an
 * UnknownError naming an IO error, or "Corruption detected" (measured in tests/faults/quota.fault.test.ts).
 */
export function classifyStorageError(error: unknown): ErrorCode {
  if (error instanceof CaseNotFoundError) return 'case-not-found';
  const describe = (e: unknown) => (e instanceof Error || e instanceof Object ? `${(e as Error).name ?? ''}: ${(e as Error).message ?? ''}` : '');
  const texts = [describe(error), describe((error as { inner?: unknown } | null)?.inner)];
  if (texts.some((t) => /QuotaExceeded|IOError|IO error|No space left|disk full/i.test(t))) return 'storage-full';
  // The storage backend itself failed. On a full disk Chromium sometimes says "UnknownError: Corruption
  // detected, unable to continue" instead: we cannot tell that from real damage, so say both.
  if (texts.some((t) => /^UnknownError|Corruption detected|backing store/i.test(t))) return 'storage-failed';
  return 'unknown';
}

/** Clips a tab into the active case. Nothing is written unless the whole clip is valid. */
export async function clipTab(deps: ClipDeps, tabId: number, selectionOnly: boolean): Promise<Result<ClipResult>> {
  const caseId = await deps.activeCaseId();
  if (!caseId) return { ok: false, error: 'no-active-case' };
  const url = await deps.tabUrl(tabId);
  if (url === null) return { ok: false, error: 'tab-closed' };
  if (url !== undefined && !isScriptableUrl(url)) return { ok: false, error: 'not-scriptable' };

  let raw: unknown;
  try {
    raw = await deps.runCapture(tabId, selectionOnly);
  } catch (error) {
    const code = classifyScriptingError(error instanceof Error ? error.message : String(error));
    // The tab may have gone while we waited; the browser's message does not always say so.
    if (code === 'unknown' && (await deps.tabUrl(tabId)) === null) return { ok: false, error: 'tab-closed' };
    return { ok: false, error: code };
  }
  const outcome = CaptureOutcome.safeParse(raw);
  if (!outcome.success) return { ok: false, error: 'invalid-page-data' };
  if (!outcome.data.ok) return { ok: false, error: outcome.data.error };

  try {
    const { added, duplicates } = await addRecords(deps.db, caseId, outcome.data.records);
    const titles = outcome.data.records.map((r) => r.title);
    return { ok: true, data: { caseId, added, duplicates, titles, warnings: outcome.data.warnings } };
  } catch (error) {
    return { ok: false, error: classifyStorageError(error) };
  }
}
