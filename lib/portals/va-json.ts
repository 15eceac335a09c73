import { labRow } from '../reading';
import type { LabPanel, LabResultRow, RecordKind, StructuredData } from '../core/model';

/**
 * The data behind VA.gov "Medical records" (vets-website, mhv-medical-records): chemistry/hematology
 * results as a FHIR DiagnosticReport with its Observations, orders, specimen, lab and practitioner
 * contained; radiology as My HealtheVet's own record (procedureName, reportText, impressionText ...).
 * Read from the JSON itself, so a saved copy imports with every value, unit, range, flag and date.
 */
export interface VaRecord {
  kind: RecordKind;
  title: string;
  clinicalDate?: string;
  text: string;
  structured: StructuredData;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const cut = (v: string | undefined, max: number) => v?.slice(0, max);
/** VA's free text comes with CRLF line breaks and blank lines around it. */
const lines = (v: unknown) => (str(v) ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');

const isClinicalDate = (v: string | undefined) =>
  !!v && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v);
const date = (v: unknown) => {
  const s = str(v);
  return isClinicalDate(s) ? s : undefined;
};

/** A `#id` reference to a contained resource. */
function containedById(report: Json): Map<string, Json> {
  return new Map(list(report.contained).flatMap((r) => (str(r.id) ? [[`#${str(r.id)}`, r]] : [])));
}
const resolve = (refs: unknown, contained: Map<string, Json>) =>
  list(refs)
    .map((r) => contained.get(str(r.reference) ?? ''))
    .filter((r): r is Json => !!r);

const codeText = (concept: unknown) =>
  isObject(concept)
    ? (str(concept.text) ??
      list(concept.coding)
        .map((c) => str(c.display))
        .find(Boolean))
    : undefined;
const loincOf = (concept: unknown) =>
  isObject(concept) ? list(concept.coding).find((c) => str(c.system) === 'http://loinc.org')?.code : undefined;
const personName = (p: Json | undefined) =>
  p
    ? list(p.name)
        .map((n) =>
          [...(Array.isArray(n.given) ? n.given : []), n.family].filter((x) => typeof x === 'string').join(' '),
        )
        .find(Boolean)
    : undefined;

function observationRow(obs: Json): LabResultRow {
  const quantity = isObject(obs.valueQuantity) ? obs.valueQuantity : undefined;
  const value =
    quantity && typeof quantity.value === 'number'
      ? String(quantity.value)
      : (str(obs.valueString) ?? codeText(obs.valueCodeableConcept) ?? '');
  const flag = list(obs.interpretation)
    .map(
      (i) =>
        str(i.text) ??
        list(i.coding)
          .map((c) => str(c.code))
          .find(Boolean),
    )
    .find(Boolean);
  const row = labRow({
    test: codeText(obs.code) ?? '',
    value,
    unit: quantity ? str(quantity.unit) : undefined,
    range: list(obs.referenceRange)
      .map((r) => str(r.text))
      .find(Boolean),
    flag,
    notes: list(obs.note)
      .map((n) => str(n.text))
      .filter(Boolean)
      .join('; '),
  });
  const when = date(obs.effectiveDateTime);
  if (when) row.date = when;
  const loinc = loincOf(obs.code);
  if (typeof loinc === 'string') row.loinc = loinc.slice(0, 20);
  row.readBy = 'coded-entry';
  return row;
}

/** A VA chemistry/hematology DiagnosticReport: one lab record with its contained Observations. */
export function vaLabReport(report: Json): VaRecord {
  const contained = containedById(report);
  const observations = resolve(report.result, contained).filter((r) => r.resourceType === 'Observation');
  const rows = observations.map(observationRow);
  const orders = resolve(report.basedOn, contained).map((o) => codeText(o.code));
  const specimen = resolve(report.specimen, contained)[0];
  const requester = resolve(
    resolve(report.basedOn, contained).map((o) => o.requester),
    contained,
  )[0];
  const lab = resolve(report.performer, contained)[0];
  const name = codeText(report.code) ?? 'Lab results';
  const title = orders.length ? `${name} (${orders.filter(Boolean).join(', ')})` : name;
  const notes = list(report.extension)
    .map((e) => str(e.valueString))
    .filter((n): n is string => !!n);
  const collected =
    date(isObject(specimen?.collection) ? specimen.collection.collectedDateTime : undefined) ??
    date(report.effectiveDateTime);
  const fields: LabPanel['panel'] = {
    name: name.slice(0, 500),
    orderingProvider: cut(personName(requester), 500),
    collected,
    resulted: date(report.issued),
    performingLab: cut(str(lab?.name), 500),
    status: cut(str(report.status), 100),
    specimen: cut(codeText(specimen?.type), 500),
  };
  const panel = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as LabPanel['panel'];
  const text = [
    title,
    ...rows.map((r) =>
      [r.test, `${r.value} ${r.unit ?? ''}`.trim(), r.referenceRange, r.flag, r.notes].filter(Boolean).join('\t'),
    ),
    ...notes,
  ].join('\n');
  return {
    kind: 'lab',
    title: title.slice(0, 1000),
    ...(collected ? { clinicalDate: collected } : {}),
    text,
    structured: { type: 'lab', panel, results: rows, ...(notes.length ? { notes } : {}) },
  };
}

/** A My HealtheVet radiology record: the report and impression verbatim, as sections. */
export function vaRadiologyReport(record: Json): VaRecord {
  const exam = str(record.procedureName) ?? 'Radiology report';
  const details = [
    ['Requesting provider', str(record.requestingProvider)],
    ['Radiologist', str(record.radiologist)],
    ['Status', str(record.status)],
    ['Performing location', str(record.performingLocation)],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  const sections = [
    { heading: 'Details', text: details },
    { heading: 'Reason for study', text: lines(record.reasonForStudy) },
    { heading: 'Clinical history', text: lines(record.clinicalHistory) },
    { heading: 'Report', text: lines(record.reportText) },
    { heading: 'Impression', text: lines(record.impressionText) },
    { heading: 'Comments', text: lines(record.comments) },
  ].filter((s) => s.text);
  const when = date(record.eventDate) ?? date(record.examDate);
  return {
    kind: /patholog|cytolog/i.test(exam) ? 'pathology' : 'imaging',
    title: exam.slice(0, 1000),
    ...(when ? { clinicalDate: when } : {}),
    text: sections.map((s) => `${s.heading}\n${s.text}`).join('\n\n'),
    structured: { type: 'report', exam, sections },
  };
}

/** Which VA shape a parsed JSON document is, if any. */
export function vaRecordsFromJson(json: unknown): VaRecord[] | undefined {
  const items = Array.isArray(json) ? json.filter(isObject) : isObject(json) ? [json] : [];
  const isVaProfile = (r: Json) =>
    isObject(r.meta) && list([r.meta]).some((m) => JSON.stringify(m.profile ?? '').includes('VA.MHV.PHR'));
  const records = items.flatMap((item): VaRecord[] => {
    if (item.resourceType === 'DiagnosticReport' && isVaProfile(item)) return [vaLabReport(item)];
    if (str(item.procedureName) && (str(item.reportText) || str(item.impressionText)) && 'radiologist' in item)
      return [vaRadiologyReport(item)];
    return [];
  });
  return records.length > 0 ? records : undefined;
}
