/**
 * Input handed to the native deflater at once. Chromium deflates a written chunk in one main-thread
 * task, so 256 KB (a few ms at level 6) keeps the page responsive between `between()` calls.
 */
const FEED = 256 * 1024;

/**
 * Deflate with the platform's `CompressionStream` (zlib's default level 6): native speed and no deflate
 * code in our bundle. Returns the compressed pieces.
 */
async function compress(
  data: Uint8Array,
  format: 'deflate' | 'deflate-raw',
  between: () => Promise<void>,
): Promise<Uint8Array[]> {
  const stream = new CompressionStream(format);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const pieces: Uint8Array[] = [];
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      pieces.push(value);
    }
  })();
  try {
    for (let at = 0; at < data.byteLength; at += FEED) {
      await writer.write(data.subarray(at, Math.min(at + FEED, data.byteLength)) as Uint8Array<ArrayBuffer>);
      await between();
    }
    await writer.close();
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    throw error;
  } finally {
    await reading.catch(() => undefined);
  }
  await reading;
  return pieces;
}

/** Raw deflate (zip method 8), in pieces so the entry's header can state its size before any is written. */
export const deflateRaw = (data: Uint8Array, between: () => Promise<void>): Promise<Uint8Array[]> =>
  compress(data, 'deflate-raw', between);

/** zlib-format deflate, what a PDF's /FlateDecode reads, as one array. */
export async function deflateZlib(data: Uint8Array): Promise<Uint8Array> {
  const pieces = await compress(data, 'deflate', async () => undefined);
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.byteLength;
  }
  return out;
}
