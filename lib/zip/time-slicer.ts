/** Work done between two yields: long enough that yielding costs little, short enough for a 60 Hz page. */
const SLICE_MS = 10;

type Yielder = () => Promise<void>;
/** `scheduler.yield()` where the browser has it (no 4 ms timer clamping), else a zero timeout. */
const yieldToEventLoop: Yielder = (() => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? () => scheduler.yield!() : () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();

/**
 * Lets the page paint and handle input once per time slice. Yielding after every chunk or entry
 * instead cost 4 ms each (nested-timer clamping): seconds on a package of thousands of small files.
 */
export function timeSlicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
}
