import type { ServerResponse } from 'node:http';
import { generatedPdfChunk, LOGIN_PAGE, streamGeneratedPdf } from './generated-pages';

/**
 * Routes behind the document-viewer fixtures (tests/demo-portal/viewers/): a document that never finishes
 * loading, a "PDF" that is really a web page, and a page showing `n` generated PDFs of `mb` MiB each,
 * embedded or linked (the benchmark's page). Returns true when it answered.
 */
export function serveViewerRoute(url: URL, res: ServerResponse): boolean {
  if (url.pathname === '/viewers/never.pdf') {
    // Headers and nothing else, ever: the frame stays "loading".
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.flushHeaders();
    return true;
  }
  if (url.pathname === '/viewers/fake-report.pdf') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(LOGIN_PAGE);
    return true;
  }
  if (url.pathname === '/viewers/many.html') {
    const n = Math.min(Number(url.searchParams.get('n') ?? '20'), 100);
    const mb = Math.min(Number(url.searchParams.get('mb') ?? '5'), 100);
    const linked = url.searchParams.get('as') === 'links';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(manyDocumentsPage(n, mb, linked, (url.searchParams.get('label') ?? '').replace(/[^\w -]/g, '')));
    return true;
  }
  if (url.pathname === '/viewers/numbered.pdf') {
    // Distinct files of `mb` MiB: the generated pattern with the file's number written after the header.
    const mb = Math.min(Number(url.searchParams.get('mb') ?? '1'), 100);
    const n = String(Number(url.searchParams.get('n') ?? '0'));
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(mb * 1024 * 1024) });
    const first = generatedPdfChunk(0);
    first.write(`% file ${n.padStart(4, '0')}\n`, 40, 'latin1');
    res.write(first);
    if (mb > 1) streamGeneratedPdf(res, mb - 1);
    else res.end();
    return true;
  }
  return false;
}

/** Bytes of `/viewers/numbered.pdf?mb=MB&n=N`, for tests that compare hashes. */
export function numberedPdf(mb: number, n: number): Buffer {
  const first = generatedPdfChunk(0);
  first.write(`% file ${String(n).padStart(4, '0')}\n`, 40, 'latin1');
  return Buffer.concat([first, ...Array.from({ length: mb - 1 }, (_, i) => generatedPdfChunk(i))]);
}

function manyDocumentsPage(n: number, mb: number, linked: boolean, label: string): string {
  const items = Array.from({ length: n }, (_, i) => {
    const href = `/viewers/numbered.pdf?mb=${mb}&amp;n=${i + 1}`;
    return linked
      ? `<li><a href="${href}">Download report ${i + 1} (PDF)</a></li>`
      : `<li><iframe title="Report ${i + 1}" src="${href}" width="300" height="200"></iframe></li>`;
  });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Scanned records (${n} documents)</title></head>
<body><main><h1>Scanned records${label ? ` (${label})` : ''}</h1><p>${n} scanned documents of ${mb} MB (synthetic demo data).</p>
<ul>${items.join('\n')}</ul></main></body></html>`;
}
