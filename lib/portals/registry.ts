import { athena } from './athena';
import { followmyhealth } from './followmyhealth';
import { generic } from './generic';
import { healow } from './healow';
import { healthelife } from './healthelife';
import { mychart } from './mychart';
import { addressOrMarkupSign, contentSign, lookAt } from './signs';
import type { PortalAdapter } from './types';
import { va } from './va';

/**
 * Portal adapters, most specific first; the generic adapter always matches and comes last.
 * Adding a portal: one adapter file, its fixtures under tests/fixtures/portals/<id>/, one line here.
 */
const families: readonly PortalAdapter[] = [mychart, healthelife, athena, followmyhealth, va, healow, generic];

/**
 * Each structured result says how it was read: by a portal family's adapter, or by its content (the
 * generic reader, and adapters falling back to it, mark their own rows).
 */
function markedReadBy(adapter: PortalAdapter): PortalAdapter {
  const by = adapter.id === 'generic' ? 'content' : 'adapter';
  return {
    ...adapter,
    extract: (doc, url) => {
      const records = adapter.extract(doc, url);
      for (const record of records)
        if (record.structured?.type === 'lab')
          for (const row of record.structured.results) if (!row.unparsed) row.readBy ??= by;
      return records;
    },
  };
}

export const adapters: readonly PortalAdapter[] = families.map(markedReadBy);

/**
 * The family whose host or markup the page shows; else the one whose content signs it shows (resources,
 * footer, generator, table columns: one look at the page for all); else the generic reader, which reads
 * sections and results by content.
 */
export function detectPortal(url: URL, doc: Document): PortalAdapter {
  const look = lookAt(doc, url);
  return (
    adapters.find((a) => a.signs && addressOrMarkupSign(a.signs, url, doc)) ??
    adapters.find((a) => a.signs && contentSign(a.signs, look)) ??
    adapters.find((a) => !a.signs && a.matches(url, doc)) ??
    adapters[adapters.length - 1]!
  );
}
