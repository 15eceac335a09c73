import { describe, expect, it } from 'vitest';
import { dispositionName, fetchAttachment } from '../../../lib/attachments/fetch-attachment';
import { checkDownload, looksLikeHtml, magicType } from '../../../lib/attachments/sniff';
import { sha256Hex } from '../../../lib/core/hash';

const enc = (s: string) => new TextEncoder().encode(s);
const LOGIN = '<!DOCTYPE html><html><head><title>MyChart - Login Page</title></head><body><form></form></body></html>';

describe('download checks', () => {
  it('knows PDFs and images by their magic bytes, whatever the server says', () => {
    expect(magicType(enc('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
    expect(magicType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(magicType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(checkDownload('application/octet-stream', enc('%PDF-1.4'))).toEqual({
      ok: true,
      mediaType: 'application/pdf',
    });
  });

  it('reports an HTML login page served as a "PDF", by content type or by its bytes', () => {
    expect(checkDownload('text/html; charset=utf-8', enc(LOGIN))).toEqual({ ok: false, reason: 'login-page' });
    expect(checkDownload('application/pdf', enc(`\uFEFF  \n${LOGIN}`))).toEqual({ ok: false, reason: 'login-page' });
    expect(checkDownload('application/pdf', enc('<html><body>Sign in</body></html>'))).toEqual({
      ok: false,
      reason: 'login-page',
    });
    expect(looksLikeHtml(enc('%PDF-1.4 <html>'))).toBe(false);
  });

  it('refuses other types and empty answers', () => {
    expect(checkDownload('application/pdf', enc('PK\u0003\u0004zip'))).toEqual({
      ok: false,
      reason: 'unexpected-type',
    });
    expect(checkDownload('application/pdf', new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('fetchAttachment', () => {
  const candidate = {
    url: 'https://portal.example.org/doc/1',
    name: 'Download report',
    source: 'link' as const,
    expectFile: true,
  };
  const streamed = (parts: Uint8Array[], headers: Record<string, string> = {}) =>
    new Response(new ReadableStream({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) }), { headers });

  it('streams, hashes, names and keeps a PDF split across many reads', async () => {
    const pdf = enc(`%PDF-1.4\n${'x'.repeat(5000)}\n%%EOF`);
    const parts = [pdf.subarray(0, 3), pdf.subarray(3, 2000), pdf.subarray(2000)];
    let init: RequestInit | undefined;
    const fetched = await fetchAttachment(
      async (_u, i) => ((init = i), streamed(parts, { 'content-type': 'application/pdf' })),
      candidate,
    );
    expect(init?.credentials).toBe('include');
    expect(fetched).toMatchObject({
      ok: true,
      name: 'Download report.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: await sha256Hex(pdf),
    });
    if (fetched.ok) expect(new Uint8Array(await fetched.blob.arrayBuffer())).toEqual(pdf);
  });

  it('names the file as the server does, safely', async () => {
    expect(dispositionName('attachment; filename="Pathology_2026-10-30.pdf"')).toBe('Pathology_2026-10-30.pdf');
    expect(dispositionName("attachment; filename*=UTF-8''Informe%20patolog%C3%ADa.pdf")).toBe('Informe patología.pdf');
    expect(dispositionName('inline; filename=../../etc/passwd')).toBe('passwd');
    expect(dispositionName('inline')).toBeUndefined();
    const pdf = enc('%PDF-1.4\n%%EOF');
    const fetched = await fetchAttachment(
      async () => streamed([pdf], { 'content-disposition': 'attachment; filename="Biopsy.pdf"' }),
      candidate,
    );
    expect(fetched).toMatchObject({ ok: true, name: 'Biopsy.pdf' });
  });

  it('reports a login page, an error status, a network failure and an oversized file', async () => {
    expect(
      await fetchAttachment(async () => streamed([enc(LOGIN)], { 'content-type': 'text/html' }), candidate),
    ).toEqual({ ok: false, name: 'Download report', reason: 'login-page' });
    expect(await fetchAttachment(async () => new Response('no', { status: 403 }), candidate)).toMatchObject({
      ok: false,
      reason: 'http-error',
    });
    expect(
      await fetchAttachment(async () => Promise.reject(new TypeError('Failed to fetch')), candidate),
    ).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(
      await fetchAttachment(async () => streamed([enc('%PDF-1.4'), new Uint8Array(2000)]), candidate, 1000),
    ).toMatchObject({ ok: false, reason: 'too-large' });
  });
});
