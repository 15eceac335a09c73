import type { AttachmentCandidate, EmbeddedDocument, EmbeddedProblemReason } from '../attachments';
import { EMBED_MARK } from './flatten';

/** An embedded document that could not be copied, named for the clip report. */
export interface EmbeddedNotCopied {
  record: number;
  name: string;
  reason: EmbeddedProblemReason;
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

/** Adds each fetchable document to its record's files (once per address) and lists the others. */
export function assignEmbedded(
  embedded: EmbeddedDocument[],
  owners: number[],
  attachments: AttachmentCandidate[][],
): EmbeddedNotCopied[] {
  const notCopied: EmbeddedNotCopied[] = [];
  embedded.forEach((entry, i) => {
    const record = owners[i] ?? 0;
    const files = attachments[record];
    if (!files) return;
    const outcome = entry.outcome;
    if ('problem' in outcome) notCopied.push({ record, name: outcome.name, reason: outcome.problem });
    else if (!files.some((file) => file.url === outcome.fetch.url)) files.push(outcome.fetch);
  });
  return notCopied;
}
