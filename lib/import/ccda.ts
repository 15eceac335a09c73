import { parseHl7Date } from '../reading';
import { bodyPartOf, modalityOf } from '../reading';
import type { Medication, RecordKind, ReportSection, StructuredData } from '../core/model';
import { codeText, resultPanels } from './ccda-results';
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

/** Issue 3: a C-CDA document (portal "Download my record") as records, coded entries first, narrative second. */
export interface ImportedRecord {
  kind: RecordKind;
  title: string;
  clinicalDate?: string;
  text: string;
  structured?: StructuredData;
}

export interface CcdaDocument {
  title: string;
  /** LOINC document type code (34133-9 CCD, 11506-3 progress note...). */
  documentType?: string;
  date?: string;
  records: ImportedRecord[];
}

const T = '2.16.840.1.113883.10.20.22';
const templates = (el: XElement) => childElements(el, 'templateId').map((t) => attr(t, 'root') ?? '');
const hasTemplate = (el: XElement, ...roots: string[]) => templates(el).some((r) => roots.includes(r));
const loinc = (el: XElement | undefined) => attr(child(el, 'code'), 'code');

type SectionRole = 'results' | 'medications' | 'problems' | 'dicom' | 'other';

function roleOf(section: XElement): SectionRole {
  const code = loinc(section);
  if (hasTemplate(section, `${T}.2.3`, `${T}.2.3.1`) || code === '30954-2') return 'results';
  if (hasTemplate(section, `${T}.2.1`, `${T}.2.1.1`) || code === '10160-0') return 'medications';
  if (hasTemplate(section, `${T}.2.5`, `${T}.2.5.1`) || code === '11450-4') return 'problems';
  if (code === '121181') return 'dicom';
  return 'other';
}

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

const personName = (name: XElement | undefined) =>
  name
    ? [
        ...childElements(name, 'prefix'),
        ...childElements(name, 'given'),
        ...childElements(name, 'family'),
        ...childElements(name, 'suffix'),
      ]
        .map((p) => narrativeText(p))
        .filter(Boolean)
        .join(' ') || narrativeText(name)
    : undefined;

const sectionTitle = (s: XElement) =>
  narrativeText(child(s, 'title')) || attr(child(s, 'code'), 'displayName') || 'Section';

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

function medications(section: XElement, ids: Map<string, XElement>): Medication[] {
  const meds: Medication[] = [];
  for (const sa of descendants(section, 'substanceAdministration')) {
    if (sa.getAttribute('moodCode') && !['EVN', 'INT'].includes(sa.getAttribute('moodCode')!)) continue;
    const material = path(sa, 'consumable', 'manufacturedProduct', 'manufacturedMaterial');
    const name = codeText(child(material, 'code'), ids) ?? (narrativeText(child(material, 'name')) || undefined);
    if (!name) continue;
    const med: Medication = { name: name.slice(0, 500) };
    const dose = child(sa, 'doseQuantity');
    const doseUnit = attr(dose, 'unit') === '1' ? '' : (attr(dose, 'unit') ?? ''); // UCUM "1": a count
    if (attr(dose, 'value')) med.dose = `${attr(dose, 'value')} ${doseUnit}`.trim();
    const route = attr(child(sa, 'routeCode'), 'displayName');
    if (route) med.route = route;
    for (const time of childElements(sa, 'effectiveTime')) {
      const period = child(time, 'period');
      if (period) med.frequency = `every ${attr(period, 'value')} ${attr(period, 'unit') ?? ''}`.trim();
      const start = parseHl7Date(attr(child(time, 'low'), 'value'));
      if (start) med.startDate = start;
    }
    const status = attr(child(sa, 'statusCode'), 'code');
    if (status) med.status = status;
    meds.push(med);
  }
  return meds;
}

function problems(section: XElement, ids: Map<string, XElement>): string[] {
  return childElements(section, 'entry').flatMap((entry) =>
    descendants(entry, 'observation')
      .slice(0, 1)
      .map((obs) => {
        const name = codeText(child(obs, 'value'), ids) ?? codeText(child(obs, 'code'), ids) ?? 'Problem';
        const onset = parseHl7Date(attr(path(obs, 'effectiveTime', 'low'), 'value'));
        const status = attr(child(child(entry, 'act'), 'statusCode'), 'code');
        return [name, onset && `onset ${onset}`, status].filter(Boolean).join(' - ');
      }),
  );
}

/** Parses C-CDA XML into records with the caller's XML parser. Refuses DOCTYPE/entities (see parseXml). */
export function parseCcda(xml: string, parse: XmlParser): CcdaDocument {
  const root = parseXml(xml, parse);
  if (root.localName !== 'ClinicalDocument' && root.localName !== 'section') {
    throw new Error(`Not a C-CDA document (root element is <${root.localName}>).`);
  }
  const ids = idIndex(root);
  const title =
    narrativeText(child(root, 'title')) || (root.localName === 'section' ? sectionTitle(root) : 'Clinical document');
  const documentType = root.localName === 'ClinicalDocument' ? loinc(root) : undefined;
  const date =
    parseHl7Date(attr(path(root, 'documentationOf', 'serviceEvent', 'effectiveTime', 'low'), 'value')) ??
    parseHl7Date(attr(child(root, 'effectiveTime'), 'value'));
  const author = personName(path(root, 'author', 'assignedAuthor', 'assignedPerson', 'name'));
  const records: ImportedRecord[] = [];
  const narrative: XElement[] = [];
  for (const section of topSections(root)) {
    const role = roleOf(section);
    const text = narrativeText(child(section, 'text'));
    if (role === 'results') {
      for (const panel of resultPanels(section, ids)) {
        records.push({
          kind: 'lab',
          title: panel.name.slice(0, 1000),
          clinicalDate: panel.date ?? date,
          text,
          structured: {
            type: 'lab',
            panel: { name: panel.name.slice(0, 500), ...(panel.date ? { collected: panel.date } : {}) },
            results: panel.rows,
          },
        });
      }
    } else if (role === 'medications') {
      records.push({
        kind: 'medication',
        title: sectionTitle(section),
        clinicalDate: date,
        text,
        structured: { type: 'medications', medications: medications(section, ids) },
      });
    } else if (role === 'problems') {
      records.push({
        kind: 'other',
        title: sectionTitle(section),
        clinicalDate: date,
        text,
        structured: { type: 'note', noteType: 'Problem list', paragraphs: problems(section, ids) },
      });
    } else if (role === 'other') narrative.push(section);
  }
  const noteType = documentType ? NOTE_TYPES[documentType] : undefined;
  if (documentType === DIR || hasTemplate(root, `${T}.1.5`)) {
    // Diagnostic imaging report: its sections (history, findings, impression) verbatim, nested ones included.
    const sections: ReportSection[] = narrative
      .flatMap((s) => [s, ...descendants(s, 'section')])
      .filter((s) => roleOf(s) !== 'dicom')
      .map((s) => ({ heading: sectionTitle(s), text: narrativeText(child(s, 'text')) }))
      .filter((s) => s.text);
    const exam = attr(path(root, 'documentationOf', 'serviceEvent', 'code'), 'displayName') ?? title;
    const modality = modalityOf(`${exam} ${title}`);
    const bodyPart = bodyPartOf(`${exam} ${title}`);
    records.unshift({
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
    });
  } else if (noteType && narrative.length > 0) {
    const paragraphs = narrative
      .flatMap((s) => [sectionTitle(s), ...narrativeText(child(s, 'text')).split('\n')])
      .filter(Boolean);
    records.unshift({
      kind: noteType.kind,
      title,
      clinicalDate: date,
      text: paragraphs.join('\n'),
      structured: { type: 'note', noteType: noteType.type, paragraphs, ...(author ? { author } : {}) },
    });
  }
  return { title, ...(documentType ? { documentType } : {}), ...(date ? { date } : {}), records };
}
