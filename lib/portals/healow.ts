import { generic } from './generic';
import { type PageSigns, showsSigns } from './signs';
import type { PortalAdapter } from './types';

/**
 * healow (eClinicalWorks) and NextGen patient portals: plain results tables (Test Name / Result / Units /
 * Reference Range / Flag) under an order heading, so the generic table reading fits; only detection is ours.
 */
/** Hosts: the families' own domains. The class names are our fixtures' (no page of either family was seen). */
const SIGNS: PageSigns = {
  hosts: /(^|\.)(healow\.com|nextmd\.com|nextgen\.com|eclinicalworks\.com)$/i,
  markup: '[class*="healow" i], [class*="nextgen" i], [data-portal="healow"], [data-portal="nextgen"]',
};

export const healow: PortalAdapter = {
  id: 'healow-nextgen',
  name: 'healow / NextGen Patient Portal',
  signs: SIGNS,
  matches: showsSigns(SIGNS),
  extract: (doc, url) => generic.extract(doc, url),
};
