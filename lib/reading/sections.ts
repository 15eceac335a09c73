import type { RecordKind } from '../core/model';
import { cellText, inertDocumentFor } from './dom';
import { guessKind } from './kind';
import { queryAll } from './text';

/**
 * A page of many sections (a health summary, a rendered C-CDA, a visit summary): each section under its
 * heading, classified on its own with the kinds of the C-CDA import.
 */
export interface PageSection {
  heading: string;
  /** The heading's id or anchor name, so the record can point back to its place in the page. */
  anchor?: string;
  /** The section: its own container, or a detached copy of the heading and what follows it. */
  element: Element;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const levelOf = (h: Element) => Number(h.tagName.slice(1));
/** Pages with more sections than this are read as one record (the snapshot keeps everything). */
export const MAX_SECTIONS = 500;

function anchorOf(heading: Element): string | undefined {
  const named =
    heading.id || heading.querySelector('a[name], [id]')?.getAttribute('name') || heading.querySelector('[id]')?.id;
  return named && /^[\w.:-]{1,100}$/.test(named) ? named : undefined;
}

/**
 * Sections of `root`: the shallowest heading level that occurs at least twice starts a section (a
 * lone page title above them starts one too); deeper headings stay inside their section. Fewer than
 * two sections: an empty list, and the page is read as one record.
 */
export function pageSections(root: Element): PageSection[] {
  const headings = queryAll(root, HEADINGS).filter((h) => !h.closest('table') && cellText(h) !== '');
  const counts = new Map<number, number>();
  for (const h of headings) counts.set(levelOf(h), (counts.get(levelOf(h)) ?? 0) + 1);
  const level = [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .map(([l]) => l)
    .sort()[0];
  if (level === undefined) return [];
  const heads = headings.filter((h) => levelOf(h) <= level);
  if (heads.length < 2) return [];
  const isHead = new Set(heads);
  const holdsOtherHead = (el: Element, own: Element) =>
    isHead.has(el) ? el !== own : queryAll(el, HEADINGS).some((h) => h !== own && isHead.has(h));
  const inert = inertDocumentFor(root.ownerDocument);
  const sections: PageSection[] = [];
  /** The page's own elements each section holds (or, for a section with nothing under it, its heading). */
  const covered: Element[] = [];
  for (const head of heads) {
    let block: Element = head;
    while (block.parentElement && block.parentElement !== root && !holdsOtherHead(block.parentElement, head))
      block = block.parentElement;
    const heading = cellText(head).slice(0, 500);
    let element: Element;
    if (block !== head && cellText(block).length > heading.length) {
      element = block;
      covered.push(block);
    } else {
      covered.push(block);
      // The heading and the siblings after it, up to the next section's heading: copied into an inert
      // document (a copy in the live page would load its images again).
      element = inert.createElement('section');
      element.append(inert.importNode(block, true));
      for (let next = block.nextElementSibling; next && !holdsOtherHead(next, head); next = next.nextElementSibling) {
        element.append(inert.importNode(next, true));
        covered.push(next);
      }
    }
    if (cellText(element).length <= heading.length) continue;
    sections.push({ heading, anchor: anchorOf(head), element });
  }
  // A heading no section holds (deeper headings between the sections, e.g. under a title whose own section
  // is empty) would take its content with it: then the page is read as one record, so nothing is lost.
  if (headings.some((h) => !covered.some((el) => el.contains(h)))) return [];
  if (sections.length > MAX_SECTIONS) {
    // The sections past the limit go into one last record together: nothing on the page is lost.
    const rest = sections.splice(MAX_SECTIONS - 1);
    const element = inert.createElement('section');
    for (const s of rest)
      element.append(s.element.ownerDocument === inert ? s.element : inert.importNode(s.element, true));
    sections.push({
      heading: `${rest[0]!.heading} (+${rest.length - 1})`.slice(0, 500),
      anchor: rest[0]!.anchor,
      element,
    });
  }
  return sections.length >= 2 ? sections : [];
}

/** Heading words of each family, in the order they are tried ("Reason for visit" is a note, not an encounter). */
const HEADING_KINDS: [RegExp, RecordKind][] = [
  [
    /\b(chief complaint|reason for (visit|referral)|history of present illness|hpi|review of systems|physical exam\w*|subjective|objective|assessment(?! and plan)|general status|indications?|complications?|anesthesia)\b/i,
    'note',
  ],
  [/\bvital/i, 'vital-signs'],
  [/\b(results?|lab(oratory)?s?|chemistry|hematology|urinalysis|panel|blood count)\b/i, 'lab'],
  [/\b(medications?|prescriptions?|medicines?|drugs?)\b/i, 'medication'],
  [/\b(allerg\w*|adverse reactions?|intolerances?)\b/i, 'allergy'],
  [/\bfamily (medical )?history\b/i, 'family-history'],
  [/\bsocial history|smoking|tobacco\b/i, 'social-history'],
  [/\b(immuni[sz]ations?|vaccin\w*)\b/i, 'immunization'],
  [/\b(problems?|diagnos[ie]s|conditions?|past medical history)\b/i, 'problem'],
  [/\b(procedures?|operations?)\b/i, 'procedure'],
  [/\b(encounters?|visits?|admissions?)\b/i, 'encounter'],
  [/\b(plan|treatment|instructions?|goals?|follow[- ]up)\b/i, 'plan'],
  [/\b(imaging|radiology|findings|impressions?|x-?ray|ct|mri|ultrasound|mammogra\w*)\b/i, 'imaging'],
  [/\b(pathology|biopsy|cytology)\b/i, 'pathology'],
  [/\b(notes?|history|summary|narrative|discharge|course)\b/i, 'note'],
];

/** A section's kind from its heading, else from its words; `resultRows` tips an unnamed section to results. */
export function sectionKind(heading: string, text: string, resultRows = 0): RecordKind {
  const byHeading = HEADING_KINDS.find(([re]) => re.test(heading))?.[1];
  if (byHeading) return byHeading;
  if (resultRows >= 2) return 'lab';
  return guessKind(heading, text);
}
