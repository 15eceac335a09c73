import { sha256 } from '@noble/hashes/sha2.js';
import type { CaseRecord, MedicationList } from '../core/model';
import { imagingStudy, medicationStatement } from '../fhir';
import { LabBundlePlan, labResources } from './fhir-labs';
import { bytesToBase64 } from './files';
import { studyFiles } from './fhir-imaging';
import { fhirDateTime, text, type FhirResource, type Reference } from './fhir-types';
import { KIND_LABELS } from './kind-labels';

/** R4 requires a subject; the package carries no patient identifiers on purpose. */
const THE_PATIENT = { display: 'The patient' };

/** A file in the zip as FHIR Attachment needs it. */
export interface FhirFileRef {
  path: string;
  size: number;
  /** SHA-1, base64: what FHIR R4 Attachment.hash holds. */
  sha1: string;
  mediaType: string;
  title: string;
}

export interface FhirRecordInput {
  record: CaseRecord;
  /** record.html and record.txt. */
  pages: FhirFileRef[];
  attachments: FhirFileRef[];
}

/**
 * Stable urn:uuid per (record, resource): the same case gives the same bundle, and the ids, being
 * derived from random record ids, say nothing about the patient.
 */
export function stableUuid(seed: string): string {
  const bytes = sha256(new TextEncoder().encode(seed)).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8: custom
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const utf8Base64 = (value: string) => bytesToBase64(new TextEncoder().encode(value));
const REPORT_CATEGORY = {
  imaging: ['RAD', 'Radiology'],
  pathology: ['PAT', 'Pathology'],
  lab: ['LAB', 'Laboratory'],
} as const;

function attachment(file: FhirFileRef) {
  return { contentType: file.mediaType, url: file.path, size: file.size, hash: file.sha1, title: file.title };
}

function reportText(record: CaseRecord): string {
  const s = record.structured;
  if (s?.type === 'report' && s.sections.length > 0)
    return s.sections.map((x) => `${x.heading}\n${x.text}`).join('\n\n');
  return record.text;
}

/** Imaging, pathology and unstructured lab reports: DiagnosticReport with the report text as presentedForm. */
function textReport(record: CaseRecord, kind: keyof typeof REPORT_CATEGORY): FhirResource {
  const [code, display] = REPORT_CATEGORY[kind];
  const s = record.structured?.type === 'report' ? record.structured : undefined;
  const effective = fhirDateTime(record.clinicalDate);
  const body = reportText(record);
  return {
    resourceType: 'DiagnosticReport',
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code, display }] }],
    code: { text: text(s?.exam) ?? text(record.title) ?? display },
    ...(effective ? { effectiveDateTime: effective } : {}),
    ...(body.trim()
      ? { presentedForm: [{ contentType: 'text/plain', data: utf8Base64(body), title: text(record.title) }] }
      : {}),
  };
}

function documentReference(record: CaseRecord, files: FhirFileRef[], description: string | undefined): FhirResource {
  const note = record.structured?.type === 'note' ? record.structured : undefined;
  const start = fhirDateTime(record.clinicalDate);
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { text: text(note?.noteType) ?? KIND_LABELS[record.kind] },
    date: new Date(record.capturedAt).toISOString(),
    ...(text(note?.author) ? { author: [{ display: text(note?.author) }] } : {}),
    ...(text(description) ? { description: text(description) } : {}),
    content: files.map((file) => ({ attachment: attachment(file) })),
    ...(start ? { context: { period: { start } } } : {}),
  };
}

const resourceRef = (recordId: string, index: number): Reference => ({
  reference: `urn:uuid:${stableUuid(`${recordId}:${index}`)}`,
});

/** The record's own resources, and the resources of other records it also holds (a lab result seen twice). */
function recordResources(item: FhirRecordInput, labs: LabBundlePlan): { own: FhirResource[]; shared: Reference[] } {
  const { record } = item;
  const s = record.structured;
  const out: FhirResource[] = [];
  let shared: Reference[] = [];
  if (s?.type === 'lab') {
    const lab = labResources(s, record, labs, (place) => resourceRef(place.recordId, place.position));
    out.push(...lab.resources);
    shared = lab.shared;
  } else if (s?.type === 'imaging-study') {
    // The images themselves: one ImagingStudy and one DocumentReference listing every file of it.
    out.push(imagingStudy(s, THE_PATIENT, record.clinicalDate));
    if (item.attachments.length > 0) out.push(studyFiles(record, item.attachments, resourceRef(record.id, 0)));
    return { own: out, shared };
  } else if (s?.type === 'medications' && s.medications.length > 0) {
    const asserted = new Date(record.capturedAt).toISOString();
    out.push(...(s as MedicationList).medications.map((med) => medicationStatement(med, THE_PATIENT, asserted)));
  } else if (record.kind === 'imaging' || record.kind === 'pathology' || record.kind === 'lab') {
    out.push(textReport(record, record.kind));
  } else {
    out.push(documentReference(record, item.pages, record.title));
  }
  for (const file of item.attachments) out.push(documentReference(record, [file], `${record.title}: ${file.title}`));
  return { own: out, shared };
}

function provenance(item: FhirRecordInput, targets: Reference[], agent: string): FhirResource {
  const { record } = item;
  const source = text(`${record.provenance.origin}${record.provenance.path}`);
  return {
    resourceType: 'Provenance',
    target: targets,
    recorded: new Date(record.capturedAt).toISOString(),
    agent: [
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'author',
              display: 'Author',
            },
          ],
        },
        who: { display: agent },
      },
    ],
    entity: [
      {
        role: 'source',
        what: {
          display: source
            ? `${text(record.provenance.portal) ?? 'portal'}: ${source}`
            : (text(record.provenance.portal) ?? 'patient portal'),
        },
      },
    ],
  };
}

/** data/fhir-bundle.json: FHIR R4 Bundle of type collection (PACKAGE.md). */
export function fhirBundle(items: FhirRecordInput[], options: { generatedAt: Date; agent: string }): FhirResource {
  const entry: { fullUrl: string; resource: FhirResource }[] = [];
  const labs = new LabBundlePlan(items.map((item) => item.record));
  for (const item of items) {
    const { own, shared } = recordResources(item, labs);
    const refs = own.map((_, i) => resourceRef(item.record.id, i));
    own.forEach((resource, i) => entry.push({ fullUrl: refs[i]!.reference, resource }));
    entry.push({
      fullUrl: `urn:uuid:${stableUuid(`${item.record.id}:provenance`)}`,
      resource: provenance(item, [...refs, ...shared], options.agent),
    });
  }
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: options.generatedAt.toISOString(),
    ...(entry.length ? { entry } : {}),
  };
}
