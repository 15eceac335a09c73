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
 * The clip's page reader for saved pages: capture.js itself (with the families' readers), loaded into the panel on the first file
 * import, instead of a second copy of the adapters and readers in the panel's file-import chunk.
 */
export async function loadPageReader(): Promise<CaptureApi['readPage']> {
  await ensureSanitizer();
  const holder = globalThis as unknown as { secondLook?: CaptureApi };
  if (!holder.secondLook) {
    await loadScript('/capture.js');
    // Saved pages of any portal family: its reader too (in a tab it comes only when detection names it).
    await loadScript('/capture-portals.js');
  }
  if (!holder.secondLook) throw new Error('capture.js did not load');
  return holder.secondLook.readPage;
}
