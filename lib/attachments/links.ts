/** A file on the page worth keeping with a record: a linked PDF or image, or an embedded image. */
export interface AttachmentCandidate {
  url: string;
  /** A file name for the user and the package: from the `download` attribute, the path or the link text. */
  name: string;
  source: 'link' | 'image' | 'embedded';
  /**
   * The link says it is a file (an extension, `download`, "PDF", "Download"): if it answers with a page,
   * that is reported (usually an expired session). A link found only by words like "report" may lead
   * to an ordinary page, which is then skipped quietly.
   */
  expectFile: boolean;
}

const FILE_EXTENSION = /\.(pdf|png|jpe?g|gif|webp|tiff?)$/i;
const FILE_WORDS = /\b(download|pdf|attachment|scanned)\b/i;
const MAYBE_FILE_WORDS = /\b(report|view (the )?(full )?(report|document|result))\b/i;
export const MAX_ATTACHMENTS_PER_RECORD = 20;

function safeName(raw: string, fallback: string): string {
  const cleaned = raw
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}

function nameFromUrl(url: URL, fallback: string): string {
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '').trim();
  return safeName(last, fallback);
}

/**
 * The attachments one record links to or embeds. Only http(s) addresses on the page's own origin:
 * the fetch carries the user's portal session, which must never go to a third party. `recordImages` is
 * displayed-image.ts's (capture.js has it only on pages that show images).
 */
export function findAttachments(
  root: Element,
  pageUrl: URL,
  recordImages: (root: Element) => [address: string, label: string | null][],
): AttachmentCandidate[] {
  const found = new Map<string, AttachmentCandidate>();
  const add = (
    href: string | null,
    source: AttachmentCandidate['source'],
    label: string | null,
    expectFile: boolean,
  ) => {
    if (!href || href.startsWith('javascript:') || href.startsWith('data:')) return;
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      return;
    }
    if (url.origin !== pageUrl.origin || !/^https?:$/.test(url.protocol)) return;
    url.hash = '';
    if (found.has(url.href) || found.size >= MAX_ATTACHMENTS_PER_RECORD) return;
    const fromPath = nameFromUrl(url, '');
    const name = FILE_EXTENSION.test(fromPath) ? fromPath : safeName(label ?? '', fromPath || 'attachment');
    found.set(url.href, { url: url.href, name, source, expectFile });
  };

  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href');
    const text = (link.textContent ?? '').trim();
    const path = (() => {
      try {
        return new URL(href ?? '', pageUrl).pathname;
      } catch {
        return '';
      }
    })();
    const label = `${text} ${link.getAttribute('aria-label') ?? ''}`;
    const isFile =
      FILE_EXTENSION.test(path) ||
      /pdf|image\//i.test(link.getAttribute('type') ?? '') ||
      link.hasAttribute('download') ||
      FILE_WORDS.test(label);
    if (isFile || MAYBE_FILE_WORDS.test(label)) add(href, 'link', link.getAttribute('download') || text, isFile);
  }
  for (const [address, label] of recordImages(root)) add(address, 'image', label, true);
  return [...found.values()];
}
