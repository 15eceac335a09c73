import { codeSystemName } from '../core/code-systems';
import type { Coding } from '../core/model';
import { parseHl7Date } from '../reading';
import { codeText } from './ccda-results';
import { attr, child, childElements, descendants, narrativeText, path, type XElement } from './xml';

/** How C-CDA elements carry their values (codes, dates, names, references into the narrative), read once for every section reader. */

/** Narrative elements by their ID attribute, for `<reference value="#id"/>`. */
export type Ids = Map<string, XElement>;

export const cut = (text: string | undefined, max: number) => (text ? text.slice(0, max) : undefined);
/** The templateId roots an element declares: what C-CDA says the element is. */
export const templateRoots = (el: XElement) => childElements(el, 'templateId').map((t) => attr(t, 'root') ?? '');
/** The observations under an element that declare `root`. */
export const withTemplate = (el: XElement, root: string) =>
  descendants(el, 'observation').filter((o) => templateRoots(o).includes(root));

/** Drops undefined fields so the records compare and serialise cleanly. */
export function defined<R extends object>(record: R): R {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== '')) as R;
}

/** A code as the source gave it; none when the element is missing or only a nullFlavor. */
export function codingOf(code: XElement | undefined): Coding | undefined {
  const value = attr(code, 'code');
  if (!code || !value) return undefined;
  const oid = attr(code, 'codeSystem');
  return defined({
    // One system has one name whatever each exporter wrote in codeSystemName.
    system: cut(codeSystemName(oid) ?? attr(code, 'codeSystemName') ?? oid, 200),
    code: value.slice(0, 100),
    display: cut(attr(code, 'displayName'), 500),
  });
}

export const low = (el: XElement | undefined) => parseHl7Date(attr(child(el, 'low'), 'value') ?? attr(el, 'value'));
export const high = (el: XElement | undefined) => parseHl7Date(attr(child(el, 'high'), 'value'));
export const valueText = (obs: XElement | undefined, ids: Ids) => {
  const value = child(obs, 'value');
  if (!value || attr(value, 'nullFlavor')) return undefined;
  if (attr(value, 'value') !== undefined) {
    const unit = attr(value, 'unit');
    return `${attr(value, 'value')}${unit && unit !== '1' ? ` ${unit}` : ''}`;
  }
  return codeText(value, ids) ?? (narrativeText(value) || undefined);
};
/** The narrative an element points at with `<text><reference value="#id"/></text>`. */
export const referencedText = (el: XElement | undefined, ids: Ids) => {
  const ref = attr(path(el, 'text', 'reference'), 'value')?.replace(/^#/, '');
  return ref ? narrativeText(ids.get(ref)) || undefined : undefined;
};
/** A person's name from its parts (prefix, given, family, suffix), else the element's text. */
export const nameOf = (el: XElement | undefined) => {
  if (!el) return undefined;
  const parts = ['prefix', 'given', 'family', 'suffix'].flatMap((n) => childElements(el, n).map(narrativeText));
  return parts.filter(Boolean).join(' ') || narrativeText(el) || undefined;
};
export const statusValue = (obs: XElement | undefined, ids: Ids) =>
  obs ? (codeText(child(obs, 'value'), ids) ?? attr(child(obs, 'value'), 'code')) : undefined;
