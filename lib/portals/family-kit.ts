import {
  bracketedRows,
  cellText,
  labColumns,
  labelValues,
  labRow,
  paragraphsOf,
  parseDate,
  pick,
  readLabTable,
  sectionsByHeadings,
  sectionsFromText,
  textOf,
} from '../reading';
import { ATHENA, FOLLOWMYHEALTH, HEALTHELIFE, MYCHART, VA } from './family-signs';
import { generic, tableRecords } from './generic';
import { dateOf, headingBefore, mainOf, ownContainer, pageHeading } from './page';
import { labRecord, noteRecord, reportRecord } from './records';
import { showsSigns } from './signs';

/**
 * What the families' readers (capture-portals.js) use from capture.js instead of carrying a second copy:
 * capture.js puts this on the isolated world's global object, and the build (wxt.config.ts, "family kit")
 * makes each of the readers' imports from these paths read it from there. Keyed by the import path as the
 * family files write it; a name missing here fails the build of capture-portals.js.
 */
export const familyKit = {
  '../reading': {
    bracketedRows,
    cellText,
    labColumns,
    labelValues,
    labRow,
    paragraphsOf,
    parseDate,
    pick,
    readLabTable,
    sectionsByHeadings,
    sectionsFromText,
    textOf,
  },
  './family-signs': { ATHENA, FOLLOWMYHEALTH, HEALTHELIFE, MYCHART, VA },
  './generic': { generic, tableRecords },
  './page': { dateOf, headingBefore, mainOf, ownContainer, pageHeading },
  './records': { labRecord, noteRecord, reportRecord },
  './signs': { showsSigns },
};

/** Where capture.js puts `familyKit`, and capture-portals.js puts its readers. */
export const FAMILY_KIT_GLOBAL = 'secondLookFamilyKit';
export const FAMILY_READERS_GLOBAL = 'secondLookFamilyReaders';
