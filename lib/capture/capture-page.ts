import { findAttachments, type AttachmentCandidate } from '../attachments';
import { LIMITS } from '../core/limits';
import type { CapturedRecord } from '../core/model';
import { detectPortal } from '../portals';
import { cleanSourceUrl } from '../reading';
import { flattenPage } from './flatten';
import { buildSnapshot, type ImageInliner } from './snapshot';

export interface CaptureOptions {
  /** Clip only what the user selected. */
  selection?: Range | null;
  inlineImage: ImageInliner;
}

export type CaptureOutcome =
  | { ok: true; records: CapturedRecord[]; warnings: string[]; attachments: AttachmentCandidate[][] }
  | { ok: false; error: 'page-too-large' | 'nothing-to-clip' };

/** A detached document holding a copy of the selection, so adapters read it like any page. */
function selectionDocument(doc: Document, range: Range): Document {
  const copy = doc.implementation.createHTMLDocument(doc.title);
  copy.body.append(copy.importNode(range.cloneContents(), true));
  return copy;
}

/**
 * Page (or selection) -> records with sanitized snapshots, provenance, and the files each record links
 * to (fetched by the caller). Pure apart from `inlineImage`.
 */
export async function capturePage(
  win: Window,
  doc: Document,
  rawUrl: string,
  options: CaptureOptions,
): Promise<CaptureOutcome> {
  const url = new URL(rawUrl);
  const bySelection = options.selection && !options.selection.collapsed;
  // Shadow roots, same-origin frames and canvases are composed into a copy the adapters can read.
  const flat = bySelection ? { doc: selectionDocument(doc, options.selection!), warnings: [] } : flattenPage(doc);
  const source = flat.doc;
  const adapter = detectPortal(url, source);
  const extracted = adapter.extract(source, url);
  const { origin, path } = cleanSourceUrl(rawUrl);
  const records: CapturedRecord[] = [];
  const attachments: AttachmentCandidate[][] = [];
  const warnings = new Set<string>(flat.warnings);
  // Numbers that look like results but were kept as text only: the panel says how many.
  const textOnly = extracted.reduce((n, item) => n + (item.textOnly ?? 0), 0);
  if (textOnly > 0) warnings.add(`values-kept-as-text:${textOnly}`);
  for (const item of extracted) {
    const snapshot = await buildSnapshot(win, item.element, url, options.inlineImage);
    snapshot.warnings.forEach((w) => warnings.add(w));
    if (snapshot.html.length > LIMITS.snapshotBytes || snapshot.text.length > LIMITS.textChars) {
      return { ok: false, error: 'page-too-large' };
    }
    if (snapshot.text.trim() === '' && !snapshot.html.includes('<img')) continue;
    records.push({
      kind: item.kind,
      title: item.title,
      clinicalDate: item.clinicalDate,
      provenance: {
        portal: adapter.id,
        origin,
        path,
        pageTitle: doc.title.slice(0, 1000),
        ...(item.section ? { section: item.section.heading.slice(0, 500) } : {}),
        ...(item.section?.anchor ? { anchor: item.section.anchor.slice(0, 100) } : {}),
      },
      snapshotHtml: snapshot.html,
      text: snapshot.text,
      structured: item.structured,
    });
    attachments.push(findAttachments(item.element, url));
  }
  if (records.length === 0) return { ok: false, error: 'nothing-to-clip' };
  // A lone record owns the page's download links even when they sit outside its part of the page.
  if (records.length === 1 && !bySelection && source.body) {
    const seen = new Set(attachments[0]!.map((a) => a.url));
    attachments[0]!.push(...findAttachments(source.body, url).filter((a) => !seen.has(a.url)));
  }
  return { ok: true, records, warnings: [...warnings], attachments };
}
