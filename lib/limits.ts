/**
 * Limits that keep one clip bounded; a page past them is refused with a message, never truncated silently.
 * Kept apart from model.ts (zod) so the capture script can check them without shipping zod to every page.
 */
export const LIMITS = {
  snapshotBytes: 40 * 1024 * 1024,
  textChars: 20 * 1024 * 1024,
} as const;
