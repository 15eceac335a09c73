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

export function detectPortal(url: URL, doc: Document): PortalAdapter {
  return adapters.find((adapter) => adapter.matches(url, doc)) ?? adapters[adapters.length - 1]!;
}
