import type { PatientDetails, Story } from '../core/workspace-model';
import { PatientSex, Story as StorySchema } from '../core/workspace-model';
import type { CodedEntry, LabResultRow, RecordKind, StructuredData } from '../core/model';
import { R4_RESOURCE_TYPES } from './fhir-types';
import {
  allergyOf,
  imagingStudyOf,
  carePlanParagraphs,
  encounterOf,
  familyMembersOf,
  immunizationOf,
  medicationOf,
  problemOf,
  procedureOf,
} from './read-clinical';
import {
  documentDate,
  documentKind,
  documentTitle,
  readAttachments,
  splitText,
  type ReadProblem,
} from './read-documents';
import { observationDate, observationKind, observationRows, panelOf, reportCategory } from './read-observations';
import { readRecord, type ReadRecord, type Source } from './read-record';
import {
  bounded,
  clinicalDate,
  codeIn,
  conceptText,
  firstCoding,
  narrativeText,
  resourceKey,
  type Json,
} from './read-values';
import { resourceLine } from './rendered-pdf';
import { RECORD_TAG_SYSTEM } from './record-resources';
import type { StoryQuestion } from './story-pdf';
import { STORY_JSON_TITLE } from './patient-shared-bundle';

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

type Family =
  | 'problems'
  | 'medications'
  | 'allergies'
  | 'immunizations'
  | 'procedures'
  | 'encounters'
  | 'family-history'
  | 'lab'
  | 'vital-signs'
  | 'social-history'
  | 'observations';

const FAMILY: Record<Family, { kind: RecordKind; title: string }> = {
  problems: { kind: 'problem', title: 'Problems' },
  medications: { kind: 'medication', title: 'Medications' },
  allergies: { kind: 'allergy', title: 'Allergies' },
  immunizations: { kind: 'immunization', title: 'Immunizations' },
  procedures: { kind: 'procedure', title: 'Procedures' },
  encounters: { kind: 'encounter', title: 'Encounters' },
  'family-history': { kind: 'family-history', title: 'Family history' },
  lab: { kind: 'lab', title: 'Lab results' },
  'vital-signs': { kind: 'vital-signs', title: 'Vital signs' },
  'social-history': { kind: 'social-history', title: 'Social history' },
  observations: { kind: 'other', title: 'Observations' },
};

const FAMILY_OF_TYPE: Record<string, Family> = {
  Condition: 'problems',
  MedicationRequest: 'medications',
  MedicationStatement: 'medications',
  AllergyIntolerance: 'allergies',
  Immunization: 'immunizations',
  Procedure: 'procedures',
  Encounter: 'encounters',
  FamilyMemberHistory: 'family-history',
};

interface Group {
  family: Family;
  title?: string;
  items: FhirItem[];
}

/** Our own bundle tags each resource with the record it came from: the record comes back whole. */
const recordTag = (r: Json): { code: string; display?: string } | undefined =>
  ((r.meta?.tag as Json[] | undefined) ?? []).find(
    (t) => t.system === RECORD_TAG_SYSTEM && typeof t.code === 'string' && t.code.startsWith('urn:uuid:'),
  ) as { code: string; display?: string } | undefined;

const source = (item: FhirItem): Source => ({ file: item.file, key: resourceKey(item.resource) });

class Resolver {
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

function patientDetails(r: Json): PatientDetails {
  const name =
    ((r.name as Json[] | undefined) ?? []).find((n) => n.use === 'official') ?? (r.name as Json[] | undefined)?.[0];
  const printed =
    bounded(name?.text, 300) ??
    bounded([...((name?.given as string[]) ?? []), name?.family].filter(Boolean).join(' '), 300);
  const sex = PatientSex.safeParse(r.gender);
  return {
    ...(printed ? { name: printed } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(r.birthDate ?? '') ? { birthDate: r.birthDate as string } : {}),
    ...(sex.success ? { sex: sex.data } : {}),
  };
}

/** Our own Patient Story document carries the story as JSON beside the PDF. */
function ourStory(doc: Json): { story: Story; questions: StoryQuestion[] } | undefined {
  if (codeIn(doc.type, 'http://loinc.org') !== '51855-5') return undefined;
  const json = ((doc.content as Json[] | undefined) ?? []).find((c) => c.attachment?.title === STORY_JSON_TITLE);
  if (!json) return undefined;
  const files = readAttachments([json.attachment], 'story');
  try {
    const parsed = JSON.parse(new TextDecoder().decode(files.files[0]!.bytes)) as Json;
    const story = StorySchema.safeParse(parsed.story);
    const questions = Array.isArray(parsed.questions)
      ? (parsed.questions as Json[])
          .filter((q) => typeof q.text === 'string' && typeof q.family === 'string' && typeof q.priority === 'number')
          .map((q) => ({ text: q.text as string, family: q.family as string, priority: q.priority as number }))
      : [];
    return story.success ? { story: story.data, questions } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * FHIR R4 resources (from Bundles, NDJSON or single files, already parsed) -> records. Nothing is dropped:
 * each resource becomes part of a structured record, a verbatim record, "About the patient" or the story,
 * and `report` says which, by type. Pure: no I/O; `onProgress` is called every 1,000 resources.
 */
export function readFhir(items: FhirItem[], onProgress?: (done: number, total: number) => void): FhirRead {
  const resolver = new Resolver(items);
  const out: FhirRead = { records: [], report: [], problems: [], outcomes: new Map() };
  const mark = (item: FhirItem, outcome: ResourceOutcome) =>
    out.outcomes.set(`${item.file}#${resourceKey(item.resource)}`, outcome);
  const problem = (item: FhirItem, kind: ReadProblem, detail: string) =>
    out.problems.push({
      file: item.file,
      resource: resourceKey(item.resource),
      problem: kind,
      detail: detail.slice(0, 500),
    });
  const consumed = new Set<FhirItem>();
  const groups = new Map<string, Group>();
  const addToGroup = (item: FhirItem, family: Family, extra = '', day = '') => {
    const tag = recordTag(item.resource);
    const key = `${tag?.code ?? ''}|${family}|${tag ? '' : extra}`;
    const title = tag?.display ?? (day ? `${FAMILY[family].title} ${day}` : undefined);
    const group = groups.get(key) ?? { family, title, items: [] };
    group.items.push(item);
    groups.set(key, group);
    mark(item, 'structured');
  };

  // Lab reports first: the Observations they list become their rows.
  for (const item of items) {
    const r = item.resource;
    if (r.resourceType !== 'DiagnosticReport' || !(r.result as Json[] | undefined)?.length) continue;
    const results: FhirItem[] = [];
    const byDisplay: string[] = [];
    for (const ref of r.result as Json[]) {
      const found = resolver.item(ref.reference);
      if (found && found.resource.resourceType === 'Observation') results.push(found);
      else if (typeof ref.reference === 'string') problem(item, 'reference-not-found', ref.reference);
      else if (typeof ref.display === 'string') byDisplay.push(ref.display);
    }
    // A report whose results are only named (no Observation to read) is a report, not a lab panel.
    if (!results.length && reportCategory(r) !== 'lab') continue;
    results.forEach((o) => consumed.add(o));
    consumed.add(item);
    const panelDate = clinicalDate(r.effectiveDateTime) ?? clinicalDate(r.effectivePeriod?.start);
    const specimen = ((r.specimen as Json[] | undefined) ?? [])
      .map((s) => conceptText(resolver.resolve(item, s.reference)?.type) || String(s.display ?? ''))
      .filter(Boolean)
      .join(', ');
    const rows: LabResultRow[] = [
      ...results.flatMap((o) => observationRows(o.resource, panelDate)),
      // Named but not given as an Observation: kept as the text the source wrote.
      ...byDisplay.map((display) => ({
        test: display.slice(0, 500),
        value: '',
        unparsed: true,
        readBy: 'coded-entry' as const,
      })),
    ];
    const title = recordTag(r)?.display ?? (conceptText(r.code) || 'Lab results');
    const kind = reportCategory(r) === 'lab' || reportCategory(r) === 'note' ? 'lab' : reportCategory(r);
    const files = readAttachments((r.presentedForm as Json[] | undefined) ?? [], 'report');
    files.invalid.forEach((name) => problem(item, 'invalid-base64', name));
    out.records.push(
      readRecord(
        kind,
        title,
        panelDate,
        {
          type: 'lab',
          panel: panelOf(r, title, specimen || undefined, !!recordTag(r)),
          results: rows,
          ...(r.conclusion ? { notes: [String(r.conclusion)] } : {}),
        },
        [source(item), ...results.map(source)],
        [resourceLine(r), ...results.map((o) => resourceLine(o.resource))],
        files.files,
      ),
    );
    mark(item, 'structured');
    results.forEach((o) => mark(o, 'structured'));
  }

  let patientChosen: PatientDetails | undefined;
  items.forEach((item, index) => {
    if (index % 1000 === 0) onProgress?.(index, items.length);
    if (consumed.has(item)) return;
    const r = item.resource;
    const type = String(r.resourceType);
    if (type === 'Patient') {
      const details = patientDetails(r);
      if (!patientChosen) patientChosen = details;
      if (JSON.stringify(details) === JSON.stringify(patientChosen)) return mark(item, 'patient');
    } else if (type === 'Observation') {
      const kind = observationKind(r);
      const family: Family = kind === 'other' ? 'observations' : kind;
      const day = kind === 'lab' || kind === 'vital-signs' ? (observationDate(r) ?? '').slice(0, 10) : '';
      return addToGroup(item, family, day, day);
    } else if (FAMILY_OF_TYPE[type]) return addToGroup(item, FAMILY_OF_TYPE[type]);
    else if (type === 'DocumentReference') {
      const story = ourStory(r);
      if (story) {
        out.story = story;
        return mark(item, 'story');
      }
      return (out.records.push(documentRecord(item)), mark(item, 'structured'));
    } else if (type === 'DiagnosticReport') return (out.records.push(reportRecord(item)), mark(item, 'structured'));
    else if (type === 'ImagingStudy') {
      const study = imagingStudyOf(r);
      const title = recordTag(r)?.display ?? study.description ?? 'Imaging study';
      out.records.push(readRecord('imaging', title, study.date, study, [source(item)], [resourceLine(r)]));
      return mark(item, 'structured');
    } else if (type === 'CarePlan') {
      const title = bounded(r.title, 1000) ?? (conceptText((r.category as Json[] | undefined)?.[0]) || 'Care plan');
      out.records.push(
        readRecord(
          'plan',
          title,
          clinicalDate(r.period?.start) ?? clinicalDate(r.created),
          { type: 'note', noteType: 'Care plan', paragraphs: carePlanParagraphs(r) },
          [source(item)],
          [`Status: ${String(r.status)}`],
        ),
      );
      return mark(item, 'structured');
    }
    if (!R4_RESOURCE_TYPES.has(type)) problem(item, 'unknown-type', type);
    out.records.push(verbatimRecord(item));
    mark(item, 'verbatim');
  });
  onProgress?.(items.length, items.length);

  for (const group of groups.values()) out.records.push(groupRecord(group, resolver, problem));
  if (patientChosen) out.patient = patientChosen;

  const counts = new Map<string, ReportLine>();
  for (const item of items) {
    const outcome = out.outcomes.get(`${item.file}#${resourceKey(item.resource)}`) ?? 'verbatim';
    const key = `${String(item.resource.resourceType)}|${outcome}`;
    const line = counts.get(key) ?? { resourceType: String(item.resource.resourceType), outcome, count: 0 };
    line.count++;
    counts.set(key, line);
  }
  out.report = [...counts.values()].sort(
    (a, b) => a.resourceType.localeCompare(b.resourceType) || a.outcome.localeCompare(b.outcome),
  );

  function documentRecord(item: FhirItem): ReadRecord {
    const r = item.resource;
    const tag = recordTag(r);
    const files = readAttachments(
      ((r.content as Json[] | undefined) ?? []).map((c) => c.attachment ?? {}),
      'document',
      !!tag,
    );
    files.invalid.forEach((name) => problem(item, 'invalid-base64', name));
    files.notFetched.forEach((url) => problem(item, 'not-fetched', url));
    const kind = documentKind(r);
    const paragraphs = files.texts.flatMap(splitText);
    const noteType = bounded(r.type?.text, 200) ?? bounded(conceptText(r.type), 200);
    const author = bounded(
      ((r.author as Json[] | undefined) ?? [])
        .map((a) => a.display)
        .filter(Boolean)
        .join(', '),
      500,
    );
    const structured: StructuredData =
      kind === 'imaging' || kind === 'pathology'
        ? {
            type: 'report',
            sections: paragraphs.map((p) => ({
              heading: p.split('\n')[0]!.slice(0, 500),
              text: p.split('\n').slice(1).join('\n'),
            })),
          }
        : { type: 'note', ...(noteType ? { noteType } : {}), ...(author ? { author } : {}), paragraphs };
    const lines = [
      ...(narrativeText(r) ? [narrativeText(r)!] : []),
      ...files.notFetched.map((url) => `Not fetched (only an address was given): ${url}`),
      ...files.invalid.map((name) => `Not readable (the data is not valid base64): ${name}`),
    ];
    return readRecord(
      kind,
      tag?.display ?? documentTitle(r),
      documentDate(r),
      structured,
      [source(item)],
      lines,
      files.files,
    );
  }

  function reportRecord(item: FhirItem): ReadRecord {
    const r = item.resource;
    const files = readAttachments((r.presentedForm as Json[] | undefined) ?? [], 'report');
    files.invalid.forEach((name) => problem(item, 'invalid-base64', name));
    files.notFetched.forEach((url) => problem(item, 'not-fetched', url));
    const category = reportCategory(r);
    const sections = [
      ...files.texts.map((text) => ({ heading: 'Report', text })),
      ...(narrativeText(r) ? [{ heading: 'Narrative', text: narrativeText(r)! }] : []),
      ...(r.conclusion ? [{ heading: 'Conclusion', text: String(r.conclusion) }] : []),
      ...((r.conclusionCode as Json[] | undefined) ?? []).map((c) => ({
        heading: 'Conclusion code',
        text: conceptText(c),
      })),
    ];
    const kind: RecordKind = category === 'note' ? 'note' : category;
    const title = conceptText(r.code) || 'Report';
    return readRecord(
      kind,
      title,
      clinicalDate(r.effectiveDateTime) ?? clinicalDate(r.effectivePeriod?.start) ?? clinicalDate(r.issued),
      { type: 'report', exam: title.slice(0, 500), sections },
      [source(item)],
      [resourceLine(r), ...files.notFetched.map((url) => `Not fetched (only an address was given): ${url}`)],
      files.files,
    );
  }
  return out;
}

/** Any other resource: kept as it came (its JSON as a file), with its narrative as the record text. */
function verbatimRecord(item: FhirItem): ReadRecord {
  const r = item.resource;
  const type = String(r.resourceType);
  const nameOf = (r.name as Json[] | undefined)?.[0];
  const label =
    conceptText(r.code) ||
    conceptText(r.type) ||
    (typeof nameOf === 'object'
      ? String(nameOf.text ?? [...(nameOf.given ?? []), nameOf.family].filter(Boolean).join(' '))
      : String(r.name ?? '')) ||
    conceptText(r.description) ||
    String(r.id ?? '');
  const json = JSON.stringify(r, null, 2);
  const kind: RecordKind = ['Goal', 'ServiceRequest', 'CareTeam'].includes(type) ? 'plan' : 'other';
  return readRecord(
    kind,
    `${type}: ${label}`.slice(0, 1000),
    clinicalDate(r.effectiveDateTime) ?? clinicalDate(r.authoredOn) ?? clinicalDate(r.recorded),
    undefined,
    [source(item)],
    [...(narrativeText(r) ? [narrativeText(r)!] : []), 'FHIR resource as received:', json],
    [
      {
        name: `${type}-${String(r.id ?? 'resource')}.json`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120),
        mediaType: 'application/fhir+json',
        bytes: new TextEncoder().encode(json),
      },
    ],
  );
}

function groupRecord(
  group: Group,
  resolver: Resolver,
  problem: (item: FhirItem, kind: ReadProblem, detail: string) => void,
): ReadRecord {
  const { kind, title: familyTitle } = FAMILY[group.family];
  const title = group.title ?? familyTitle;
  const rs = group.items.map((i) => i.resource);
  const sources = group.items.map(source);
  const lines = rs.map((r) => resourceLine(r));
  let structured: StructuredData;
  let date: string | undefined;
  switch (group.family) {
    case 'lab':
    case 'vital-signs': {
      const dates = [...new Set(rs.map(observationDate))];
      const shared = dates.length === 1 ? dates[0] : undefined;
      const results: LabResultRow[] = rs.flatMap((o) => observationRows(o, shared));
      date = shared ?? dates.filter(Boolean).sort()[0];
      structured = { type: 'lab', panel: { name: title, ...(shared ? { collected: shared } : {}) }, results };
      break;
    }
    case 'social-history':
    case 'observations':
      structured = {
        type: 'entries',
        entries: rs.map((o): CodedEntry => {
          const rows = observationRows(o, undefined);
          const value = rows
            .map((row) => (rows.length > 1 ? `${row.test}: ` : '') + `${row.value}${row.unit ? ` ${row.unit}` : ''}`)
            .join('; ');
          const d = observationDate(o);
          const code = firstCoding(o.code);
          return {
            name: (conceptText(o.code) || 'Unnamed observation').slice(0, 500),
            ...(code ? { code } : {}),
            ...(value.trim() ? { value: value.slice(0, 2000) } : {}),
            ...(d ? { date: d } : {}),
            ...(o.status && o.status !== 'final' ? { status: String(o.status).slice(0, 100) } : {}),
          };
        }),
      };
      break;
    case 'problems':
      structured = { type: 'problems', problems: rs.map(problemOf) };
      break;
    case 'medications':
      structured = {
        type: 'medications',
        medications: group.items.map((item) => {
          const ref = item.resource.medicationReference?.reference;
          const medication = ref ? resolver.resolve(item, ref) : undefined;
          if (ref && !medication) problem(item, 'reference-not-found', String(ref));
          return medicationOf(item.resource, medication);
        }),
      };
      break;
    case 'allergies':
      structured = { type: 'allergies', allergies: rs.map(allergyOf) };
      break;
    case 'immunizations':
      structured = { type: 'immunizations', immunizations: rs.map(immunizationOf) };
      break;
    case 'procedures':
      structured = { type: 'procedures', procedures: rs.map(procedureOf) };
      break;
    case 'encounters':
      structured = { type: 'encounters', encounters: rs.map(encounterOf) };
      break;
    case 'family-history':
      structured = { type: 'family-history', members: rs.flatMap(familyMembersOf) };
      break;
  }
  return readRecord(kind, title, date, structured, sources, lines);
}
