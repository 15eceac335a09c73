import type { RecordKind, StructuredData } from '../core/model';
import {
  allergies,
  codedEntries,
  encounters,
  familyHistory,
  immunizations,
  problems,
  procedures,
} from './ccda-entries';
import { templateRoots } from './ccda-values';
import { attr, child, childElements, descendants, narrativeText, type XElement } from './xml';

/**
 * The C-CDA sections Second Look reads, by templateId (C-CDA R1.1 and R2.1, "entries optional" and
 * "entries required" variants) or LOINC section code. Anything else is kept verbatim.
 */
export type SectionRole =
  | 'results'
  | 'vital-signs'
  | 'medications'
  | 'problems'
  | 'allergies'
  | 'procedures'
  | 'immunizations'
  | 'encounters'
  | 'plan'
  | 'family-history'
  | 'social-history'
  | 'dicom'
  | 'narrative';

const S = '2.16.840.1.113883.10.20.22.2';
const CATALOG: { role: SectionRole; templates: string[]; codes: string[] }[] = [
  { role: 'results', templates: [`${S}.3`, `${S}.3.1`], codes: ['30954-2'] },
  { role: 'vital-signs', templates: [`${S}.4`, `${S}.4.1`], codes: ['8716-3'] },
  {
    role: 'medications',
    // Medications, hospital discharge medications, medications administered.
    templates: [`${S}.1`, `${S}.1.1`, `${S}.11`, `${S}.11.1`, `${S}.38`],
    codes: ['10160-0', '10183-2', '29549-3'],
  },
  { role: 'problems', templates: [`${S}.5`, `${S}.5.1`], codes: ['11450-4'] },
  { role: 'allergies', templates: [`${S}.6`, `${S}.6.1`], codes: ['48765-2'] },
  { role: 'procedures', templates: [`${S}.7`, `${S}.7.1`], codes: ['47519-4'] },
  { role: 'immunizations', templates: [`${S}.2`, `${S}.2.1`], codes: ['11369-6'] },
  { role: 'encounters', templates: [`${S}.22`, `${S}.22.1`], codes: ['46240-8'] },
  // Plan of care / treatment plan, assessment and plan, hospital discharge instructions.
  { role: 'plan', templates: [`${S}.10`, `${S}.9`, `${S}.41`], codes: ['18776-5', '51847-2', '8653-8'] },
  { role: 'family-history', templates: [`${S}.15`], codes: ['10157-6'] },
  { role: 'social-history', templates: [`${S}.17`], codes: ['29762-2'] },
  { role: 'dicom', templates: ['2.16.840.1.113883.10.20.6.1.1'], codes: ['121181'] },
];

/** Narrative sections that are the physician's own words: kept as doctors' notes when they stand alone. */
const CLINICAL_NOTE_CODES = new Set([
  '51848-0', // assessment
  '10154-3', // chief complaint
  '46239-0', // reason for visit / chief complaint
  '29299-5', // reason for visit
  '42349-1', // reason for referral
  '10164-2', // history of present illness
  '11348-0', // past medical history
  '10187-3', // review of systems
  '29545-1', // physical examination
  '10210-3', // general status
  '61149-1', // objective
  '61150-9', // subjective
  '8648-8', // hospital course
  '11535-2', // hospital discharge diagnosis
  '46241-6', // admission diagnosis
]);

export const sectionCode = (section: XElement) => attr(child(section, 'code'), 'code');

export function roleOf(section: XElement): SectionRole {
  const roots = templateRoots(section);
  const code = sectionCode(section);
  const entry =
    CATALOG.find((c) => c.templates.some((t) => roots.includes(t))) ??
    CATALOG.find((c) => code !== undefined && c.codes.includes(code));
  return entry?.role ?? 'narrative';
}

/** The record kind a verbatim section is kept as: doctors' notes for the physician's narrative, else other. */
export const verbatimKind = (section: XElement): RecordKind =>
  CLINICAL_NOTE_CODES.has(sectionCode(section) ?? '') ? 'note' : 'other';

export const sectionTitle = (s: XElement) =>
  narrativeText(child(s, 'title')) || attr(child(s, 'code'), 'displayName') || 'Section';

/** The section's narrative, with its nested subsections' titles and narrative after it. */
export function sectionText(section: XElement): string {
  const own = narrativeText(child(section, 'text'));
  const nested = childElements(section, 'component')
    .map((c) => child(c, 'section'))
    .filter((s): s is XElement => !!s)
    .map((s) => [sectionTitle(s), sectionText(s)].filter(Boolean).join('\n'));
  return [own, ...nested].filter(Boolean).join('\n');
}

type Ids = Map<string, XElement>;

/** Structured lists by section role: the record kind and what its coded entries give (empty: none read). */
export function sectionList(
  role: SectionRole,
  section: XElement,
  ids: Ids,
): { kind: RecordKind; structured: StructuredData; count: number } | undefined {
  switch (role) {
    case 'allergies': {
      const list = allergies(section, ids);
      return { kind: 'allergy', structured: { type: 'allergies', allergies: list }, count: list.length };
    }
    case 'problems': {
      const list = problems(section, ids);
      return { kind: 'problem', structured: { type: 'problems', problems: list }, count: list.length };
    }
    case 'procedures': {
      const list = procedures(section, ids);
      return { kind: 'procedure', structured: { type: 'procedures', procedures: list }, count: list.length };
    }
    case 'immunizations': {
      const list = immunizations(section, ids);
      return {
        kind: 'immunization',
        structured: { type: 'immunizations', immunizations: list },
        count: list.length,
      };
    }
    case 'encounters': {
      const list = encounters(section, ids);
      return { kind: 'encounter', structured: { type: 'encounters', encounters: list }, count: list.length };
    }
    case 'family-history': {
      const list = familyHistory(section, ids);
      return { kind: 'family-history', structured: { type: 'family-history', members: list }, count: list.length };
    }
    case 'social-history': {
      const list = codedEntries(section, ids);
      return { kind: 'social-history', structured: { type: 'entries', entries: list }, count: list.length };
    }
    default:
      return undefined;
  }
}

/**
 * A DICOM object catalog as text: the study and series UIDs (what a radiologist asks the imaging
 * department for), each series' modality and its number of images.
 */
export function dicomCatalogText(section: XElement): string {
  const lines: string[] = [];
  for (const study of descendants(section, 'act').filter((a) => attr(child(a, 'code'), 'code') === '113014')) {
    lines.push(`Study ${attr(child(study, 'id'), 'root') ?? ''}`.trim());
    for (const series of descendants(study, 'act').filter((a) => attr(child(a, 'code'), 'code') === '113015')) {
      const code = child(series, 'code');
      const modality = (code ? descendants(code, 'value') : [])
        .map((v) => attr(v, 'displayName') ?? attr(v, 'code'))
        .find(Boolean);
      const images = descendants(series, 'observation').filter((o) => attr(o, 'classCode') === 'DGIMG').length;
      lines.push(
        `Series ${attr(child(series, 'id'), 'root') ?? ''}${modality ? ` (${modality})` : ''}: ${images} image(s)`,
      );
    }
  }
  return lines.join('\n');
}
