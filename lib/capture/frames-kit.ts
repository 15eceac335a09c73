import { displayedImageSource, presentDisplayedImage } from '../attachments';
import { hasShadowRoots, needsFlattening, notLoadedHints } from './page-parts';

/**
 * What the page parts (capture-frames.js: flatten.ts, embedded-records.ts, lib/attachments/embedded.ts)
 * use from capture.js instead of carrying a second copy; see lib/portals/family-kit.ts for how the build
 * reads it. Keyed by the import path as flatten.ts writes it.
 */
export const framesKit = {
  '../attachments': { displayedImageSource, presentDisplayedImage },
  './page-parts': { hasShadowRoots, needsFlattening, notLoadedHints },
};

export const FRAMES_KIT_GLOBAL = 'secondLookFramesKit';
