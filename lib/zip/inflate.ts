/**
 * Compressed bytes handed to the native inflater at once. A written chunk is inflated in one go, and
 * deflate expands at most ~1032:1, so one feed yields <= ~16 MB before we can refuse an oversized entry.
 */
const FEED = 16 * 1024;

/**
 * Raw inflate (zip method 8) with the platform's `DecompressionStream`, streaming: `accept` gets each
 * output chunk as it is produced and may throw to stop (an entry outgrowing its declared size); the
 * rest of the input is then never inflated. Corrupt or truncated deflate data rejects with the
 * stream's own error.
 */
export async function inflateRaw(input: AsyncIterable<Uint8Array>, accept: (chunk: Uint8Array) => void): Promise<void> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let refusal: { error: unknown } | undefined;
  const reading = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        accept(value);
      }
    } catch (error) {
      refusal ??= { error };
      // Cancelling errors the writable side too, so a write waiting for room rejects instead of hanging.
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
  })();
  try {
    for await (const piece of input) {
      for (let at = 0; at < piece.byteLength; at += FEED) {
        await writer.write(piece.subarray(at, Math.min(at + FEED, piece.byteLength)) as Uint8Array<ArrayBuffer>);
      }
    }
    await writer.close();
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    await reading.catch(() => undefined);
    throw refusal ? refusal.error : error;
  }
  await reading;
}
