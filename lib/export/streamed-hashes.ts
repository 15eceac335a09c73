import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToBase64 } from './files';

const SLICE = 8 * 1024 * 1024;

/** SHA-256 (hex, for the manifest) and SHA-1 (base64, for FHIR) of a Blob in one pass of 8 MB slices. */
export async function streamedHashes(blob: Blob): Promise<{ sha256: string; sha1: string }> {
  const a = sha256.create();
  const b = sha1.create();
  for (let at = 0; at < blob.size; at += SLICE) {
    const slice = new Uint8Array(await blob.slice(at, Math.min(at + SLICE, blob.size)).arrayBuffer());
    a.update(slice);
    b.update(slice);
  }
  return {
    sha256: Array.from(a.digest(), (x) => x.toString(16).padStart(2, '0')).join(''),
    sha1: bytesToBase64(b.digest()),
  };
}
