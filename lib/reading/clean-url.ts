/** The source address as stored: scheme, host and path only. Query strings and fragments often carry
 * session tokens or patient identifiers, and credentials in URLs are secrets. */
export function cleanSourceUrl(raw: string): { origin: string; path: string; url: string } {
  const url = new URL(raw);
  const origin = url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
  return { origin, path: url.pathname, url: origin + url.pathname };
}

/** The permission pattern for a portal: host only, because Firefox match patterns cannot carry a port. */
export function originPattern(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

/** Pages no extension may script: say so instead of failing obscurely. */
export function isScriptableUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const storeHosts = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org'];
  if (storeHosts.includes(url.hostname)) return false;
  return !/\.pdf$/i.test(url.pathname);
}
