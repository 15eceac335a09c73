import type { PatientDetails, Story } from '../core/workspace-model';
import { PatientSex, Story as StorySchema } from '../core/workspace-model';
import type { LabResultRow } from '../core/model';
import { R4_RESOURCE_TYPES } from './fhir-types';
import { carePlanParagraphs, imagingStudyOf } from './read-clinical';
import { readAttachments } from './read-documents';
import { observationDate, observationKind, observationRows, panelOf, reportCategory } from './read-observations';
import { readRecord } from './read-record';
import { bounded, clinicalDate, codeIn, conceptText, resourceKey, type Json } from './read-values';
import { resourceLine } from './rendered-pdf';
import type { StoryQuestion } from './story-pdf';
import { STORY_JSON_TITLE } from './patient-shared-bundle';
import { FAMILY, FAMILY_OF_TYPE, groupRecord, type Family, type Group } from './read-groups';
import {
  recordTag,
  Resolver,
  source,
  type FhirItem,
  type FhirRead,
  type ProblemSink,
  type ReportLine,
  type ResourceOutcome,
} from './read-model';
import { documentRecord, reportRecord, verbatimRecord } from './read-reports';

export type { FhirItem, FhirRead, ReportLine, ReportProblem, ResourceOutcome } from './read-model';

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
  const problem: ProblemSink = (item, kind, detail) =>
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
      return (out.records.push(documentRecord(item, problem)), mark(item, 'structured'));
    } else if (type === 'DiagnosticReport')
      return (out.records.push(reportRecord(item, problem)), mark(item, 'structured'));
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

  return out;
}
