import { slugify } from './names';

/** Formats that are compressed already (or, for DICOM, usually large and gain little): stored, not deflated. */
const STORED_TYPES =
  /^(application\/(pdf|zip|dicom|x-zip-compressed|gzip)|image\/(jpeg|png|gif|webp|jp2)|video\/|audio\/)/i;
const STORED_EXTENSIONS = /\.(pdf|jpe?g|png|gif|webp|dcm|dicom|zip|gz|mp4|jp2)$/i;

export function isAlreadyCompressed(mediaType: string, name: string): boolean {
  return STORED_TYPES.test(mediaType) || STORED_EXTENSIONS.test(name);
}

const EXTENSION_BY_TYPE: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/dicom': 'dcm',
  'application/zip': 'zip',
  'text/plain': 'txt',
  'text/html': 'html',
  'application/xml': 'xml',
  'text/xml': 'xml',
};

/**
 * A file name that is safe on Windows, macOS and Linux: ASCII, lower-case, no reserved names, at most
 * 100 characters, unique within `taken` (which it updates). The extension is kept so the file opens.
 */
export function safeAttachmentName(name: string, mediaType: string, taken: Set<string>): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  const extension = (match?.[1] ?? EXTENSION_BY_TYPE[mediaType.toLowerCase()] ?? 'bin').toLowerCase();
  const base = slugify(match ? name.trim().slice(0, -match[0].length) : name, 80);
  let candidate = `${base}.${extension}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}.${extension}`;
  taken.add(candidate);
  return candidate;
}

/** FHIR wants SHA-1 in base64 for Attachment.hash. */
export async function sha1Base64(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', data as Uint8Array<ArrayBuffer>));
  return bytesToBase64(digest);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
