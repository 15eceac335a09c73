// capture.js carries portal detection and the generic reader; the families' own readers come with
// capture-portals.js, injected when detection names a family. Unit tests read every page with all of
// them registered, as a tab of any family would have them (tests/unit/portals/family-readers.test.ts
// checks the split itself).
import { familyReaders, registerFamilyReaders } from '../../lib/portals';

registerFamilyReaders(familyReaders);
