import { generic } from './generic';
import type { PortalAdapter } from './types';

/**
 * healow (eClinicalWorks) and NextGen patient portals: plain results tables (Test Name / Result / Units /
 * Reference Range / Flag) under an order heading, so the generic table reading fits; only detection is ours.
 */
export const healow: PortalAdapter = {
  id: 'healow-nextgen',
  name: 'healow / NextGen Patient Portal',
  matches: (url, doc) =>
    /(^|\.)(healow\.com|nextmd\.com|nextgen\.com|eclinicalworks\.com)$/i.test(url.hostname) ||
    doc.querySelector('[class*="healow" i], [class*="nextgen" i], [data-portal="healow"], [data-portal="nextgen"]') !==
      null,
  extract: (doc, url) => generic.extract(doc, url),
};
