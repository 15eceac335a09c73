import type { CaseRecord } from '../core/model';
import { recordDocument } from './documents';
import { fhirDateTime, urnUuid, type FhirResource, type Reference } from './resource';
import {
  allergyIntolerance,
  codedObservation,
  condition,
  encounter,
  familyMemberHistory,
  immunization,
  medicationStatement,
  procedure,
} from './write-clinical';
import { imagingStudy } from './write-imaging';
import { labObservation, labReport } from './write-labs';

/** Tags every resource with the record it came from, so our own import can put the record back together. */
export const RECORD_TAG_SYSTEM = 'urn:ietf:rfc:3986';

export interface WrittenResource {
  fullUrl: string;
  resource: FhirResource;
}

/** One record -> its US Core resources (a lab panel gives a DiagnosticReport and one Observation per row). */
export function recordResources(record: CaseRecord, patient: Reference, generatedAt: string): WrittenResource[] {
  const s = record.structured;
  const url = (i: number) => urnUuid(`${record.id}:${i}`);
  const resources: FhirResource[] = [];
  // Not push(...list): a 200,000-row panel would overflow the call stack.
  const add = (list: FhirResource[]) => list.forEach((r) => resources.push(r));
  const date = fhirDateTime(record.clinicalDate);
  if (s?.type === 'lab') {
    const category = record.kind === 'vital-signs' ? 'vital-signs' : 'laboratory';
    const observations = s.results.map((row) =>
      labObservation(row, s, {
        category,
        nonUcumUnit: 'quantity',
        subject: patient,
        fallbackDate: record.clinicalDate,
      }),
    );
    if (category === 'laboratory')
      resources.push(
        labReport(
          s,
          record.title,
          record.clinicalDate,
          patient,
          observations.map((_, i) => ({ reference: url(i + 1) })),
        ),
      );
    add(observations);
  } else if (s?.type === 'medications') add(s.medications.map((m) => medicationStatement(m, patient, generatedAt)));
  else if (s?.type === 'problems') add(s.problems.map((p) => condition(p, patient)));
  else if (s?.type === 'allergies') add(s.allergies.map((a) => allergyIntolerance(a, patient)));
  else if (s?.type === 'immunizations') add(s.immunizations.map((i) => immunization(i, patient)));
  else if (s?.type === 'procedures') add(s.procedures.map((p) => procedure(p, patient)));
  else if (s?.type === 'encounters') add(s.encounters.map((e) => encounter(e, patient)));
  else if (s?.type === 'family-history') add(s.members.map((m) => familyMemberHistory(m, patient)));
  else if (s?.type === 'entries')
    resources.push(
      ...s.entries.map((e) =>
        codedObservation(e, patient, record.kind === 'social-history' ? 'social-history' : 'exam'),
      ),
    );
  else if (s?.type === 'imaging-study') resources.push(imagingStudy(s, patient, record.clinicalDate));
  // A structured list may be empty; reports, notes and pages without structure go as their text.
  if (resources.length === 0) resources.push(recordDocument(record, patient, generatedAt, date));
  const tag = { system: RECORD_TAG_SYSTEM, code: urnUuid(`record:${record.id}`), display: record.title.slice(0, 1000) };
  return resources.map((resource, i) => ({
    fullUrl: url(i),
    resource: withTag(resource, tag),
  }));
}

function withTag(resource: FhirResource, tag: Record<string, string>): FhirResource {
  const { resourceType, meta, ...rest } = resource;
  return { resourceType, meta: { ...(meta as Record<string, unknown> | undefined), tag: [tag] }, ...rest };
}
