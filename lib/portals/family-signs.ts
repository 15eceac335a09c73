import type { PageSigns } from './signs';

/**
 * How each portal family with a reader of its own is recognised: its id, name and signs. Detection runs
 * in capture.js on every clip; the families' readers (family-readers.ts, capture-portals.js) are injected
 * only when detection names their family. healow / NextGen reads with the generic reader and stays whole.
 */
export interface FamilyCard {
  id: string;
  /** The portal family as users know it. */
  name: string;
  signs: PageSigns;
}

/** PORTALS.md, "Epic MyChart": component cards (current), `table.components` (older and Kaiser), visit notes. */
const MARKERS =
  '[data-mychart-app], .ComponentCard, table.components, div[data-copy-context^="NOTE"], h1._PageHeading, .OrderMetadataLabelValue';

/**
 * Markup and paths: PORTALS.md (`/MyChart/api/...`, `/MyChart/Image/Load`). Resources and footer: a saved
 * MyChart sign-in page (scripts and styles under `/mychartprd/`, `span.copystring` "MyChart® licensed from
 * Epic Systems Corporation"), a line open-source MyChart result parsers also key on.
 */
export const MYCHART: FamilyCard = {
  id: 'epic-mychart',
  name: 'Epic MyChart',
  signs: {
    hosts: /mychart/i,
    paths: /\/mychart(?:prd)?\//i,
    markup: MARKERS,
    resources: /^\/mychart(?:prd)?\//i,
    text: /mychart\W{0,8}(?:-\s*)?licensed from epic systems/i,
  },
};

/**
 * PORTALS.md: the family runs on many host names, so the page's own words count: the brand in its title or
 * footer ("Results | HealtheLife") and its own paths. The class names are our fixtures', not the live portal's.
 */
export const HEALTHELIFE: FamilyCard = {
  id: 'cerner-healthelife',
  name: 'Oracle Health (Cerner) HealtheLife',
  signs: {
    hosts: /healthelife|cernerhealth|\.cerner\.com$/i,
    paths: /\/healthelife\//i,
    markup: '.healthelife, .hl-results-list, [id^="hl-"]',
    resources: /^\/healthelife\//i,
    text: /\bhealthelife\b/i,
  },
};

/**
 * PORTALS.md, "athenahealth": the results table's own columns (Created Date, Observation Date ... Abnormal
 * Flag), which no other family writes together. The class names are our fixtures'.
 */
export const ATHENA: FamilyCard = {
  id: 'athenahealth',
  name: 'athenahealth Patient Portal',
  signs: {
    hosts: /athenahealth\.com$|athenanet|\.mdpatientportal\./i,
    paths: /^\/athena\//i,
    markup: '.athena-portal, [class^="ap-"], [data-athena]',
    columns: [/^created date$/i, /^observation date$/i, /^abnormal flag$/i],
  },
};

/**
 * Host: practices' sites link their portal at `<practice>.followmyhealth.com/Login/Home/Index`. PORTALS.md:
 * results grouped by order under Date / Description / Value / Details. The class names are our fixtures'.
 */
export const FOLLOWMYHEALTH: FamilyCard = {
  id: 'followmyhealth',
  name: 'FollowMyHealth',
  signs: {
    hosts: /(^|\.)followmyhealth\.com$/i,
    markup: '[class*="fmh-"], [data-fmh]',
    columns: [/^date$/i, /^description$/i, /^value$/i, /^details$/i],
  },
};

/**
 * The VA's own portal code (vets-website, mhv-medical-records): design-system `vads-` classes and `va-`
 * elements, result cards `ul.result-cards > li > h3` (LabsAndTests/ChemHemResults.jsx) and `chem-hem-*` test
 * ids (ChemHemDetails.jsx); "My HealtheVet" in the title or footer.
 */
export const VA: FamilyCard = {
  id: 'va-mhv',
  name: 'VA.gov / My HealtheVet',
  signs: {
    hosts: /(^|\.)va\.gov$/i,
    markup: '[class*="vads-"], [data-mhv], va-card, ul.result-cards, [data-testid^="chem-hem-"]',
    text: /\bmy healthevet\b/i,
  },
};

/** The families with a reader of their own, in detection's order (registry.ts). */
export const READER_FAMILIES: readonly FamilyCard[] = [MYCHART, HEALTHELIFE, ATHENA, FOLLOWMYHEALTH, VA];

/**
 * True when the address alone names a family with a reader of its own (its host or path sign). Detection
 * tries address and markup signs of these families before any other, so such a page is always read by one
 * of them: the background can inject their readers with capture.js, in the same call.
 */
export function addressNamesReaderFamily(url: URL): boolean {
  return READER_FAMILIES.some(({ signs }) => !!signs.hosts?.test(url.hostname) || !!signs.paths?.test(url.pathname));
}
