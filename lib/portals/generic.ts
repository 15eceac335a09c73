import { findClinicalDate } from '../capture/dates';
import { guessKind } from '../capture/kind';
import { textOf } from '../capture/text';
import type { PortalAdapter } from './types';

/** The page title without the portal's branding suffix ("Test Details - MyChart"). */
export function pageHeading(doc: Document): string {
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const title = doc.title.split(/\s+[|\u2013\u2014-]\s+/)[0]?.trim();
  return (h1 || title || 'Untitled page').slice(0, 300);
}

/** Any page we do not recognise: one record of the main content, kind and date guessed from the words. */
export const generic: PortalAdapter = {
  id: 'generic',
  name: 'Web page',
  matches: () => true,
  extract: (doc, url) => {
    const element = doc.querySelector('main, [role="main"]') ?? doc.body;
    const title = pageHeading(doc);
    const text = textOf(element);
    return [
      { kind: guessKind(title, text, url.pathname), title, clinicalDate: findClinicalDate(text), element },
    ];
  },
};
