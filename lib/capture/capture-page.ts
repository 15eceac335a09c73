import { LIMITS } from '../limits';
import type { CapturedRecord } from '../model';
import { detectPortal } from '../portals/registry';
import { cleanSourceUrl } from './clean-url';
import { buildSnapshot, type ImageInliner } from './snapshot';

export interface CaptureOptions {
  /** Clip only what the user selected. */
  selection?: Range | null;
  inlineImage: ImageInliner;
}

export type CaptureOutcome =
  | { ok: true; records: CapturedRecord[]; warnings: string[] }
  | { ok: false; error: 'page-too-large' | 'nothing-to-clip' };

/** A detached document holding a copy of the selection, so adapters read it like any page. */
function selectionDocument(doc: Document, range: Range): Document {
  const copy = doc.implementation.createHTMLDocument(doc.title);
  copy.body.append(copy.importNode(range.cloneContents(), true));
  return copy;
}

/** Page (or selection) -> records with sanitized snapshots and provenance. Pure apart from `inlineImage`. */
export async function capturePage(win: Window, doc: Document, rawUrl: string, options: CaptureOptions): Promise<CaptureOutcome> {
  const url = new URL(rawUrl);
  const source = options.selection && !options.selection.collapsed ? selectionDocument(doc, options.selection) : doc;
  const adapter = detectPortal(url, doc);
  const extracted = adapter.extract(source, url);
  const { origin, path } = cleanSourceUrl(rawUrl);
  const records: CapturedRecord[] = [];
  const warnings = new Set<string>();
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
      provenance: { portal: adapter.id, origin, path, pageTitle: doc.title.slice(0, 1000) },
      snapshotHtml: snapshot.html,
      text: snapshot.text,
      structured: item.structured,
    });
  }
  if (records.length === 0) return { ok: false, error: 'nothing-to-clip' };
  return { ok: true, records, warnings: [...warnings] };
}
