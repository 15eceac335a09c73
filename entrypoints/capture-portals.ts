import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { familyReaders } from '../lib/portals/family-readers';
import { FAMILY_READERS_GLOBAL } from '../lib/portals/family-kit';

// The portal families' own readers. The background injects this file after capture.js only when
// detection names one of those families (capture.js answers FAMILY_READER_NEEDED); the panel loads it
// with capture.js to read saved pages. Its imports from modules capture.js carries come from the
// family kit capture.js sets (wxt.config.ts), so they are not shipped twice.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, typeof familyReaders>)[FAMILY_READERS_GLOBAL] = familyReaders;
});
