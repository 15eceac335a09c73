import { ChunkAssembler } from '../attachments';
import type { CaseDb } from '../core/db';
import {
  TabFileFailure,
  type AttachmentProblem,
  type ClipProgress,
  type ClipResult,
  type ErrorCode,
  type Result,
} from '../core/messaging';
import { CapturedRecord, Sha256Hex, type CaseId } from '../core/model';
import { addRecords, CaseNotFoundError, isTitleOnly, type NewAttachment } from '../case';
import { isScriptableUrl } from '../reading';
import { z } from '../core/schema';
import { InTabTimings, clock, type ClipTrace } from './clip-trace';

/*
 * The clip flow (background side):
 *   panel --clip/preview--> background --executeScript--> capture script: records + files fetched in the
 *   page with the user's session, sniffed (a login page is refused), SHA-256'd, kept in the script's
 *   isolated world. The background then pulls each file in base64 chunks of CHUNK_BYTES with further
 *   executeScript calls aimed at the clipped tab's top frame only: each chunk is schema-checked, must
 *   arrive in order, and the reassembled Blob is re-hashed and compared. One record: saved at once.
 *   Several: held in memory (lib/clip/clip-pending.ts) until clip/save names the chosen indexes.
 * Pulling rather than letting the page push means no runtime message from a tab is ever trusted, and
 * a slow background never has chunks piling up.
 */
/** One file the capture script fetched (bytes stay in the tab until pulled) or could not fetch. */
const AttachmentReport = z.union([
  z.object({
    record: z.number().check(z.int(), z.nonnegative()),
    ok: z.literal(true),
    transferId: z.string().check(z.regex(/^[\w-]{1,64}$/)),
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    mediaType: z.string().check(z.regex(/^(application\/pdf|image\/[a-z+.-]+)$/)),
    size: z.number().check(z.int(), z.positive()),
    sha256: z.optional(Sha256Hex),
  }),
  z.object({
    record: z.number().check(z.int(), z.nonnegative()),
    ok: z.literal(false),
    name: z.string().check(z.maxLength(200)),
    reason: TabFileFailure,
    /** Shown inside the page (frame, embed, object) rather than linked. */
    embedded: z.optional(z.boolean()),
  }),
]);

/** What the capture script returns. It runs in the portal page, so it is parsed like any untrusted input. */
export const CaptureOutcome = z.union([
  z.object({
    ok: z.literal(true),
    records: z.array(CapturedRecord).check(z.minLength(1), z.maxLength(500)),
    warnings: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
    attachments: z._default(z.array(AttachmentReport).check(z.maxLength(2000)), []),
    timings: z.optional(InTabTimings),
  }),
  z.object({ ok: z.literal(false), error: z.enum(['page-too-large', 'nothing-to-clip']) }),
]);

export interface ClipDeps {
  db: CaseDb;
  activeCaseId: () => Promise<CaseId | undefined>;
  /** The tab's address; undefined when it is hidden from us, null when the tab no longer exists. */
  tabUrl: (tabId: number) => Promise<string | undefined | null>;
  /**
   * Injects the capture script and returns its raw result; throws what the browser throws. Sets
   * `timing.injection` to the milliseconds spent injecting scripts.
   */
  runCapture: (tabId: number, selectionOnly: boolean, timing: { injection: number }) => Promise<unknown>;
  /** Pulls one base64 chunk of a fetched attachment from the clipped tab (and only that tab). */
  readChunk?: (tabId: number, transferId: string, offset: number) => Promise<unknown>;
  /** Lets the tab drop the bytes it kept for us. */
  release?: (tabId: number) => Promise<void>;
  onProgress?: (progress: ClipProgress) => void;
  /** Names the patient gave portals no adapter knows, by origin. */
  portalNames?: () => Promise<Record<string, string>>;
}

/** A capture held in memory between "preview" and "save": records, their files, and what went wrong. */
export interface PendingClip {
  caseId: CaseId;
  records: CapturedRecord[];
  attachments: NewAttachment[][];
  /** Files found but not kept, by the record they belong to. */
  problems: (AttachmentProblem & { record: number })[];
  warnings: string[];
}

/** Browser error text -> our error code. The texts differ between Chromium and Firefox. */
export function classifyScriptingError(message: string): ErrorCode {
  if (
    /cannot access a (chrome|chrome-extension|about|edge|moz-extension|view-source):|extensions gallery|cannot be scripted due to|pdf viewer/i.test(
      message,
    )
  )
    return 'not-scriptable';
  if (/no tab with id|tab was closed|frame.*removed|no frame|invalid tab|tab not found/i.test(message))
    return 'tab-closed';
  if (
    /cannot access|cannot be scripted|missing host permission|permission|extensions gallery|restricted/i.test(message)
  )
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
  const describe = (e: unknown) =>
    e instanceof Error || e instanceof Object ? `${(e as Error).name ?? ''}: ${(e as Error).message ?? ''}` : '';
  const texts = [describe(error), describe((error as { inner?: unknown } | null)?.inner)];
  if (texts.some((t) => /QuotaExceeded|IOError|IO error|No space left|disk full/i.test(t))) return 'storage-full';
  // The storage backend itself failed. On a full disk Chromium sometimes says "UnknownError: Corruption
  // detected, unable to continue" instead: we cannot tell that from real damage, so say both.
  if (texts.some((t) => /^UnknownError|Corruption detected|backing store/i.test(t))) return 'storage-failed';
  return 'unknown';
}

type Report = z.infer<typeof AttachmentReport>;

/** Pulls each fetched file out of the tab chunk by chunk, re-hashing it; a file that fails is reported, not kept. */
async function transferAttachments(deps: ClipDeps, tabId: number, reports: Report[], recordCount: number) {
  const attachments: NewAttachment[][] = Array.from({ length: recordCount }, () => []);
  const problems: PendingClip['problems'] = [];
  const wanted = reports.filter((r) => r.ok && r.record < recordCount);
  const total = wanted.reduce((sum, r) => sum + (r.ok ? r.size : 0), 0);
  let done = 0;
  for (const report of reports) {
    if (report.record >= recordCount) continue;
    if (!report.ok) {
      const { record, name, reason, embedded } = report;
      problems.push({ record, name, reason, ...(embedded ? { embedded } : {}) });
      continue;
    }
    try {
      if (!deps.readChunk) throw new Error('no transfer');
      const assembler = new ChunkAssembler(report);
      while (!assembler.complete) {
        assembler.add(await deps.readChunk(tabId, report.transferId, assembler.bytesReceived));
        deps.onProgress?.({ phase: 'transferring', done: done + assembler.bytesReceived, total });
      }
      const { blob, sha256, size } = assembler.finish();
      attachments[report.record]!.push({ name: report.name, mediaType: report.mediaType, size, sha256, blob });
    } catch {
      problems.push({ record: report.record, name: report.name, reason: 'transfer-failed' });
    }
    done += report.size;
  }
  return { attachments, problems };
}

/**
 * The capture script answers with its outcome as a JSON string (cheaper to ship than an object graph);
 * anything else is passed on as it is, and the schema decides.
 */
export function decodeCapture(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Captures a tab into memory: records and their files, checked, nothing written yet. */
export async function captureTab(
  deps: ClipDeps,
  tabId: number,
  selectionOnly: boolean,
  trace: ClipTrace = { startedAt: clock() },
): Promise<Result<PendingClip>> {
  let t = clock();
  // Independent look-ups, asked at once: each is a round trip to the browser on every clip.
  const names = deps.portalNames?.().catch(() => undefined);
  const [caseId, url] = await Promise.all([deps.activeCaseId(), deps.tabUrl(tabId)]);
  if (!caseId) return { ok: false, error: 'no-active-case' };
  if (url === null) return { ok: false, error: 'tab-closed' };
  if (url !== undefined && !isScriptableUrl(url)) return { ok: false, error: 'not-scriptable' };

  deps.onProgress?.({ phase: 'reading' });
  trace.setup = clock() - t;
  t = clock();
  let raw: unknown;
  const timing = { injection: 0 };
  try {
    raw = await deps.runCapture(tabId, selectionOnly, timing);
    trace.injection = timing.injection;
    trace.captureCall = Math.max(0, clock() - t - timing.injection);
  } catch (error) {
    const code = classifyScriptingError(error instanceof Error ? error.message : String(error));
    // The tab may have gone while we waited; the browser's message does not always say so.
    if (code === 'unknown' && (await deps.tabUrl(tabId)) === null) return { ok: false, error: 'tab-closed' };
    return { ok: false, error: code };
  }
  t = clock();
  const decoded = decodeCapture(raw);
  trace.decode = clock() - t;
  t = clock();
  const outcome = CaptureOutcome.safeParse(decoded);
  trace.validate = clock() - t;
  if (!outcome.success) return { ok: false, error: 'invalid-page-data' };
  if (!outcome.data.ok) return { ok: false, error: outcome.data.error };
  trace.inTab = outcome.data.timings;
  const { warnings } = outcome.data;
  const known = (await names) ?? {};
  const records = outcome.data.records.map((record) =>
    record.provenance.portalName || !known[record.provenance.origin]
      ? record
      : { ...record, provenance: { ...record.provenance, portalName: known[record.provenance.origin] } },
  );
  // The tab keeps bytes only for files it fetched; most clips have none, and skipping the release
  // saves an executeScript round trip on every such clip.
  const keptFiles = outcome.data.attachments.some((report) => report.ok);
  try {
    t = clock();
    const { attachments, problems } = await transferAttachments(deps, tabId, outcome.data.attachments, records.length);
    trace.transfer = clock() - t;
    return { ok: true, data: { caseId, records, attachments, problems, warnings } };
  } finally {
    if (keptFiles) await deps.release?.(tabId).catch(() => undefined);
  }
}

function titleOnlyTitles(pending: PendingClip, chosen: number[]): { titleOnly?: string[] } {
  const titles = chosen
    .filter((i) => isTitleOnly(pending.records[i]!, pending.attachments[i]?.length ?? 0))
    .map((i) => pending.records[i]!.title);
  return titles.length > 0 ? { titleOnly: titles } : {};
}

/** Writes the chosen records of a capture (all when `indexes` is omitted) in one transaction. */
export async function savePending(
  db: CaseDb,
  pending: PendingClip,
  indexes?: number[],
  trace?: ClipTrace,
): Promise<Result<ClipResult>> {
  const started = clock();
  const chosen = (indexes ?? pending.records.map((_, i) => i)).filter(
    (i, at, all) => i < pending.records.length && all.indexOf(i) === at,
  );
  if (chosen.length === 0) return { ok: false, error: 'nothing-to-clip' };
  const records = chosen.map((i) => pending.records[i]!);
  const attachments = chosen.map((i) => pending.attachments[i] ?? []);
  try {
    const { added, duplicates, attachmentsAdded } = await addRecords(db, pending.caseId, records, attachments, {
      parsed: true,
    });
    if (trace) {
      trace.writtenAt = clock();
      trace.write = trace.writtenAt - started;
    }
    return {
      ok: true,
      data: {
        caseId: pending.caseId,
        added,
        duplicates,
        titles: records.map((r) => r.title),
        warnings: pending.warnings,
        attachmentsSaved: attachmentsAdded ?? 0,
        // Only the chosen records' files: an unticked record's failures are not news.
        attachmentProblems: pending.problems
          .filter((p) => chosen.includes(p.record))
          .map(({ record: _record, ...problem }) => problem),
        // Never saved silently: a record that kept nothing but its title is named.
        ...titleOnlyTitles(pending, chosen),
      },
    };
  } catch (error) {
    return { ok: false, error: classifyStorageError(error) };
  }
}

/** Clips a tab into the active case. Nothing is written unless the whole clip is valid. */
export async function clipTab(
  deps: ClipDeps,
  tabId: number,
  selectionOnly: boolean,
  trace?: ClipTrace,
): Promise<Result<ClipResult>> {
  const pending = await captureTab(deps, tabId, selectionOnly, trace);
  if (!pending.ok) return pending;
  deps.onProgress?.({ phase: 'saving' });
  return savePending(deps.db, pending.data, undefined, trace);
}
