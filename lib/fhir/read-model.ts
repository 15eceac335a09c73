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
  /** Outcome per resource, as `file#Type/id`. */
  outcomes: Map<string, ResourceOutcome>;
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

export class Resolver {
  private readonly byRef = new Map<string, FhirItem>();
  constructor(items: FhirItem[]) {
    for (const item of items) {
      if (item.fullUrl) this.byRef.set(item.fullUrl, item);
      if (item.resource.id) this.byRef.set(resourceKey(item.resource), item);
    }
  }
  resolve(from: FhirItem, reference: unknown): Json | undefined {
    if (typeof reference !== 'string') return undefined;
    if (reference.startsWith('#'))
      return ((from.resource.contained as Json[] | undefined) ?? []).find((c) => `#${c.id}` === reference);
    const found = this.byRef.get(reference) ?? this.byRef.get(reference.split('/').slice(-2).join('/'));
    return found?.resource;
  }
  item(reference: unknown): FhirItem | undefined {
    return typeof reference === 'string'
      ? (this.byRef.get(reference) ?? this.byRef.get(reference.split('/').slice(-2).join('/')))
      : undefined;
  }
}
