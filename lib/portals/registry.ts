import { generic } from './generic';
import type { PortalAdapter } from './types';

/** Portal adapters, most specific first; the generic adapter always matches and comes last. */
export const adapters: readonly PortalAdapter[] = [generic];

export function detectPortal(url: URL, doc: Document): PortalAdapter {
  return adapters.find((adapter) => adapter.matches(url, doc)) ?? generic;
}
