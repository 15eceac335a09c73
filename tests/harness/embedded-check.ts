import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const DEMO = join(import.meta.dirname, '../demo-portal');
export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** SHA-256 of a file served from the demo portal (`path` as in the URL). */
export const servedSha256 = (path: string) => sha256(readFileSync(join(DEMO, path)));

/** A file as stored in the extension's database, hashed again there from its Blob. */
export interface StoredFile {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  blobSha256: string;
}

/** Anything that can run a function with one argument in an extension page (CdpPage or puppeteer Page). */
export interface EvaluatingPage {
  evaluate: (fn: (title: string) => Promise<StoredFile[]>, title: string) => Promise<StoredFile[]>;
}

/** The files of the case titled `caseTitle`, read from the extension's IndexedDB and re-hashed there. */
export function caseFiles(page: EvaluatingPage, caseTitle: string): Promise<StoredFile[]> {
  return page.evaluate(async (title: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('second-look');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const cases = await all<{ id: string; title: string }>('cases');
    const caseId = cases.find((c) => c.title === title)?.id;
    const rows = (
      await all<{ caseId: string; name: string; mediaType: string; size: number; sha256: string; blob: Blob }>(
        'attachments',
      )
    ).filter((row) => row.caseId === caseId);
    const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    const out = [];
    for (const row of rows) {
      const bytes = await row.blob.arrayBuffer();
      out.push({
        name: row.name,
        mediaType: row.mediaType,
        size: row.size,
        sha256: row.sha256,
        blobSha256: hex(await crypto.subtle.digest('SHA-256', bytes)),
      });
    }
    db.close();
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }, caseTitle);
}

/** A second origin on loopback (127.0.0.2): a document server the portal frames but must not send its session to. */
export async function startOtherOrigin(): Promise<{ origin: string; hits: string[]; close: () => Promise<void> }> {
  const pdf = readFileSync(join(DEMO, 'athena/pathology/surgical-pathology-report.pdf'));
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(pdf);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.2', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.2:${port}`,
    hits,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** Size of a file served from the demo portal. */
export const servedBytes = (path: string) => readFileSync(join(DEMO, path)).length;
