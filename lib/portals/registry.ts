import { athena } from './athena';
import { followmyhealth } from './followmyhealth';
import { generic } from './generic';
import { healow } from './healow';
import { healthelife } from './healthelife';
import { mychart } from './mychart';
import type { PortalAdapter } from './types';
import { va } from './va';

/**
 * Portal adapters, most specific first; the generic adapter always matches and comes last.
 * Adding a portal: one adapter file, its fixtures under tests/fixtures/portals/<id>/, one line here.
 */
export const adapters: readonly PortalAdapter[] = [mychart, healthelife, athena, followmyhealth, va, healow, generic];

export function detectPortal(url: URL, doc: Document): PortalAdapter {
  return adapters.find((adapter) => adapter.matches(url, doc)) ?? generic;
}
