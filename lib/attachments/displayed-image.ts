/**
 * The picture the user sees, not the markup's fallback: `currentSrc` for `srcset` and `<picture>`, the
 * real address behind common lazy-loading placeholders, and the CSS background of an element presented
 * as an image (`role="img"`). Tiny placeholders (1x1, spacer GIFs) are not pictures.
 */

/** Attributes lazy-loading scripts keep the real address in while a placeholder is shown. */
const LAZY_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original'] as const;
const SPACER_NAME = /(^|[/_-])(spacer|blank|pixel|transparent|placeholder|1x1|clear)\.(gif|png|svg|webp)(\?|$)/i;
/** A data: URL this short holds at most a few pixels (a 1x1 GIF is ~70 characters). */
const TINY_DATA_URL = 200;

interface LiveImage {
  currentSrc?: string;
  complete?: boolean;
  naturalWidth?: number;
  naturalHeight?: number;
}

/**
 * True when `src` is a placeholder rather than a picture. When `src` is what the element shows now, its
 * loaded size counts too (a 1x1 image); an address it does not show yet is judged by its form only.
 */
export function isPlaceholderImage(img: Element, src = img.getAttribute('src') ?? '', shown = true): boolean {
  const trimmed = src.trim();
  if (!trimmed) return true;
  if (/^data:/i.test(trimmed) && trimmed.length <= TINY_DATA_URL) return true;
  if (SPACER_NAME.test(trimmed)) return true;
  if (!shown) return false;
  const live = img as unknown as LiveImage;
  if (live.complete && typeof live.naturalWidth === 'number' && live.naturalWidth > 0) {
    return live.naturalWidth <= 1 && (live.naturalHeight ?? 0) <= 1;
  }
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  return width === 1 && height === 1;
}

/**
 * The address of what an `<img>` shows (relative addresses are returned as written), or null when it
 * shows nothing worth keeping. A live element answers with `currentSrc`; a copy outside any browsing
 * context falls back to its attributes.
 */
export function displayedImageSource(img: Element): string | null {
  const live = img as unknown as LiveImage;
  // currentSrc is the browser's choice among srcset and <picture> candidates; without them it is src.
  const chooses = img.hasAttribute('srcset') || img.parentElement?.localName === 'picture';
  const current = chooses && typeof live.currentSrc === 'string' ? live.currentSrc : '';
  const src = current || img.getAttribute('src') || '';
  if (!isPlaceholderImage(img, src)) return src;
  for (const name of LAZY_ATTRIBUTES) {
    const lazy = img.getAttribute(name)?.trim();
    if (lazy && !isPlaceholderImage(img, lazy, false)) return lazy;
  }
  const lazySet = img.getAttribute('data-srcset') ?? img.getAttribute('data-lazy-srcset');
  const first = lazySet?.split(',').pop()?.trim().split(/\s+/)[0];
  return first && !SPACER_NAME.test(first) ? first : null;
}

/** The background image address of an element presented as an image (`role="img"`), from its computed style. */
export function backgroundImageSource(element: Element): string | null {
  if (element.getAttribute('role') !== 'img') return null;
  const view = element.ownerDocument.defaultView;
  if (!view) return null;
  let value = '';
  try {
    value = view.getComputedStyle(element).backgroundImage;
  } catch {
    return null;
  }
  const match = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)/.exec(value ?? '');
  const url = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
  return url && !SPACER_NAME.test(url) ? url : null;
}

/** Icons, spacers and logos are not records; embedded images at least this large (when sized) are. */
const MIN_IMAGE_SIDE = 64;

/**
 * The images in `root` worth keeping with its record, as address and label: what each image shows (srcset,
 * `<picture>`, lazy loading, role="img" backgrounds), never a placeholder, an icon or the page's own chrome.
 */
export function recordImages(root: Element): [address: string, label: string | null][] {
  const images: [string, string | null][] = [];
  for (const img of Array.from(root.querySelectorAll('img, [role="img"]'))) {
    const shown = img.localName === 'img' ? displayedImageSource(img) : backgroundImageSource(img);
    if (!shown) continue;
    const width = Number(img.getAttribute('width') ?? Infinity);
    const height = Number(img.getAttribute('height') ?? Infinity);
    if (width < MIN_IMAGE_SIDE || height < MIN_IMAGE_SIDE) continue;
    if (img.closest('header, nav, footer, [role="banner"], [role="navigation"]')) continue;
    images.push([shown, img.getAttribute('alt') ?? img.getAttribute('aria-label')]);
  }
  return images;
}

/** Drops what only a live image needs (srcset, lazy attributes, `<picture>` sources) from a copy. */
function settle(img: Element, shown: string | null): void {
  for (const name of ['srcset', 'sizes', 'data-srcset', 'data-lazy-srcset', ...LAZY_ATTRIBUTES])
    img.removeAttribute(name);
  if (img.parentElement?.localName === 'picture')
    img.parentElement.querySelectorAll('source').forEach((source) => source.remove());
  if (shown) img.setAttribute('src', shown);
  // A placeholder is not a picture: leaving it would only count as an image that could not be kept.
  else if (img.parentNode) img.remove();
  else img.removeAttribute('src');
}

/**
 * Makes one copied element show what its live original showed: an `<img>` gets the displayed address,
 * an element presented as an image (`role="img"`) gets an `<img>` of its CSS background.
 */
export function presentDisplayedImage(live: Element, copy: Element): void {
  if (copy.localName === 'img') settle(copy, displayedImageSource(live));
  if (copy.getAttribute('role') !== 'img' || copy.querySelector(':scope > img[data-second-look-background]')) return;
  const source = backgroundImageSource(live);
  if (!source) return;
  const img = copy.ownerDocument.createElement('img');
  img.setAttribute('src', source);
  img.setAttribute('alt', copy.getAttribute('aria-label') ?? '');
  img.setAttribute('data-second-look-background', '');
  copy.append(img);
}

/** `presentDisplayedImage` over a whole copy; `live` and `copy` must have the same shape (a deep clone). */
export function presentDisplayedImages(live: Element, copy: Element): void {
  const pick = (root: Element) => [root, ...Array.from(root.querySelectorAll('img, [role="img"]'))];
  const originals = pick(live);
  pick(copy).forEach((element, i) => presentDisplayedImage(originals[i] ?? element, element));
}
