import { READER_FAMILIES, type FamilyCard } from './family-signs';
import { generic } from './generic';
import { healow } from './healow';
import { addressOrMarkupSign, contentSign, lookAt, showsSigns } from './signs';
import type { PortalAdapter } from './types';

type FamilyReader = PortalAdapter['extract'];

/** The families' own readers loaded so far, by family id (see `registerFamilyReaders`). */
const readers = new Map<string, FamilyReader>();

/**
 * Makes the families' readers (`familyReaders`, family-readers.ts) available to detection's adapters. The
 * clip's capture.js carries detection only; capture-portals.js brings the readers when a family is
 * recognised. Node callers (tests, tools) register `familyReaders` once.
 */
export function registerFamilyReaders(loaded: Readonly<Record<string, FamilyReader>>): void {
  for (const [id, read] of Object.entries(loaded)) readers.set(id, read);
}

/** Thrown by a recognised family's adapter whose reader is not loaded yet: the caller loads it and reads again. */
export class FamilyReaderMissing extends Error {
  constructor(readonly family: string) {
    super(`the ${family} reader is not loaded`);
  }
}

/**
 * Stops a read before it starts when `adapter` is a family whose reader is not loaded: the caller loads it
 * and reads again, instead of paying for a page read that its adapter would stop anyway.
 */
export function assertReaderLoaded(adapter: PortalAdapter): void {
  if (READER_FAMILIES.some((card) => card.id === adapter.id) && !readers.get(adapter.id))
    throw new FamilyReaderMissing(adapter.id);
}

/** A family as detection knows it (its card), reading through its registered reader. */
function familyAdapter(card: FamilyCard): PortalAdapter {
  return {
    ...card,
    matches: showsSigns(card.signs),
    extract: (doc, url) => {
      const read = readers.get(card.id);
      if (!read) throw new FamilyReaderMissing(card.id);
      return read(doc, url);
    },
  };
}

/**
 * Portal adapters, most specific first; the generic adapter always matches and comes last.
 * Adding a portal: one adapter file and its card in family-signs.ts (or a whole adapter here, like healow,
 * when it reads with the generic reader), its fixtures under tests/fixtures/portals/<id>/, one line here
 * and one in family-readers.ts.
 */
const families: readonly PortalAdapter[] = [...READER_FAMILIES.map(familyAdapter), healow, generic];

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
