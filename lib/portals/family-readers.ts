import { athena } from './athena';
import { followmyhealth } from './followmyhealth';
import { healthelife } from './healthelife';
import { mychart } from './mychart';
import type { PortalAdapter } from './types';
import { va } from './va';

/**
 * The portal families' own readers, by family id: what capture-portals.js registers in the tab when
 * detection (registry.ts, in capture.js) names one of these families. Detection and the generic reader do
 * not need them, so a page of no known family is read without them.
 */
export const familyReaders: Readonly<Record<string, PortalAdapter['extract']>> = Object.fromEntries(
  [mychart, healthelife, athena, followmyhealth, va].map((adapter) => [adapter.id, adapter.extract]),
);
