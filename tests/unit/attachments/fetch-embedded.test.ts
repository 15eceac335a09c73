import { describe, expect, it } from 'vitest';
import { fetchAttachment } from '../../../lib/attachments/fetch-attachment';

const enc = (s: string) => new TextEncoder().encode(s);
const embedded = (url: string) => ({ url, name: 'report.pdf', source: 'embedded' as const, expectFile: true });

describe('fetching an embedded document', () => {
  it('gives up on a file that sends nothing for the idle time, and says it did not finish loading', async () => {
    let aborted = false;
    const never = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    expect(await fetchAttachment(never, embedded('https://portal.example.org/never.pdf'), 1000, 50)).toEqual({
      ok: false,
      name: 'report.pdf',
      reason: 'timed-out',
    });
    expect(aborted).toBe(true);
  });

  it('stops a body that stalls part-way, keeping nothing', async () => {
    const stalls = async (_url: string, init: RequestInit) =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(enc('%PDF-1.4 first bytes'));
            init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        }),
      );
    expect(await fetchAttachment(stalls, embedded('https://portal.example.org/slow.pdf'), 1000, 50)).toMatchObject({
      ok: false,
      reason: 'timed-out',
    });
  });

  it('names a blob: URL that no longer answers as released by the page', async () => {
    const gone = async () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await fetchAttachment(gone, embedded('blob:https://portal.example.org/4f1c'), 1000, 50)).toMatchObject({
      ok: false,
      reason: 'released',
    });
  });

  it('keeps a slow file that keeps sending', async () => {
    const slow = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async start(controller) {
            for (const part of ['%PDF-1.4\n', 'a', 'b', 'c']) {
              controller.enqueue(enc(part));
              await new Promise((r) => setTimeout(r, 30));
            }
            controller.close();
          },
        }),
      );
    expect(await fetchAttachment(slow, embedded('https://portal.example.org/slow.pdf'), 1000, 60)).toMatchObject({
      ok: true,
      size: 12,
      mediaType: 'application/pdf',
    });
  });
});
