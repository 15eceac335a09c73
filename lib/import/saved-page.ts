import type { CaptureOutcome } from '../capture';
import type { FileRecords } from './files';

/** Saved web pages from disk: decoded by the charset they declare, read like a clip of them. */

/**
 * Reads a saved web page: the panel passes its own window, an HTML `DOMParser` and the clip's page reader
 * (capture.js, loaded into the panel, so the extension ships the reader once); Node tests pass jsdom's
 * window and `capturePage`.
 */
export interface PageReader {
  win: Window;
  parseHtml: (html: string) => Document;
  /** `capturePage` with no image inlining: a saved page's images are not fetched. */
  readPage: (win: Window, doc: Document, url: string) => Promise<CaptureOutcome>;
}

export const PAGE_NAME = /\.(x?html?|mht)$/i;

/**
 * Decodes a saved page the way a browser does: a byte order mark first (it overrides any declaration),
 * then `<meta charset>` or the XML declaration, else UTF-8. Portals still serve windows-1252 pages and
 * some "Save as" tools write UTF-16; names with accents must survive either way.
 */
export function decodePage(bytes: Uint8Array): string {
  const bom = byteOrderMark(bytes);
  if (bom) return new TextDecoder(bom.label).decode(bytes.subarray(bom.length));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // an unknown label: UTF-8, as browsers fall back
  }
}

function byteOrderMark(bytes: Uint8Array): { label: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', length: 2 };
  return null;
}

/** A saved page is read like a clip of it: the same adapters, sections and sanitized snapshots. */
export async function fromPage(html: string, fileName: string, reader: PageReader): Promise<FileRecords> {
  const doc = reader.parseHtml(html);
  const url = `file:///${encodeURIComponent(fileName)}`;
  const outcome = await reader.readPage(reader.win, doc, url);
  if (!outcome.ok) return { ok: false, error: 'no-records' };
  const records = outcome.records.map((r) => ({
    ...r,
    provenance: { ...r.provenance, origin: 'file://', path: fileName.slice(0, 4096) },
  }));
  return { ok: true, records, attachments: records.map(() => []) };
}
