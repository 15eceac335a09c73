import { parseHl7Date } from '../reading';
import { bodyPartOf, modalityOf } from '../reading';
import type { RecordKind, ReportSection, StructuredData } from '../core/model';
import { medications } from './ccda-entries';
import { nameOf, templateRoots } from './ccda-values';
import { resultPanels } from './ccda-results';
import {
  dicomCatalogText,
  roleOf,
  sectionCode,
  sectionList,
  sectionText,
  sectionTitle,
  verbatimKind,
  type SectionRole,
} from './ccda-sections';
import {
  attr,
  child,
  childElements,
  descendants,
  idIndex,
  narrativeText,
  path,
  parseXml,
  type XElement,
  type XmlParser,
} from './xml';

/** A C-CDA document (portal "Download my record") as records, coded entries first, narrative second. */
export interface ImportedRecord {
  kind: RecordKind;
  title: string;
  clinicalDate?: string;
  text: string;
  structured?: StructuredData;
}

/**
 * What became of one top-level section of a document: structured records (how many, of which kind),
 * kept verbatim (its own note record, or a part of the document's note or imaging report), or empty.
 */
export interface SectionOutcome {
  title: string;
  /** LOINC (or DICOM) section code. */
  code?: string;
  outcome: 'structured' | 'verbatim' | 'empty';
  kind?: RecordKind;
  /** Records made from the section (structured: one per panel or list; verbatim: 1). */
  records: number;
  /** Items read from its coded entries (lab rows, allergies, medications ...). */
  entries?: number;
  /** The title of the record that holds it, when it is part of the document's note or imaging report. */
  partOf?: string;
}

export interface CcdaDocument {
  title: string;
  /** LOINC document type code (34133-9 CCD, 11506-3 progress note...). */
  documentType?: string;
  date?: string;
  records: ImportedRecord[];
  /** Every top-level section, in document order, with what became of it. */
  sections: SectionOutcome[];
}

const T = '2.16.840.1.113883.10.20.22';
const hasTemplate = (el: XElement, ...roots: string[]) => templateRoots(el).some((r) => roots.includes(r));
const loinc = (el: XElement | undefined) => attr(child(el, 'code'), 'code');

/** Document types read as a single note (LOINC codes of the C-CDA note documents). */
const NOTE_TYPES: Record<string, { kind: RecordKind; type: string }> = {
  '11506-3': { kind: 'note', type: 'Progress note' },
  '11488-4': { kind: 'note', type: 'Consultation note' },
  '34117-2': { kind: 'note', type: 'History and physical' },
  '18842-5': { kind: 'note', type: 'Discharge summary' },
  '57133-1': { kind: 'note', type: 'Referral note' },
  '11504-8': { kind: 'surgical', type: 'Operative note' },
  '28570-0': { kind: 'surgical', type: 'Procedure note' },
};
const DIR = '18748-4';

/** Top-level sections; a bare `<section>` file (HL7 examples) is its own single section. */
function topSections(root: XElement): XElement[] {
  if (root.localName === 'section') return [root];
  const body = path(root, 'component', 'structuredBody');
  return body
    ? childElements(body, 'component')
        .map((c) => child(c, 'section'))
        .filter((s): s is XElement => !!s)
    : [];
}

/** Well-formed XML that is not a clinical document (an XHTML page, a FHIR resource ...). */
export class NotCcda extends Error {
  override name = 'NotCcda';
}

const paragraphsOf = (text: string) => text.split('\n').filter(Boolean);

/** Parses C-CDA XML into records with the caller's XML parser. Refuses DOCTYPE/entities (see parseXml). */
export function parseCcda(xml: string, parse: XmlParser): CcdaDocument {
  const root = parseXml(xml, parse);
  if (root.localName !== 'ClinicalDocument' && root.localName !== 'section') {
    throw new NotCcda(`Not a C-CDA document (root element is <${root.localName}>).`);
  }
  const ids = idIndex(root);
  const title =
    narrativeText(child(root, 'title')) || (root.localName === 'section' ? sectionTitle(root) : 'Clinical document');
  const documentType = root.localName === 'ClinicalDocument' ? loinc(root) : undefined;
  const date =
    parseHl7Date(attr(path(root, 'documentationOf', 'serviceEvent', 'effectiveTime', 'low'), 'value')) ??
    parseHl7Date(attr(child(root, 'effectiveTime'), 'value'));
  const author = nameOf(path(root, 'author', 'assignedAuthor', 'assignedPerson', 'name'));
  const isImagingReport = documentType === DIR || hasTemplate(root, `${T}.1.5`);
  const noteType = documentType ? NOTE_TYPES[documentType] : undefined;
  const records: ImportedRecord[] = [];
  const sections: SectionOutcome[] = [];
  /** Sections the document's own record (its note or imaging report) holds, with their outcomes. */
  const held: { section: XElement; outcome: SectionOutcome }[] = [];

  for (const section of topSections(root)) {
    const role = roleOf(section);
    const code = sectionCode(section);
    const outcome: SectionOutcome = {
      title: sectionTitle(section).slice(0, 500),
      ...(code ? { code } : {}),
      outcome: 'empty',
      records: 0,
    };
    sections.push(outcome);
    const text = role === 'dicom' ? dicomCatalogText(section) : sectionText(section);
    const structured = (kind: RecordKind, made: ImportedRecord[], entries?: number) => {
      records.push(...made);
      Object.assign(outcome, { outcome: 'structured', kind, records: made.length }, entries ? { entries } : {});
    };

    if (role === 'results' || role === 'vital-signs') {
      const kind = role === 'results' ? 'lab' : 'vital-signs';
      const panels = resultPanels(section, ids);
      if (panels.length > 0)
        structured(
          kind,
          panels.map((panel) => ({
            kind,
            title: panel.name.slice(0, 1000),
            clinicalDate: panel.date ?? date,
            text,
            structured: {
              type: 'lab',
              panel: { name: panel.name.slice(0, 500), ...(panel.date ? { collected: panel.date } : {}) },
              results: panel.rows,
            },
          })),
          panels.reduce((n, p) => n + p.rows.length, 0),
        );
    } else if (role === 'medications') {
      const list = medications(section, ids);
      if (list.length > 0)
        structured(
          'medication',
          [
            {
              kind: 'medication',
              title: outcome.title,
              clinicalDate: date,
              text,
              structured: { type: 'medications', medications: list },
            },
          ],
          list.length,
        );
    } else if (role === 'plan' && text) {
      const note = {
        type: 'note' as const,
        noteType: 'Plan of care',
        paragraphs: paragraphsOf(text),
        ...(author ? { author } : {}),
        section: { ...(code ? { code } : {}), title: outcome.title },
      };
      structured('plan', [{ kind: 'plan', title: outcome.title, clinicalDate: date, text, structured: note }]);
    } else {
      const list = sectionList(role, section, ids);
      if (list && list.count > 0)
        structured(
          list.kind,
          [{ kind: list.kind, title: outcome.title, clinicalDate: date, text, structured: list.structured }],
          list.count,
        );
    }
    if (outcome.outcome !== 'empty' || !text) continue;

    // No structured reader, or nothing coded it could read: the section's narrative as it is.
    if (isImagingReport || (noteType && role === 'narrative')) {
      held.push({ section, outcome });
      continue;
    }
    const kind = role === 'narrative' || role === 'dicom' ? verbatimKind(section) : ROLE_KINDS[role];
    records.push({
      kind,
      title: outcome.title,
      clinicalDate: date,
      text,
      structured: {
        type: 'note',
        noteType: outcome.title,
        paragraphs: paragraphsOf(text),
        section: { ...(code ? { code } : {}), title: outcome.title },
      },
    });
    Object.assign(outcome, { outcome: 'verbatim', kind, records: 1 });
  }

  const document = documentRecord(held, { title, date, author, isImagingReport, noteType, root });
  if (document) {
    records.unshift(document);
    for (const { outcome } of held)
      Object.assign(outcome, { outcome: 'verbatim', kind: document.kind, records: 1, partOf: title });
  }
  return { title, ...(documentType ? { documentType } : {}), ...(date ? { date } : {}), records, sections };
}

const ROLE_KINDS: Record<SectionRole, RecordKind> = {
  results: 'lab',
  'vital-signs': 'vital-signs',
  medications: 'medication',
  problems: 'problem',
  allergies: 'allergy',
  procedures: 'procedure',
  immunizations: 'immunization',
  encounters: 'encounter',
  plan: 'plan',
  'family-history': 'family-history',
  'social-history': 'social-history',
  dicom: 'other',
  narrative: 'other',
};

/** The document as one record when it is an imaging report or a note: the narrative sections it holds. */
function documentRecord(
  held: { section: XElement }[],
  doc: {
    title: string;
    date?: string;
    author?: string;
    isImagingReport: boolean;
    noteType?: { kind: RecordKind; type: string };
    root: XElement;
  },
): ImportedRecord | undefined {
  if (held.length === 0) return undefined;
  const { title, date, author, root } = doc;
  if (doc.isImagingReport) {
    // Diagnostic imaging report: its sections (history, findings, impression) verbatim, nested ones included.
    const sections: ReportSection[] = held
      .flatMap(({ section }) => [section, ...descendants(section, 'section')])
      .map((s) => ({
        heading: sectionTitle(s).slice(0, 500),
        text: roleOf(s) === 'dicom' ? dicomCatalogText(s) : narrativeText(child(s, 'text')),
      }))
      .filter((s) => s.text);
    const exam = attr(path(root, 'documentationOf', 'serviceEvent', 'code'), 'displayName') ?? title;
    const modality = modalityOf(`${exam} ${title}`);
    const bodyPart = bodyPartOf(`${exam} ${title}`);
    return {
      kind: 'imaging',
      title,
      clinicalDate: date,
      text: sections.map((s) => `${s.heading}\n${s.text}`).join('\n\n'),
      structured: {
        type: 'report',
        exam,
        sections,
        ...(modality ? { modality } : {}),
        ...(bodyPart ? { bodyPart } : {}),
      },
    };
  }
  const noteType = doc.noteType!;
  const paragraphs = held.flatMap(({ section }) => [sectionTitle(section), ...paragraphsOf(sectionText(section))]);
  return {
    kind: noteType.kind,
    title,
    clinicalDate: date,
    text: paragraphs.join('\n'),
    structured: { type: 'note', noteType: noteType.type, paragraphs, ...(author ? { author } : {}) },
  };
}
