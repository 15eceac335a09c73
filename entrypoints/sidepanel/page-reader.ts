import type { CaptureApi } from '../capture';
import { ensureSanitizer } from './fallback-sanitizer';

/** Loads one of the extension's own scripts into this page (script-src 'self'). */
function loadScript(src: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.append(script);
  });
}

/**
 * The clip's page reader for saved pages: capture.js itself (with its page parts and the families' readers), loaded into the panel on the first file
 * import, instead of a second copy of the adapters and readers in the panel's file-import chunk.
 */
export async function loadPageReader(): Promise<CaptureApi['readPage']> {
  await ensureSanitizer();
  const holder = globalThis as unknown as { secondLook?: CaptureApi };
  if (!holder.secondLook) {
    await loadScript('/capture.js');
    // Saved pages of any portal family, with frames or embedded documents: those parts too (in a tab,
    // each comes only when the page needs it).
    await loadScript('/capture-portals.js');
    await loadScript('/capture-frames.js');
  }
  if (!holder.secondLook) throw new Error('capture.js did not load');
  return holder.secondLook.readPage;
}
