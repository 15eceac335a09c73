import { findAttachments, type AttachmentCandidate } from '../attachments';
import { LIMITS } from '../core/limits';
import type { CapturedRecord } from '../core/model';
import { assertReaderLoaded, detectPortal } from '../portals';
import { cleanSourceUrl } from '../reading';
import type { EmbeddedNotCopied } from './embedded-records';
import { hasShadowRoots, partsFor } from './page-parts';
import { buildSnapshot, noTimings, now, type CaptureTimings, type ImageInliner } from './snapshot';

export interface CaptureOptions {
  /** Clip only what the user selected. */
  selection?: Range | null;
  /** Reads a same-origin image for a snapshot; by default the page parts' own (with the user's session). */
  inlineImage?: ImageInliner;
  /** Filled with the time each stage took. */
  timings?: CaptureTimings;
}

export type CaptureOutcome =
  | {
      ok: true;
      records: CapturedRecord[];
      warnings: string[];
      attachments: AttachmentCandidate[][];
      /** Embedded documents (PDF or image in a frame, embed or object) that could not be copied. */
      notCopied: EmbeddedNotCopied[];
    }
  | { ok: false; error: 'page-too-large' | 'nothing-to-clip' };

/**
 * The portal as its patients know it: the adapter's family, with the organisation the page names itself
 * after when it says so (og:site_name, application-name). Unknown portals stay unnamed until the patient
 * names them.
 */
function portalNameOf(adapter: { id: string; name: string }, doc: Document): string | undefined {
  const site = doc
    .querySelector('meta[property="og:site_name"], meta[name="application-name"]')
    ?.getAttribute('content')
    ?.trim()
    .slice(0, 100);
  if (adapter.id === 'generic') return site || undefined;
  return site && !site.toLowerCase().includes(adapter.name.toLowerCase()) ? `${adapter.name} (${site})` : adapter.name;
}

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
  const timings = options.timings ?? noTimings();
  const started = now();
  const url = new URL(rawUrl);
  const bySelection = options.selection && !options.selection.collapsed;
  // The page's family first, before any walk of the page: a family recognised by its own markup whose
  // reader is not loaded yet stops here, so loading it costs one round trip and not a second read.
  const detected = bySelection ? undefined : detectPortal(url, doc);
  if (detected) assertReaderLoaded(detected);
  const shadows = hasShadowRoots(doc);
  // Frames, shadow roots, canvases, embeds, objects, images: read with the parts for them (page-parts.ts).
  const parts = partsFor(doc, shadows);
  const { embeddedIn, flattenPage, embeddedOwners, assignEmbedded, recordImages } = parts;
  const inlineImage = options.inlineImage ?? parts.inlineImage;
  // PDFs and images the page shows in frames, embeds and objects: fetched with the record, or reported.
  const embedded = embeddedIn(doc, url, shadows, bySelection ? options.selection : null);
  // Shadow roots, same-origin frames and canvases are composed into a copy the adapters can read.
  const flat = bySelection
    ? { doc: selectionDocument(doc, options.selection!), warnings: [] }
    : flattenPage(doc, new Map(embedded.map((e, i) => [e.element, i])), shadows);
  const source = flat.doc;
  // A page with nothing composed is read as it was recognised above; a composed copy is recognised again.
  const adapter = detected && source === doc ? detected : detectPortal(url, source);
  const extracted = adapter.extract(source, url);
  timings.extract += now() - started;
  const owners = embeddedOwners(
    embedded,
    source,
    doc,
    extracted.map((item) => item.element),
  );
  const kept: number[] = [];
  const { origin, path } = cleanSourceUrl(rawUrl);
  const records: CapturedRecord[] = [];
  const attachments: AttachmentCandidate[][] = [];
  const warnings = new Set<string>(flat.warnings);
  // Numbers that look like results but were kept as text only: the panel says how many.
  const textOnly = extracted.reduce((n, item) => n + (item.textOnly ?? 0), 0);
  if (textOnly > 0) warnings.add(`values-kept-as-text:${textOnly}`);
  for (const [itemIndex, item] of extracted.entries()) {
    const snapshot = await buildSnapshot(win, item.element, url, inlineImage, timings);
    snapshot.warnings.forEach((w) => warnings.add(w));
    if (snapshot.html.length > LIMITS.snapshotBytes || snapshot.text.length > LIMITS.textChars) {
      return { ok: false, error: 'page-too-large' };
    }
    // A page that only shows a document still makes a record: the document is its content.
    if (snapshot.text.trim() === '' && !snapshot.html.includes('<img') && !owners.includes(itemIndex)) continue;
    kept.push(itemIndex);
    records.push({
      kind: item.kind,
      title: item.title,
      clinicalDate: item.clinicalDate,
      provenance: {
        portal: adapter.id,
        portalName: portalNameOf(adapter, source),
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
    attachments.push(findAttachments(item.element, url, recordImages));
  }
  if (records.length === 0) return { ok: false, error: 'nothing-to-clip' };
  // A lone record owns the page's download links even when they sit outside its part of the page.
  if (records.length === 1 && !bySelection && source.body) {
    const seen = new Set(attachments[0]!.map((a) => a.url));
    attachments[0]!.push(...findAttachments(source.body, url, recordImages).filter((a) => !seen.has(a.url)));
  }
  const notCopied = assignEmbedded(embedded, owners, kept, attachments);
  return { ok: true, records, warnings: [...warnings], attachments, notCopied };
}
