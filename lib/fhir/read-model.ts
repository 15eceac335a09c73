import type { PatientDetails, Story } from '../core/workspace-model';
import type { ReadProblem } from './read-documents';
import type { ReadRecord, Source } from './read-record';
import { resourceKey, type Json } from './read-values';
import { RECORD_TAG_SYSTEM } from './record-resources';
import type { StoryQuestion } from './story-pdf';

export interface FhirItem {
  file: string;
  fullUrl?: string;
  resource: Json;
}

/** What became of a resource: a structured record, kept as is, "About the patient", or the patient's story. */
export type ResourceOutcome = 'structured' | 'verbatim' | 'patient' | 'story';
export interface ReportLine {
  resourceType: string;
  outcome: ResourceOutcome;
  count: number;
}
export interface ReportProblem {
  file: string;
  resource: string;
  problem: ReadProblem;
  detail: string;
}

export interface FhirRead {
  records: ReadRecord[];
  report: ReportLine[];
  problems: ReportProblem[];
  patient?: PatientDetails;
  story?: { story: Story; questions: StoryQuestion[] };
}

/** Reports a problem with one resource (it is still kept). */
export type ProblemSink = (item: FhirItem, kind: ReadProblem, detail: string) => void;

/** Our own bundle tags each resource with the record it came from: the record comes back whole. */
export const recordTag = (r: Json): { code: string; display?: string } | undefined =>
  ((r.meta?.tag as Json[] | undefined) ?? []).find(
    (t) => t.system === RECORD_TAG_SYSTEM && typeof t.code === 'string' && t.code.startsWith('urn:uuid:'),
  ) as { code: string; display?: string } | undefined;

export const source = (item: FhirItem): Source => ({ file: item.file, key: resourceKey(item.resource) });

/** The references a resource can be found by: its fullUrl and `Type/id`. */
export const itemKeys = (item: FhirItem): string[] => [
  ...(item.fullUrl ? [item.fullUrl] : []),
  ...(item.resource.id ? [resourceKey(item.resource)] : []),
];

/** `http://host/fhir/Observation/1` is also found as `Observation/1`. */
export const shortReference = (reference: string): string => reference.split('/').slice(-2).join('/');
