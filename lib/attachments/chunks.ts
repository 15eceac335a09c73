import { sha256 } from '@noble/hashes/sha2.js';
import { CHUNK_BYTES, MAX_ATTACHMENT_BYTES } from '../core/limits';
import { z } from '../core/schema';

// The limits live in lib/core/limits.ts so the capture script can use them without shipping zod.
export { CHUNK_BYTES, MAX_ATTACHMENT_BYTES, MAX_CLIP_ATTACHMENTS, MAX_CLIP_ATTACHMENT_BYTES } from '../core/limits';

export const AttachmentChunk = z.object({
  offset: z.number().check(z.int(), z.nonnegative()),
  /** base64 of at most CHUNK_BYTES bytes. */
  data: z.string().check(z.maxLength(Math.ceil(CHUNK_BYTES / 3) * 4), z.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
});
export type AttachmentChunk = z.infer<typeof AttachmentChunk>;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class ChunkError extends Error {
  override name = 'ChunkError';
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Reassembles one attachment from chunks that must arrive in order and add up to the announced size;
 * `finish` re-hashes what arrived and refuses it unless it matches the hash the sender announced (a tab
 * that is not a secure context has no WebCrypto and announces none: the hash is then ours alone).
 */
export class ChunkAssembler {
  private readonly parts: Uint8Array<ArrayBuffer>[] = [];
  private readonly hasher = sha256.create();
  private received = 0;

  constructor(private readonly expected: { size: number; sha256?: string; mediaType: string }) {
    if (expected.size > MAX_ATTACHMENT_BYTES) throw new ChunkError('too-large');
  }

  get bytesReceived(): number {
    return this.received;
  }

  get complete(): boolean {
    return this.received === this.expected.size;
  }

  add(raw: unknown): void {
    const chunk = AttachmentChunk.safeParse(raw);
    if (!chunk.success) throw new ChunkError('invalid-chunk');
    if (chunk.data.offset !== this.received) throw new ChunkError('out-of-order');
    const bytes = base64ToBytes(chunk.data.data) as Uint8Array<ArrayBuffer>;
    if (bytes.length === 0 || this.received + bytes.length > this.expected.size) throw new ChunkError('size-mismatch');
    this.hasher.update(bytes);
    this.parts.push(bytes);
    this.received += bytes.length;
  }

  finish(): { blob: Blob; sha256: string; size: number } {
    if (!this.complete) throw new ChunkError('size-mismatch');
    const digest = toHex(this.hasher.digest());
    if (this.expected.sha256 !== undefined && digest !== this.expected.sha256) throw new ChunkError('hash-mismatch');
    return { blob: new Blob(this.parts, { type: this.expected.mediaType }), sha256: digest, size: this.received };
  }
}
