import type { AttachmentCandidate } from './links';
import { checkDownload } from './sniff';
import { MAX_ATTACHMENT_BYTES } from '../core/limits';

/** Why one attachment was not kept; the panel explains each. */
export type AttachmentFailure =
  'login-page' | 'unexpected-type' | 'empty' | 'http-error' | 'unreachable' | 'too-large' | 'timed-out' | 'released';

export type FetchedAttachment =
  | { ok: true; name: string; mediaType: string; size: number; sha256?: string; blob: Blob }
  | { ok: false; name: string; reason: AttachmentFailure };

type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

const SNIFF_BYTES = 1024;
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Adds the extension the real type calls for when the name has none (`Download report` -> `Download report.pdf`). */
function withExtension(name: string, mediaType: string): string {
  const ext = {
    'application/pdf': 'pdf',
    'image/png': 'png',
    'image/jpeg': 'jpg',
    'image/gif': 'gif',
    'image/webp': 'webp',
    'image/tiff': 'tif',
  }[mediaType];
  return ext && !new RegExp(`\\.${ext === 'jpg' ? 'jpe?g' : ext}$`, 'i').test(name) ? `${name}.${ext}` : name;
}

/** The file name the server gives (`Content-Disposition`), cleaned for use as a file name. */
export function dispositionName(header: string | null): string | undefined {
  if (!header) return undefined;
  const match = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)|filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/.exec(
    header,
  );
  let raw = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!raw) return undefined;
  try {
    if (match?.[1]) raw = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const name = (raw.split(/[\\/]/).pop() ?? '')
    .replace(/[:*?"<>|\u0000-\u001f]+/g, ' ')
    .trim()
    .slice(0, 200);
  return name && name !== '.' && name !== '..' ? name : undefined;
}

/**
 * Fetches one attachment with the user's session, streaming: the first bytes decide whether it is a
 * PDF or image at all (a login page is stopped there), and the hash is computed as the bytes arrive.
 */
export async function fetchAttachment(
  fetcher: Fetcher,
  candidate: AttachmentCandidate,
  maxBytes = MAX_ATTACHMENT_BYTES,
  /** Give up when no byte arrives for this long (0: wait as long as the browser does). */
  idleMs = 0,
): Promise<FetchedAttachment> {
  const fail = (reason: AttachmentFailure): FetchedAttachment => ({ ok: false, name: candidate.name, reason });
  // A server (or a frame) that never finishes must not hold the clip forever: stop after idleMs of silence.
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitAgain = () => {
    if (!idleMs) return;
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), idleMs);
  };
  // A blob: URL that no longer answers was released by the page (URL.revokeObjectURL) after showing it.
  const lost = (): FetchedAttachment =>
    fail(abort.signal.aborted ? 'timed-out' : candidate.url.startsWith('blob:') ? 'released' : 'unreachable');
  waitAgain();
  try {
    return await readAttachment(fetcher, candidate, maxBytes, abort.signal, waitAgain, fail, lost);
  } finally {
    clearTimeout(timer);
  }
}

async function readAttachment(
  fetcher: Fetcher,
  candidate: AttachmentCandidate,
  maxBytes: number,
  signal: AbortSignal,
  progressed: () => void,
  fail: (reason: AttachmentFailure) => FetchedAttachment,
  lost: () => FetchedAttachment,
): Promise<FetchedAttachment> {
  let response: Response;
  try {
    response = await fetcher(candidate.url, { credentials: 'include', redirect: 'follow', signal });
  } catch {
    return lost();
  }
  if (!response.ok || !response.body) return fail('http-error');
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    void response.body.cancel();
    return fail('too-large');
  }
  const reader = response.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  let mediaType: string | undefined;
  let head = new Uint8Array(0);
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      return lost();
    }
    progressed();
    const { done, value } = chunk;
    if (value) {
      size += value.length;
      if (size > maxBytes) {
        void reader.cancel();
        return fail('too-large');
      }
      parts.push(value as Uint8Array<ArrayBuffer>);
      if (!mediaType && head.length < SNIFF_BYTES) {
        const joined = new Uint8Array(head.length + value.length);
        joined.set(head);
        joined.set(value, head.length);
        head = joined.subarray(0, SNIFF_BYTES);
      }
    }
    if (!mediaType && (head.length >= SNIFF_BYTES || done)) {
      const check = checkDownload(response.headers.get('content-type'), head);
      if (!check.ok) {
        if (!done) void reader.cancel();
        return fail(check.reason);
      }
      mediaType = check.mediaType;
    }
    if (done) break;
  }
  const type = mediaType ?? 'application/octet-stream';
  const name = dispositionName(response.headers.get('content-disposition')) ?? candidate.name;
  const blob = new Blob(parts, { type });
  // WebCrypto, where the page is a secure context (no hashing library in capture.js); the background
  // hashes every file again as it arrives and compares when this hash is given.
  const subtle = globalThis.crypto?.subtle;
  const sha256 = subtle ? toHex(new Uint8Array(await subtle.digest('SHA-256', await blob.arrayBuffer()))) : undefined;
  return { ok: true, name: withExtension(name, type), mediaType: type, size, ...(sha256 ? { sha256 } : {}), blob };
}
