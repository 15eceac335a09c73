/**
 * Input handed to the native deflater at once. Chromium deflates a written chunk in one main-thread
 * task, so 256 KB (a few ms at level 6) keeps the page responsive between `between()` calls.
 */
const FEED = 256 * 1024;

/**
 * Raw deflate (zip method 8) with the platform's `CompressionStream` (zlib, default level 6): native
 * speed and no deflate code in our bundle. Returns the compressed pieces, so the entry's header can
 * state its size before any of them is written.
 */
export async function deflateRaw(data: Uint8Array, between: () => Promise<void>): Promise<Uint8Array[]> {
  const stream = new CompressionStream('deflate-raw');
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
