import { JSDOM } from 'jsdom';

/**
 * The top-level sections of a C-CDA document read with a plain DOM walk (ClinicalDocument / component /
 * structuredBody / component / section), independently of lib/import, for tests to compare against.
 */
const HL7 = 'urn:hl7-org:v3';

export interface XmlSection {
  title: string;
  code?: string;
  /** The narrative's characters without whitespace (cells and lines are joined differently by each reader). */
  narrative: string;
  entries: number;
  /** Identifiers of the coded entries' acts (for sections without narrative, e.g. a DICOM catalog). */
  ids: string[];
}

export function sectionsOf(xml: string): XmlSection[] {
  // Some HL7 examples use xsi: without declaring it; the walk only needs element names and text.
  const doc = new new JSDOM('').window.DOMParser().parseFromString(
    xml.replace(/\sxsi:type="[^"]*"/g, ''),
    'application/xml',
  );
  const root = doc.documentElement;
  const kids = (el: Element, name: string) => Array.from(el.children).filter((c) => c.localName === name);
  const sections =
    root.localName === 'section'
      ? [root]
      : kids(root, 'component')
          .flatMap((c) => kids(c, 'structuredBody'))
          .flatMap((b) => kids(b, 'component'))
          .flatMap((c) => kids(c, 'section'));
  return sections.map((s) => {
    const code = kids(s, 'code')[0]?.getAttribute('code') ?? undefined;
    const title = kids(s, 'title')[0]?.textContent?.trim() || kids(s, 'code')[0]?.getAttribute('displayName') || '';
    const entries = kids(s, 'entry');
    return {
      title,
      ...(code ? { code } : {}),
      narrative: (kids(s, 'text')[0]?.textContent ?? '').replace(/\s+/g, ''),
      entries: entries.length,
      ids: entries.flatMap((e) =>
        Array.from(e.getElementsByTagNameNS(HL7, 'id'))
          .slice(0, 1)
          .map((id) => id.getAttribute('root') ?? ''),
      ),
    };
  });
}
