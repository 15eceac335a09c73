import { deflateZlib } from '../zip';
import type { NewPdf, PdfWriter } from './pdf-writer';
import { conceptText, day, flagText, newestFirst, observationValue, rangeText } from './render-values';
import type { FhirResource } from './resource';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const categoryCodes = (r: Json): string[] =>
  ((r.category as Json[] | undefined) ?? []).flatMap((c) =>
    ((c.coding as Json[] | undefined) ?? []).map((x) => String(x.code)),
  );
const isCategory = (r: Json, code: string) => categoryCodes(r).includes(code);
const status = (r: Json) => conceptText(r.clinicalStatus) || (typeof r.status === 'string' ? r.status : '');
const joined = (parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' - ');

/** One line per resource for the lists; every key value on the line, so the line is the record. */
const LINES: Record<string, (r: Json) => string> = {
  Condition: (r) =>
    joined([
      conceptText(r.code),
      status(r) && `status ${status(r)}`,
      r.onsetDateTime && `onset ${day(r.onsetDateTime)}`,
      r.abatementDateTime && `resolved ${day(r.abatementDateTime)}`,
    ]),
  AllergyIntolerance: (r) =>
    joined([
      conceptText(r.code),
      status(r) && `status ${status(r)}`,
      ...((r.reaction as Json[] | undefined) ?? []).map((x) =>
        joined([
          `reaction ${(x.manifestation as Json[]).map(conceptText).join(', ')}`,
          x.severity && `severity ${x.severity}`,
          x.description,
        ]),
      ),
      r.onsetDateTime && `onset ${day(r.onsetDateTime)}`,
    ]),
  MedicationStatement: (r) =>
    joined([
      conceptText(r.medicationCodeableConcept) || r.medicationReference?.display,
      ...((r.dosage as Json[] | undefined) ?? []).flatMap((d) => [
        d.text,
        conceptText(d.route),
        conceptText(d.timing?.code),
      ]),
      `status ${r.status}`,
      r.effectivePeriod?.start && `since ${day(r.effectivePeriod.start)}`,
    ]),
  Immunization: (r) =>
    joined([
      conceptText(r.vaccineCode),
      r.occurrenceDateTime ? day(r.occurrenceDateTime) : r.occurrenceString,
      `status ${r.status}`,
      r.lotNumber && `lot ${r.lotNumber}`,
    ]),
  Procedure: (r) =>
    joined([
      conceptText(r.code),
      r.performedDateTime && day(r.performedDateTime),
      `status ${r.status}`,
      ...((r.performer as Json[] | undefined) ?? []).map((p) => p.actor?.display && `by ${p.actor.display}`),
      ...((r.bodySite as Json[] | undefined) ?? []).map((b) => `site ${conceptText(b)}`),
    ]),
  Encounter: (r) =>
    joined([
      ((r.type as Json[] | undefined) ?? []).map(conceptText).join(', '),
      r.period?.start && `from ${day(r.period.start)}`,
      r.period?.end && `to ${day(r.period.end)}`,
      ...((r.participant as Json[] | undefined) ?? []).map(
        (p) => p.individual?.display && `with ${p.individual.display}`,
      ),
      ...((r.location as Json[] | undefined) ?? []).map((l) => l.location?.display && `at ${l.location.display}`),
      ...((r.reasonCode as Json[] | undefined) ?? []).map((c) => `reason ${conceptText(c)}`),
      `status ${r.status}`,
    ]),
  FamilyMemberHistory: (r) =>
    joined([
      conceptText(r.relationship),
      ...((r.condition as Json[] | undefined) ?? []).map((c) =>
        joined([conceptText(c.code), c.onsetString && `onset ${c.onsetString}`]),
      ),
      r.deceasedBoolean === true && 'deceased',
      r.deceasedBoolean === false && 'living',
    ]),
  ImagingStudy: (r) =>
    joined([
      r.description,
      r.started && day(r.started),
      `${r.numberOfInstances ?? 0} images`,
      ...((r.series as Json[] | undefined) ?? []).map((s) =>
        joined([s.modality?.code, s.description, `${s.numberOfInstances} images`]),
      ),
    ]),
  Observation: (r) =>
    joined([
      conceptText(r.code),
      `${observationValue(r).value} ${observationValue(r).unit}`.trim(),
      day(String(r.effectiveDateTime ?? '')),
    ]),
};

const GROUPS: { heading: string; pick: (r: Json) => boolean }[] = [
  { heading: 'Problems', pick: (r) => r.resourceType === 'Condition' },
  { heading: 'Allergies and intolerances', pick: (r) => r.resourceType === 'AllergyIntolerance' },
  { heading: 'Medications', pick: (r) => r.resourceType === 'MedicationStatement' },
  { heading: 'Immunizations', pick: (r) => r.resourceType === 'Immunization' },
  { heading: 'Procedures', pick: (r) => r.resourceType === 'Procedure' },
  { heading: 'Encounters', pick: (r) => r.resourceType === 'Encounter' },
  { heading: 'Family history', pick: (r) => r.resourceType === 'FamilyMemberHistory' },
  { heading: 'Imaging studies', pick: (r) => r.resourceType === 'ImagingStudy' },
  {
    heading: 'Other observations (social history, exam)',
    pick: (r) => r.resourceType === 'Observation' && !isCategory(r, 'laboratory') && !isCategory(r, 'vital-signs'),
  },
];

const LAB_COLUMNS = [
  { header: 'Date', width: 0.12 },
  { header: 'Test', width: 0.32 },
  { header: 'Value', width: 0.14 },
  { header: 'Unit', width: 0.11 },
  { header: 'Range', width: 0.17 },
  { header: 'Flag', width: 0.14 },
];

function observationTable(flow: PdfWriter, observations: Json[]): void {
  flow.table(
    LAB_COLUMNS,
    newestFirst(observations as FhirResource[]).map((o) => {
      const { value, unit } = observationValue(o);
      const flag = flagText(o);
      const flagged = !!flag && !/^normal$/i.test(flag);
      return {
        cells: [day(String(o.effectiveDateTime ?? '')), conceptText(o.code), value, unit, rangeText(o), flag],
        red: [false, false, flagged, false, false, flagged],
      };
    }),
  );
}

function labSection(flow: PdfWriter, resources: Json[], byUrl: Map<string, Json>): void {
  const labs = resources.filter((r) => r.resourceType === 'Observation' && isCategory(r, 'laboratory'));
  const reports = resources.filter((r) => r.resourceType === 'DiagnosticReport');
  if (!labs.length && !reports.length) return;
  flow.heading('Lab results');
  const grouped = new Set<Json>();
  for (const report of newestFirst(reports as FhirResource[]) as Json[]) {
    const results = ((report.result as Json[] | undefined) ?? [])
      .map((ref) => byUrl.get(String(ref.reference)))
      .filter((o): o is Json => !!o);
    results.forEach((o) => grouped.add(o));
    flow.space(4);
    flow.text(
      joined([
        conceptText(report.code),
        day(String(report.effectiveDateTime ?? '')),
        ...((report.performer as Json[] | undefined) ?? []).map((p) => p.display),
        `status ${report.status}`,
      ]),
      { bold: true },
    );
    if (results.length) observationTable(flow, results);
  }
  const loose = labs.filter((o) => !grouped.has(o));
  if (loose.length) {
    flow.space(4);
    flow.text('Results not in a report', { bold: true });
    observationTable(flow, loose);
  }
}

export interface RenderedPdfInput {
  /** The bundle's entries, the Patient among them; DocumentReferences are not rendered (KTC). */
  entries: { fullUrl: string; resource: FhirResource }[];
  generatedAt: Date;
  newPdf: NewPdf;
}

/** The FHIR-Rendered PDF: every non-DocumentReference resource of the bundle, grouped by kind, newest first. */
export async function renderedPdf({ entries, generatedAt, newPdf }: RenderedPdfInput): Promise<Uint8Array> {
  const flow = newPdf();
  const resources = entries.map((e) => e.resource as Json).filter((r) => r.resourceType !== 'DocumentReference');
  const byUrl = new Map(entries.map((e) => [e.fullUrl, e.resource as Json]));
  flow.text('Patient-shared health record', { size: 18, bold: true });
  flow.text(
    `A complete rendering of the structured records in this bundle, prepared by the patient on ${generatedAt.toISOString().slice(0, 10)}. Patient-collected copies; grouped by kind, newest first.`,
    { color: 'grey' },
  );
  for (const patient of resources.filter((r) => r.resourceType === 'Patient')) {
    flow.heading('Patient');
    const name = ((patient.name as Json[] | undefined) ?? []).map(
      (n) => n.text ?? [...(n.given ?? []), n.family].join(' '),
    );
    flow.text(
      joined([
        `Name: ${name.join('; ')}`,
        `Date of birth: ${patient.birthDate ?? 'not given'}`,
        `Sex: ${patient.gender ?? 'not given'}`,
      ]),
    );
  }
  for (const group of GROUPS) {
    const items = resources.filter(group.pick);
    if (!items.length) continue;
    flow.heading(group.heading);
    for (const r of newestFirst(items as FhirResource[]) as Json[])
      flow.text(`- ${LINES[r.resourceType]!(r)}`, { indent: 6 });
  }
  labSection(flow, resources, byUrl);
  const vitals = resources.filter((r) => r.resourceType === 'Observation' && isCategory(r, 'vital-signs'));
  if (vitals.length) {
    flow.heading('Vital signs');
    observationTable(flow, vitals);
  }
  const known = new Set(['Patient', 'DiagnosticReport', 'Observation', ...Object.keys(LINES)]);
  const others = resources.filter((r) => !known.has(r.resourceType));
  if (others.length) {
    flow.heading('Other resources');
    for (const r of others) flow.text(`- ${joined([r.resourceType, conceptText(r.code)])}`, { indent: 6 });
  }
  return flow.save(
    {
      title: 'Patient-shared health record (FHIR-rendered)',
      creator: 'Second Look',
      producer: 'Second Look',
      created: generatedAt,
    },
    deflateZlib,
  );
}

/** One readable line for a resource (the record text of imported FHIR uses the same words as the PDF). */
export const resourceLine = (r: Json): string =>
  LINES[String(r.resourceType)]?.(r) ?? joined([String(r.resourceType), conceptText(r.code)]);
