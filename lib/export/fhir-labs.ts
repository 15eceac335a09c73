import type { CaseRecord, LabPanel, LabResultRow, ReadBy } from '../core/model';
import { labSeries, type LabObservation, type LabSource } from '../labs';
import { labObservation as writeLabObservation, labReport as writeLabReport, ucumUnit } from '../fhir';
import { text, type FhirResource, type Reference } from './fhir-types';

/** How a value was read (coded-entry, adapter, content): Second Look's own extension. */
export const READ_BY_EXTENSION = 'urn:second-look:fhir:lab-read-by';
/** The lab identity key: Observations with the same key are the same test (see lib/labs). */
export const LAB_IDENTITY_EXTENSION = 'urn:second-look:fhir:lab-test-identity';

export { ucumUnit };

const READ_BY_TEXT: Record<ReadBy, string> = {
  'coded-entry': 'read from a coded entry of the source document',
  adapter: "read by Second Look's reader for this portal's page layout",
  content: 'read from the text of the page (no coded entry, no known layout): check it against the record page',
};

const sourceText = (source: LabSource) =>
  `${source.recordTitle} (${source.portal}): ${source.readBy ? READ_BY_TEXT[source.readBy] : 'how it was read was not recorded'}`;

/** Notes for the doctor: how the value was read, every record that holds it, and any disagreement. */
function labNotes(row: LabResultRow, merged: LabObservation | undefined): { text: string }[] {
  const notes: string[] = [];
  const own = text(row.notes);
  if (own) notes.push(own);
  if (merged && merged.sources.length > 1) {
    notes.push(`The same result is in ${merged.sources.length} records; ${merged.sources.map(sourceText).join('; ')}.`);
  } else if (row.readBy) {
    notes.push(`Value ${READ_BY_TEXT[row.readBy]}.`);
  }
  if (merged?.conflict) {
    notes.push(
      `Sources differ: for this test at the same time ${merged.disagreeing
        .map((d) => `${d.source.recordTitle} (${d.source.portal}) gives ${d.value}`)
        .join('; ')}. Both values are kept; neither is preferred.`,
    );
  }
  return notes.map((note) => ({ text: text(note)! })).filter((n) => n.text);
}

/**
 * The package's Observation for a lab row: the FHIR room's writer, with a value whose unit is not UCUM
 * written as text, and notes on how the value was read and which records hold it.
 */
export function labObservation(
  row: LabResultRow,
  panel: LabPanel,
  record: CaseRecord,
  merged?: LabObservation,
): FhirResource {
  const extension = [
    ...(row.readBy ? [{ url: READ_BY_EXTENSION, valueCode: row.readBy }] : []),
    ...(merged ? [{ url: LAB_IDENTITY_EXTENSION, valueString: merged.identity.key }] : []),
  ];
  return writeLabObservation(row, panel, {
    category: 'laboratory',
    nonUcumUnit: 'string',
    fallbackDate: record.clinicalDate,
    ...(merged?.date ? { date: merged.date } : {}),
    notes: labNotes(row, merged),
    extension,
  });
}

/** Where a lab row's Observation lives in the bundle: in its own record, or in the first record that holds the same result. */
export interface LabRowPlace {
  recordId: string;
  /** 1-based position among that record's resources (0 is its DiagnosticReport). */
  position: number;
}

/**
 * Each result once in the bundle: a row that repeats a result of an earlier record (same test, time and
 * value, by the lab identity) gets no Observation of its own; its report points at the first one, and
 * its record's Provenance names it too.
 */
export class LabBundlePlan {
  private readonly merged = new Map<string, LabObservation>();
  private readonly owner = new Map<string, { recordId: string; row: number }>();
  private readonly emitted = new Map<string, number[]>();

  constructor(records: CaseRecord[]) {
    for (const series of labSeries(records)) {
      for (const obs of series.observations) {
        const first = obs.sources[0]!;
        for (const source of obs.sources) {
          this.merged.set(`${source.recordId}:${source.row}`, obs);
          this.owner.set(`${source.recordId}:${source.row}`, { recordId: first.recordId, row: first.row });
        }
      }
    }
    for (const record of records) {
      if (record.structured?.type !== 'lab') continue;
      const rows = record.structured.results.map((_, i) => i).filter((i) => !this.isRepeat(record.id, i));
      this.emitted.set(record.id, rows);
    }
  }

  isRepeat(recordId: string, row: number): boolean {
    const owner = this.owner.get(`${recordId}:${row}`);
    return !!owner && owner.recordId !== recordId;
  }

  observation(recordId: string, row: number): LabObservation | undefined {
    return this.merged.get(`${recordId}:${row}`);
  }

  /** Where the Observation of this row is. */
  place(recordId: string, row: number): LabRowPlace {
    const owner = this.owner.get(`${recordId}:${row}`);
    const at = owner && owner.recordId !== recordId ? owner : { recordId, row };
    return { recordId: at.recordId, position: (this.emitted.get(at.recordId)?.indexOf(at.row) ?? at.row) + 1 };
  }
}

/** A lab panel's resources: its DiagnosticReport, then an Observation for each row no earlier record holds. */
export function labResources(
  panel: LabPanel,
  record: CaseRecord,
  plan: LabBundlePlan,
  reference: (place: LabRowPlace) => Reference,
): { resources: FhirResource[]; shared: Reference[] } {
  const observations: FhirResource[] = [];
  const results: Reference[] = [];
  const shared: Reference[] = [];
  panel.results.forEach((row, i) => {
    const ref = reference(plan.place(record.id, i));
    results.push(ref);
    if (plan.isRepeat(record.id, i)) shared.push(ref);
    else observations.push(labObservation(row, panel, record, plan.observation(record.id, i)));
  });
  return { resources: [labReport(panel, record, results), ...observations], shared };
}

/** One DiagnosticReport (category LAB) grouping the panel's Observations. */
export const labReport = (panel: LabPanel, record: CaseRecord, results: Reference[]): FhirResource =>
  writeLabReport(panel, record.title, record.clinicalDate, undefined, results);
