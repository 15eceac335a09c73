/**
 * Limits that keep one clip bounded; a page past them is refused with a message, never truncated silently.
 * Kept apart from model.ts (zod) so the capture script can check them without shipping zod to every page.
 */
export const LIMITS = {
  snapshotBytes: 40 * 1024 * 1024,
  textChars: 20 * 1024 * 1024,
} as const;

/**
 * Moving attachment bytes across Chrome's JSON-only extension messaging: base64 chunks of a few MB,
 * each schema-checked, reassembled into a Blob and re-hashed on the receiving side.
 */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Larger than any single file we accept, so a hostile page cannot make us buffer without end. */
export const MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024;
/** One clip's files are held in memory until saved: bound their number and their sum. */
export const MAX_CLIP_ATTACHMENTS = 100;
export const MAX_CLIP_ATTACHMENT_BYTES = 1024 * 1024 * 1024;
/**
 * A document the page shows inside itself (PDF or image in a frame, embed or object) is copied from the
 * page only up to this size: the page already holds it for its viewer, so the copy doubles what the tab
 * holds. Larger ones are reported with the advice to save the file and add it, which reads it from
 * disk in slices (up to 512 MB).
 */
export const MAX_EMBEDDED_BYTES = 100 * 1024 * 1024;
/** A file that sends nothing for this long (a frame that never finishes loading) is reported, not awaited. */
export const ATTACHMENT_IDLE_MS = 10_000;
/**
 * What the capture script answers instead of a capture when the tab can sanitize neither with the
 * browser's Sanitizer API nor with the fallback: the background then injects purify.js and asks again.
 */
export const FALLBACK_SANITIZER_NEEDED = 'fallback-sanitizer-needed';
/**
 * What the capture script answers when the clip found files to fetch and the tab has no file fetcher
 * yet: the background then injects capture-files.js and asks again (the capture waits in the tab).
 */
export const FILE_FETCHER_NEEDED = 'file-fetcher-needed';
/**
 * What the capture script answers when the page is of a portal family whose reader is not in the tab yet:
 * the background then injects capture-portals.js and asks again.
 */
export const FAMILY_READER_NEEDED = 'family-reader-needed';
/**
 * What the capture script answers when the page has frames, shadow roots, canvases or embedded documents
 * and the parts that read them are not in the tab yet: the background then injects capture-frames.js.
 */
export const PAGE_PARTS_NEEDED = 'page-parts-needed';
