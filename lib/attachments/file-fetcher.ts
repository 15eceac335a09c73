import type { AttachmentCandidate } from './links';

/**
 * The clip's file fetcher (capture-files.js): injected into the tab only when a clip found files to
 * fetch, so pages without any do not carry it. It sets itself on the isolated world's global object,
 * where capture.js finds it.
 */
export interface FileFetcher {
  /** Fetches the files each record links to or embeds; reports go into the capture, bytes stay in the tab. */
  fetchFiles: (
    candidates: AttachmentCandidate[][],
    reported: number,
  ) => Promise<{ reports: unknown[]; skipped: number }>;
  /** One chunk of a kept file as base64: `{offset, data}`, or null. */
  chunk: (transferId: string, offset: number) => Promise<unknown>;
  release: () => void;
}

export const FILE_FETCHER_GLOBAL = 'secondLookFiles';
