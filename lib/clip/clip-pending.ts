import { isTitleOnly } from '../case';
import type { PendingClip } from './clip';
import type { RecordSummary } from '../core/messaging';

/**
 * Captures waiting for the user to choose what to save. In memory only, and only the latest one: its
 * files can be hundreds of MB. The panel asks `clip/pending` every few seconds while the user decides,
 * which also keeps Chrome from stopping the idle service worker; if it was stopped anyway, saving
 * answers `preview-expired` and the user clips again; nothing is half-written.
 */
export class PendingClips {
  private latest: { token: string; clip: PendingClip; expires: number } | undefined;

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  put(clip: PendingClip): string {
    const token = crypto.randomUUID();
    this.latest = { token, clip, expires: this.now() + this.ttlMs };
    return token;
  }

  /** Whether `token` still names a pending capture (the panel asks while the user decides). */
  has(token: string): boolean {
    return this.latest?.token === token && this.latest.expires >= this.now();
  }

  /** The pending capture for `token`, removed from the store; undefined when unknown or expired. */
  take(token: string): PendingClip | undefined {
    const entry = this.latest;
    if (!entry || entry.token !== token) return undefined;
    this.latest = undefined;
    return entry.expires >= this.now() ? entry.clip : undefined;
  }
}

export function summarize(clip: PendingClip): RecordSummary[] {
  return clip.records.map((record, i) => ({
    title: record.title,
    kind: record.kind,
    ...(record.clinicalDate ? { clinicalDate: record.clinicalDate } : {}),
    ...(record.structured?.type === 'lab' ? { rows: record.structured.results.length } : {}),
    attachments: (clip.attachments[i] ?? [])
      .slice(0, 100)
      .map(({ name, mediaType, size }) => ({ name, mediaType, size })),
    failed: clip.problems
      .filter((p) => p.record === i)
      .slice(0, 100)
      .map(({ record: _record, ...problem }) => problem),
    ...(isTitleOnly(record, clip.attachments[i]?.length ?? 0) ? { titleOnly: true } : {}),
  }));
}
