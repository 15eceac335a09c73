import { z } from '../core/schema';

/** Milliseconds since the epoch, sub-millisecond: comparable between the panel, the background and the tab. */
export const clock = (): number => performance.timeOrigin + performance.now();

const ms = z.number().check(z.gte(0), z.lte(3_600_000));

/** What the capture script measured in the tab (lib/capture, CaptureTimings, plus its whole run). */
export const InTabTimings = z.object({
  extract: ms,
  clone: ms,
  sanitize: ms,
  serialize: ms,
  total: ms,
  sanitizer: z.optional(z.enum(['native', 'fallback'])),
});

/**
 * Where the latest clip's time went on the extension side, in milliseconds (epoch times for the
 * start and the end of the write). Kept in session storage for the benchmark; no record content.
 */
export const ClipTrace = z.object({
  startedAt: z.number(),
  setup: z.optional(ms),
  injection: z.optional(ms),
  /** The executeScript call that runs the capture: the in-tab work plus the round trip. */
  captureCall: z.optional(ms),
  decode: z.optional(ms),
  validate: z.optional(ms),
  transfer: z.optional(ms),
  write: z.optional(ms),
  writtenAt: z.optional(z.number()),
  inTab: z.optional(InTabTimings),
});
export type ClipTrace = z.infer<typeof ClipTrace>;

/** The session-storage key the latest clip's trace is kept under. */
export const CLIP_TRACE_KEY = 'clipTrace';
