// capture.js carries portal detection, the generic reader and the plain page parts; the families' own
// readers (capture-portals.js) and the parts for frames and embedded documents (capture-frames.js) are
// injected when the page needs them. Unit tests read every page with all of them registered, as a tab
// that needs them would have them (tests/unit/portals/family-readers.test.ts and
// tests/unit/capture/page-parts.test.ts check the split itself).
import { registerPageParts } from '../../lib/capture';
import { familyReaders, registerFamilyReaders } from '../../lib/portals';
import { allPageParts } from './fixtures/page-parts';

registerFamilyReaders(familyReaders);
registerPageParts(allPageParts);
