import { describe, expect, it, vi } from 'vitest';
import { zipSource } from '../../../lib/import/zip-source';

describe('zipSource over a Blob', () => {
  const bytes = new Uint8Array(10 * 1024 * 1024 + 123).map((_, i) => (i * 2654435761) >>> 24);
  const MB = 1024 * 1024;

  it('returns exactly the bytes asked for, across window edges, large reads and the end of the file', async () => {
    const source = zipSource(new Blob([bytes]));
    const reads: [number, number][] = [
      [0, 4],
      [30, 12],
      [4 * MB - 10, 20], // straddles the first window
      [5 * MB, MB],
      [2 * MB, 5 * MB], // larger than a window: read directly
      [bytes.length - 22, 22],
      [bytes.length - 10, 100], // past the end: a short read
      [bytes.length + 5, 10], // wholly past the end: nothing
    ];
    for (const [offset, length] of reads) {
      const got = await source.read(offset, length);
      expect(got).toEqual(bytes.subarray(offset, Math.min(offset + length, bytes.length)));
    }
  });

  it('slices the Blob once per 4 MiB window for a front-to-back read in small pieces', async () => {
    const blob = new Blob([bytes]);
    const slice = vi.spyOn(blob, 'slice');
    const source = zipSource(blob);
    for (let at = 0; at < bytes.length; at += 30_000) await source.read(at, 30);
    // ~350 reads; without the window each was a slice of its own.
    expect(slice.mock.calls.length).toBeLessThanOrEqual(4);
  });
});
