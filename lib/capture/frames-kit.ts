import { queryAll } from '../reading';
import { inertCopy } from '../sanitize';
import { hasShadowRoots, needsFlattening, notLoadedHints } from './page-parts';

/**
 * What the page parts (capture-frames.js: flatten.ts, snapshot-images.ts, embedded-records.ts, lib/attachments/embedded.ts and
 * displayed-image.ts)
 * use from capture.js instead of carrying a second copy; see lib/portals/family-kit.ts for how the build
 * reads it. Keyed by the import path as flatten.ts and snapshot-images.ts write it.
 */
export const framesKit = {
  '../reading': { queryAll },
  '../sanitize': { inertCopy },
  './page-parts': { hasShadowRoots, needsFlattening, notLoadedHints },
};

export const FRAMES_KIT_GLOBAL = 'secondLookFramesKit';
