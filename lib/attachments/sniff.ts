/**
 * What a downloaded file really is, from its first bytes and the server's content type. Portals answer
 * an expired session with an HTML login page (status 200): it must never be stored as "the PDF".
 */
export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/tiff';

export type DownloadCheck =
  { ok: true; mediaType: SniffedType } | { ok: false; reason: 'login-page' | 'unexpected-type' | 'empty' };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/** The media type the magic bytes prove, or undefined. */
export function magicType(bytes: Uint8Array): SniffedType | undefined {
  // PDF readers accept the header anywhere in the first 1024 bytes; servers sometimes prepend junk or a BOM.
  const head = asciiHead(bytes, 1024);
  if (head.includes('%PDF-')) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'image/gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'image/webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  return undefined;
}

function asciiHead(bytes: Uint8Array, max: number): string {
  let out = '';
  for (let i = 0; i < Math.min(bytes.length, max); i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

/** True when the bytes look like an HTML (or XHTML) page: what a login redirect serves. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = asciiHead(bytes, 1024)
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  return /^<(!doctype html|html|head|body|meta|title|form|script|!--)/.test(head);
}

/**
 * Checks a download before it is kept: the bytes must prove a PDF or an image. A text/html answer or
 * HTML bytes is reported as a login page (the usual cause), anything else as an unexpected type.
 */
export function checkDownload(contentType: string | null, firstBytes: Uint8Array): DownloadCheck {
  if (firstBytes.length === 0) return { ok: false, reason: 'empty' };
  const proven = magicType(firstBytes);
  if (proven) return { ok: true, mediaType: proven };
  const declared = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (declared === 'text/html' || declared === 'application/xhtml+xml' || looksLikeHtml(firstBytes))
    return { ok: false, reason: 'login-page' };
  return { ok: false, reason: 'unexpected-type' };
}
