import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { FILE_FETCHER_GLOBAL, type AttachmentCandidate, type FileFetcher } from '../lib/attachments';
import {
  ATTACHMENT_IDLE_MS,
  CHUNK_BYTES,
  MAX_ATTACHMENT_BYTES,
  MAX_CLIP_ATTACHMENT_BYTES,
  MAX_CLIP_ATTACHMENTS,
  MAX_EMBEDDED_BYTES,
} from '../lib/core/limits';
import { fetchAttachment } from '../lib/attachments/fetch-attachment';

const blobDataUrl = (blob: Blob) =>
  new Promise<string | null>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(blob);
  });

/** Fetched files wait here (the content script's isolated world, not the page's) until the background pulls them. */
const kept = new Map<string, Blob>();

/**
 * Fetches the files the records link to or embed, with the user's session, within the clip's budgets.
 * Returns the reports that go into the capture (bytes stay here) and how many were left unfetched;
 * `reported` reports (embedded documents that could not be copied) already count towards the clip's cap.
 */
async function fetchFiles(
  candidates: AttachmentCandidate[][],
  reported: number,
): Promise<{ reports: unknown[]; skipped: number }> {
  kept.clear();
  const reports: unknown[] = [];
  let budget = MAX_CLIP_ATTACHMENT_BYTES;
  let skipped = 0;
  for (const [record, forRecord] of candidates.entries()) {
    for (const candidate of forRecord) {
      if (reported + reports.length >= MAX_CLIP_ATTACHMENTS) {
        skipped++;
        continue;
      }
      const embedded = candidate.source === 'embedded';
      const fetched = await fetchAttachment(
        (url, init) => fetch(url, init),
        candidate,
        Math.min(embedded ? MAX_EMBEDDED_BYTES : MAX_ATTACHMENT_BYTES, budget),
        ATTACHMENT_IDLE_MS,
      );
      if (!fetched.ok) {
        // "View report" leading to an ordinary page is not a failed file.
        if (!candidate.expectFile && (fetched.reason === 'login-page' || fetched.reason === 'unexpected-type'))
          continue;
        reports.push({
          record,
          ok: false,
          name: fetched.name,
          reason: fetched.reason,
          ...(embedded ? { embedded } : {}),
        });
        continue;
      }
      budget -= fetched.size;
      const transferId = crypto.randomUUID();
      kept.set(transferId, fetched.blob);
      const { blob: _blob, ...meta } = fetched;
      reports.push({ record, transferId, ...meta });
    }
  }
  return { reports, skipped };
}

/** One chunk as base64 (executeScript results are JSON): `{offset, data}`. */
async function chunk(transferId: string, offset: number): Promise<unknown> {
  const blob = kept.get(transferId);
  if (!blob) return null;
  const url = await blobDataUrl(blob.slice(offset, offset + CHUNK_BYTES));
  return url === null ? null : { offset, data: url.slice(url.indexOf(',') + 1) };
}

// Injected by the background only into a tab whose clip found files to fetch (capture.js answers
// FILE_FETCHER_NEEDED first); a page that links and embeds no files never loads it.
export default defineUnlistedScript(() => {
  const fetcher: FileFetcher = { fetchFiles, chunk, release: () => kept.clear() };
  (globalThis as unknown as Record<string, FileFetcher>)[FILE_FETCHER_GLOBAL] = fetcher;
});
