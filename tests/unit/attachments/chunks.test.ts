import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, CHUNK_BYTES, ChunkAssembler, ChunkError } from '../../../lib/attachments/chunks';
import { sha256Hex } from '../../../lib/core/hash';

const bytesOf = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) & 0xff);

function chunked(bytes: Uint8Array, size = CHUNK_BYTES) {
  const out = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    out.push({ offset, data: bytesToBase64(bytes.subarray(offset, offset + size)) });
  return out;
}

describe('base64 chunks', () => {
  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
  });

  it('reassembles a file of several chunks into an identical Blob with the same hash', async () => {
    // Small chunks keep the test fast (happy-dom's atob is slow); the protocol allows any size up to CHUNK_BYTES.
    const bytes = bytesOf(3 * 4096 + 123);
    const sha256 = await sha256Hex(bytes);
    const assembler = new ChunkAssembler({ size: bytes.length, sha256, mediaType: 'application/pdf' });
    for (const chunk of chunked(bytes, 4096)) assembler.add(chunk);
    const { blob, sha256: rehashed, size } = assembler.finish();
    expect(size).toBe(bytes.length);
    expect(rehashed).toBe(sha256);
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('refuses chunks out of order, malformed, oversized, or whose bytes do not match the announced hash', async () => {
    const bytes = bytesOf(1000);
    const meta = { size: bytes.length, sha256: await sha256Hex(bytes), mediaType: 'application/pdf' };
    const chunks = chunked(bytes, 400);
    expect(() => new ChunkAssembler(meta).add(chunks[1])).toThrow(new ChunkError('out-of-order'));
    expect(() => new ChunkAssembler(meta).add({ offset: 0, data: '<html>' })).toThrow(ChunkError);
    expect(() => new ChunkAssembler(meta).add({ offset: 0, data: 'x'.repeat(CHUNK_BYTES * 2) })).toThrow(ChunkError);
    expect(() => new ChunkAssembler(meta).add(null)).toThrow(ChunkError);
    expect(() => new ChunkAssembler({ ...meta, size: 10 }).add(chunks[0])).toThrow(new ChunkError('size-mismatch'));
    const tampered = new ChunkAssembler(meta);
    const altered = bytes.slice();
    altered[5] = altered[5]! ^ 1;
    for (const chunk of chunked(altered, 400)) tampered.add(chunk);
    expect(() => tampered.finish()).toThrow(new ChunkError('hash-mismatch'));
    const short = new ChunkAssembler(meta);
    short.add(chunks[0]);
    expect(() => short.finish()).toThrow(new ChunkError('size-mismatch'));
    expect(() => new ChunkAssembler({ ...meta, size: 600 * 1024 * 1024 })).toThrow(new ChunkError('too-large'));
  });
});
