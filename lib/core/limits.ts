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
