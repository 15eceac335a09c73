import type { RecordKind, StructuredData } from '../core/model';
import type { PageSigns } from './signs';

/** One record found on a page, before snapshotting. */
export interface ExtractedRecord {
  kind: RecordKind;
  title: string;
  clinicalDate?: string;
  structured?: StructuredData;
  /** The part of the page the record comes from: its snapshot and text are taken from it. */
  element: Element;
  /** The page section the record is (its heading and anchor), when the page holds several. */
  section?: { heading: string; anchor?: string };
  /** Numbers in this part of the page that look like results but were kept as text only. */
  textOnly?: number;
}

/** A portal family: data plus small pure functions of the page (CONVENTIONS.md, "Shapes we want"). */
export interface PortalAdapter {
  id: string;
  /** The portal family as users know it. */
  name: string;
  /** How the family is recognised (host names and page signs); none for the generic reader. */
  signs?: PageSigns;
  matches: (url: URL, doc: Document) => boolean;
  extract: (doc: Document, url: URL) => ExtractedRecord[];
}
