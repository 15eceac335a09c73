import {
  type AttachmentCandidate,
  type EmbeddedDocument,
  type EmbeddedProblemReason,
  findEmbeddedDocuments,
} from '../attachments';
import { EMBED_MARK } from './flatten';

/** An embedded document that could not be copied, reported as the clip reports a file. */
export interface EmbeddedNotCopied {
  record: number;
  ok: false;
  name: string;
  reason: EmbeddedProblemReason;
  embedded: true;
}

/** The elements an embedded document can be shown in (lib/attachments/embedded.ts looks in these only). */
const EMBEDDING_ELEMENTS = 'iframe, frame, embed, object';

/**
 * PDFs and images the page shows in frames, embeds and objects (within `selection` when the clip is of
 * one). Looked for only where they can be: a page without shadow roots shows them all to one selector.
 */
export function embeddedIn(
  doc: Document,
  pageUrl: URL,
  shadows: boolean,
  selection?: Range | null,
): EmbeddedDocument[] {
  const embedded = shadows || doc.querySelector(EMBEDDING_ELEMENTS) ? findEmbeddedDocuments(doc, pageUrl) : [];
  return selection ? embedded.filter((e) => selection.intersectsNode(e.element)) : embedded;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const DISCONNECTED = 1; // Node.DOCUMENT_POSITION_DISCONNECTED

/**
 * The record each embedded document belongs to (an index into `recordElements`): the record that holds
 * it, else the last record before it in the page, else the first. `source` is the document the records
 * were read from: the live page, or a composed copy where each document left a mark (EMBED_MARK).
 */
export function embeddedOwners(
  embedded: EmbeddedDocument[],
  source: Document,
  live: Document,
  recordElements: Element[],
): number[] {
  return embedded.map((entry, i) => {
    const node = source === live ? entry.element : source.querySelector(`[${EMBED_MARK}="${i}"]`);
    if (!node) return 0;
    const inside = recordElements.findIndex((element) => element === node || element.contains(node));
    if (inside >= 0) return inside;
    let before = -1;
    recordElements.forEach((element, r) => {
      const position = element.compareDocumentPosition(node);
      if (!(position & DISCONNECTED) && position & FOLLOWING) before = r;
    });
    return Math.max(before, 0);
  });
}

/**
 * Adds each fetchable document to its record's files (once per address) and lists the others. `owners`
 * index the adapter's items, `kept` the items that became records (in record order).
 */
export function assignEmbedded(
  embedded: EmbeddedDocument[],
  owners: number[],
  kept: number[],
  attachments: AttachmentCandidate[][],
): EmbeddedNotCopied[] {
  const notCopied: EmbeddedNotCopied[] = [];
  embedded.forEach((entry, i) => {
    const record = Math.max(kept.indexOf(owners[i]!), 0);
    const files = attachments[record];
    if (!files) return;
    const outcome = entry.outcome;
    if ('problem' in outcome)
      notCopied.push({ record, ok: false, name: outcome.name, reason: outcome.problem, embedded: true });
    else if (!files.some((file) => file.url === outcome.fetch.url)) files.push(outcome.fetch);
  });
  return notCopied;
}
