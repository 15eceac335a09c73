import type { ExtractedRecord } from '../../lib/portals/types';

/** Where a record came from, as a short selector, so golden files show which part of the page was kept. */
export function describeElement(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const classes = Array.from(el.classList)
    .slice(0, 2)
    .map((c) => `.${c}`)
    .join('');
  return `${el.tagName.toLowerCase()}${id}${classes}`;
}

/** An extracted record as plain JSON (the DOM element becomes its selector). */
export function recordJson(record: ExtractedRecord): Record<string, unknown> {
  const { element, ...rest } = record;
  return JSON.parse(JSON.stringify({ ...rest, element: describeElement(element) })) as Record<string, unknown>;
}
