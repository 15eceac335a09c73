import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { bareLabPage, generatedLabPage, generatedReportPage, LOGIN_PAGE, streamGeneratedPdf } from './generated-pages';
import { serveViewerRoute } from './viewer-pages';

const ROOT = resolve(import.meta.dirname, '../demo-portal');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

export interface DemoPortal {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Every request path the server saw, in order: tests count requests that should never happen. */
  hits: string[];
  close: () => Promise<void>;
}

/** A page a test serves itself (hostile pages, beacons); `headers` may carry a CSP. */
export type Route = (url: URL) => { status?: number; headers?: Record<string, string>; body?: string };

/** Serves the synthetic demo portal on loopback only, plus generated pages of any size and test routes. */
export async function startDemoPortal(port = 0, routes: Record<string, Route> = {}): Promise<DemoPortal> {
  const hits: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.push(url.pathname + url.search);
    if (serveViewerRoute(url, res)) return;
    // An expired session: the portal answers a document link with its login page (status 200, HTML).
    if (url.pathname === '/mychart/documents/session-expired.pdf') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(LOGIN_PAGE);
      return;
    }
    if (url.pathname === '/generated/report.pdf') {
      const mb = Math.min(Number(url.searchParams.get('mb') ?? '1'), 1024);
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(mb * 1024 * 1024) });
      streamGeneratedPdf(res, mb);
      return;
    }
    if (url.pathname === '/generated/report.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(generatedReportPage(Math.min(Number(url.searchParams.get('mb') ?? '1'), 1024)));
      return;
    }
    const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
    if (route) {
      const { status = 200, headers = { 'content-type': TYPES['.html']! }, body = '' } = route(url);
      res.writeHead(status, { 'cache-control': 'no-store', ...headers });
      res.end(body);
      return;
    }
    if (url.pathname === '/generated/labs.html') {
      const rows = Math.min(Number(url.searchParams.get('rows') ?? '200'), 200_000);
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(url.searchParams.get('bare') === '1' ? bareLabPage(rows) : generatedLabPage(rows));
      return;
    }
    if (url.pathname === '/generated/slow-image.png') {
      // An image that takes a while: lets a test close the tab while the clip is still running.
      const ms = Math.min(Number(url.searchParams.get('ms') ?? '3000'), 30_000);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from('89504e470d0a1a0a', 'hex'));
      }, ms);
      return;
    }
    if (url.pathname === '/generated/slow.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(
        '<!DOCTYPE html><html><head><title>Slow results</title></head><body><main><h1>Lipid Panel</h1><p>Collected 10/28/2026</p><img src="/generated/slow-image.png?ms=4000" alt="chart"></main></body></html>',
      );
      return;
    }
    const path = normalize(join(ROOT, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname));
    if (!path.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    hits,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        // A response held open on purpose (a frame that never finishes loading) must not keep the server up.
        server.closeAllConnections();
      }),
  };
}
