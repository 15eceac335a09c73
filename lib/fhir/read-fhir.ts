import type { PatientDetails, Story } from '../core/workspace-model';
import { PatientSex, Story as StorySchema } from '../core/workspace-model';
import { R4_RESOURCE_TYPES } from './fhir-types';
import { carePlanParagraphs, imagingStudyOf } from './read-clinical';
import { readAttachments, type ReadProblem } from './read-documents';
import { observationDate, observationKind } from './read-observations';
import { readRecord, type ReadRecord } from './read-record';
import { bounded, clinicalDate, codeIn, conceptText, resourceKey, type Json } from './read-values';
import { resourceLine } from './rendered-pdf';
import type { StoryQuestion } from './story-pdf';
import { STORY_JSON_TITLE } from './patient-shared-bundle';
import { FAMILY, FAMILY_OF_TYPE, GroupRecord, type Family } from './read-groups';
import { ReferenceIndex } from './read-index';
import { recordTag, source, type FhirItem, type FhirRead, type ReportLine, type ResourceOutcome } from './read-model';
import { PendingPanel, type PanelProblem } from './read-panels';
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

/** Problems come out in the order the whole-file reader met them: result references, then resources, then lists. */
const FINDING = 0;
const READING = 1;
const LISTING = 2;

interface Problem {
  phase: number;
  at: number;
  item: FhirItem;
  kind: ReadProblem;
  detail: string;
}

/**
 * FHIR R4 resources -> records, one resource at a time (`add`), in the order of the files, after a first
 * pass has given the `ReferenceIndex` of the same resources. Nothing is dropped: each resource becomes part
 * of a structured record, a verbatim record, "About the patient" or the story, and the report says which,
 * by type. Only what the records keep is held, never the resources themselves. Pure: no I/O;
 * `onProgress` is called every 1,000 resources.
 */
export class FhirReader {
  private at = 0;
  private readonly problems: Problem[] = [];
  private readonly panels = new Map<number, PendingPanel>();
  /** Records in the order of their resources; a number is a report with results, settled at the end. */
  private readonly singles: (ReadRecord | number)[] = [];
  private readonly groups = new Map<string, GroupRecord>();
  private readonly counts = new Map<string, ReportLine>();
  private patient?: PatientDetails;
  private story?: FhirRead['story'];

  constructor(
    private readonly index: ReferenceIndex,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  private problem(phase: number, item: FhirItem, kind: ReadProblem, detail: string): void {
    this.problems.push({ phase, at: this.at, item, kind, detail });
  }

  private count(item: FhirItem, outcome: ResourceOutcome): void {
    const type = String(item.resource.resourceType);
    const key = `${type}|${outcome}`;
    const line = this.counts.get(key) ?? { resourceType: type, outcome, count: 0 };
    line.count++;
    this.counts.set(key, line);
  }

  private panel(report: number): PendingPanel {
    const panel = this.panels.get(report) ?? new PendingPanel();
    this.panels.set(report, panel);
    return panel;
  }

  private addToGroup(item: FhirItem, family: Family, extra = '', day = ''): void {
    const tag = recordTag(item.resource);
    const key = `${tag?.code ?? ''}|${family}|${tag ? '' : extra}`;
    let group = this.groups.get(key);
    if (!group) {
      group = new GroupRecord(family, tag?.display ?? (day ? `${FAMILY[family].title} ${day}` : undefined));
      this.groups.set(key, group);
    }
    let medication: Json | undefined;
    const ref = family === 'medications' ? item.resource.medicationReference?.reference : undefined;
    if (ref) {
      medication = this.index.resolve(item, ref);
      if (!medication) this.problem(LISTING, item, 'reference-not-found', String(ref));
    }
    group.add(item, medication);
    this.count(item, 'structured');
  }

  add(item: FhirItem): void {
    if (this.at % 1000 === 0) this.onProgress?.(this.at, this.index.count);
    this.read(item);
    this.at++;
  }

  private read(item: FhirItem): void {
    const r = item.resource;
    const type = String(r.resourceType);
    const problem = (kind: ReadProblem, detail: string) => this.problem(READING, item, kind, detail);
    if (type === 'Observation') {
      // Rows of the lab reports that list it; otherwise a row of the day's lab or vital-signs record.
      let listed = false;
      for (const claim of this.index.claimsOf(item))
        if (this.panel(claim.report).fill(claim.slot, item, claim.panelDate)) listed = true;
      if (listed) return this.count(item, 'structured');
      const kind = observationKind(r);
      const family: Family = kind === 'other' ? 'observations' : kind;
      const day = kind === 'lab' || kind === 'vital-signs' ? (observationDate(r) ?? '').slice(0, 10) : '';
      return this.addToGroup(item, family, day, day);
    }
    if (type === 'DiagnosticReport' && Array.isArray(r.result) && r.result.length) {
      this.panel(this.at).setReport(item, this.index);
      this.singles.push(this.at);
      return this.count(item, 'structured');
    }
    if (type === 'Patient') {
      const details = patientDetails(r);
      if (!this.patient) this.patient = details;
      if (JSON.stringify(details) === JSON.stringify(this.patient)) return this.count(item, 'patient');
    } else if (FAMILY_OF_TYPE[type]) return this.addToGroup(item, FAMILY_OF_TYPE[type]);
    else if (type === 'DocumentReference') {
      const story = ourStory(r);
      if (story) {
        this.story = story;
        return this.count(item, 'story');
      }
      this.singles.push(documentRecord(item, (_, kind, detail) => problem(kind, detail)));
      return this.count(item, 'structured');
    } else if (type === 'DiagnosticReport') {
      this.singles.push(reportRecord(item, (_, kind, detail) => problem(kind, detail)));
      return this.count(item, 'structured');
    } else if (type === 'ImagingStudy') {
      const study = imagingStudyOf(r);
      const title = recordTag(r)?.display ?? study.description ?? 'Imaging study';
      this.singles.push(readRecord('imaging', title, study.date, study, [source(item)], [resourceLine(r)]));
      return this.count(item, 'structured');
    } else if (type === 'CarePlan') {
      const title = bounded(r.title, 1000) ?? (conceptText((r.category as Json[] | undefined)?.[0]) || 'Care plan');
      this.singles.push(
        readRecord(
          'plan',
          title,
          clinicalDate(r.period?.start) ?? clinicalDate(r.created),
          { type: 'note', noteType: 'Care plan', paragraphs: carePlanParagraphs(r) },
          [source(item)],
          [`Status: ${String(r.status)}`],
        ),
      );
      return this.count(item, 'structured');
    }
    if (!R4_RESOURCE_TYPES.has(type)) problem('unknown-type', type);
    this.singles.push(verbatimRecord(item));
    this.count(item, 'verbatim');
  }

  /** Every resource has been added: the records, the report by type, and the problems. */
  finish(): FhirRead {
    this.onProgress?.(this.at, this.index.count);
    const records: ReadRecord[] = [];
    const reports = new Map<number, ReadRecord>();
    const note = (phase: number, at: number, list: PanelProblem[]) =>
      list.forEach(({ item, kind, detail }) => this.problems.push({ phase, at, item, kind, detail }));
    for (const [at, panel] of [...this.panels].sort((a, b) => a[0] - b[0])) {
      const settled = panel.settle();
      if (!settled) continue;
      note(FINDING, at, settled.found);
      if (settled.as === 'panel') {
        note(FINDING, at, settled.own);
        records.push(settled.record);
      } else {
        note(READING, at, settled.own);
        reports.set(at, settled.record);
      }
    }
    for (const single of this.singles) {
      if (typeof single !== 'number') records.push(single);
      else if (reports.has(single)) records.push(reports.get(single)!);
    }
    for (const group of this.groups.values()) records.push(group.record());
    const problems = this.problems
      .map((p, order) => ({ p, order }))
      .sort((a, b) => a.p.phase - b.p.phase || a.p.at - b.p.at || a.order - b.order)
      .map(({ p }) => ({
        file: p.item.file,
        resource: resourceKey(p.item.resource),
        problem: p.kind,
        detail: p.detail.slice(0, 500),
      }));
    const report = [...this.counts.values()].sort(
      (a, b) => a.resourceType.localeCompare(b.resourceType) || a.outcome.localeCompare(b.outcome),
    );
    return {
      records,
      report,
      problems,
      ...(this.patient ? { patient: this.patient } : {}),
      ...(this.story ? { story: this.story } : {}),
    };
  }
}

/** Resources already in memory (a small file, the extract tool, tests): both passes over the list. */
export function readFhir(items: FhirItem[], onProgress?: (done: number, total: number) => void): FhirRead {
  const index = new ReferenceIndex();
  for (const item of items) index.note(item);
  const reader = new FhirReader(index, onProgress);
  for (const item of items) reader.add(item);
  return reader.finish();
}
