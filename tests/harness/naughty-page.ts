import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** big-list-of-naughty-strings (MIT), all of it: 461 strings, including the empty one. */
export const NAUGHTY: string[] = (require('big-list-of-naughty-strings') as string[]).filter((s) => s.length > 0);

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page listing every string as text, one per item (what a portal shows when a field holds one). */
export function naughtyPage(strings: string[] = NAUGHTY): string {
  const items = strings.map((s, i) => `<li data-n="${i}">${escape(s)}</li>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Naughty strings</title></head>
<body><main><h1>Naughty strings</h1><ol id="naughty">${items}</ol></main></body></html>`;
}

/** Reads the items back from any markup holding that list; runs in the browser (DOMParser is inert). */
export function itemTexts(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('li')).map((li) => li.textContent ?? '');
}
