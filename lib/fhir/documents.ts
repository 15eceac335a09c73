import type { CaseRecord } from '../core/model';
import { text, utf8Base64, bytesToBase64, type FhirResource, type Reference } from './resource';
import { LOINC } from './write-labs';

/** KTC: every patient-shared document carries this category and the "patient asserted" security label. */
export const PATIENT_SHARED_CATEGORY = {
  system: 'https://cms.gov/fhir/CodeSystem/patient-shared-category',
  code: 'patient-shared',
};
export const PATAST = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  code: 'PATAST',
  display: 'patient asserted',
};
export const PATIENT_STORY_LOINC = { code: '51855-5', display: 'Patient Note' };
export const RENDERED_PDF_LOINC = { code: '60591-5', display: 'Patient summary Document' };

/** LOINC document types (US Core's required binding) for the records we keep as text. */
const DOCUMENT_TYPES: Partial<Record<CaseRecord['kind'], { code: string; display: string }>> = {
  imaging: { code: '18748-4', display: 'Diagnostic imaging study' },
  pathology: { code: '11526-1', display: 'Pathology study' },
  lab: { code: '11502-2', display: 'Laboratory report' },
  surgical: { code: '11504-8', display: 'Surgical operation note' },
  plan: { code: '18776-5', display: 'Plan of care note' },
};
const NOTE_TYPE = { code: '34109-9', display: 'Note' };

export interface DocumentParts {
  type: { code: string; display: string };
  typeText?: string;
  description?: string;
  date: string;
  /** When the document's content is about (the clinical date), if known. */
  period?: string;
  attachments: { contentType: string; data: Uint8Array | string; title?: string }[];
}

/** A DocumentReference as KTC wants it: current, patient-shared, by and about the bundle's Patient, inline data. */
export function patientSharedDocument(parts: DocumentParts, patient: Reference): FhirResource {
  return {
    resourceType: 'DocumentReference',
    meta: { security: [PATAST] },
    status: 'current',
    type: {
      coding: [{ system: LOINC, ...parts.type }],
      ...(text(parts.typeText) ? { text: text(parts.typeText) } : {}),
    },
    category: [{ coding: [PATIENT_SHARED_CATEGORY] }],
    subject: patient,
    date: parts.date,
    author: [patient],
    ...(text(parts.description) ? { description: text(parts.description) } : {}),
    content: parts.attachments.map((a) => ({
      attachment: {
        contentType: a.contentType,
        data: typeof a.data === 'string' ? utf8Base64(a.data) : bytesToBase64(a.data),
        ...(text(a.title) ? { title: text(a.title) } : {}),
      },
    })),
    ...(parts.period ? { context: { period: { start: parts.period } } } : {}),
  };
}

/** The text of a report or note record: its sections or paragraphs, else the page text. */
export function recordText(record: CaseRecord): string {
  const s = record.structured;
  if (s?.type === 'report' && s.sections.length > 0)
    return s.sections.map((x) => `${x.heading}\n${x.text}`).join('\n\n');
  if (s?.type === 'note' && s.paragraphs.length > 0) return s.paragraphs.join('\n\n');
  return record.text;
}

export function recordDocument(record: CaseRecord, patient: Reference, date: string, period?: string): FhirResource {
  const note = record.structured?.type === 'note' ? record.structured : undefined;
  const type = DOCUMENT_TYPES[record.kind] ?? NOTE_TYPE;
  return patientSharedDocument(
    {
      type,
      typeText: note?.noteType ?? undefined,
      description: record.title,
      date,
      period,
      attachments: [
        { contentType: 'text/plain; charset=utf-8', data: recordText(record) || record.title, title: record.title },
      ],
    },
    patient,
  );
}
