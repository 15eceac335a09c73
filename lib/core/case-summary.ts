import type { CaseRecord, RecordKind } from './model';
import { isImageFile, recordFamily } from './record-family';
import { isTitleOnly } from './title-only';
import type { Opinion, Question, RecordFamily } from './workspace-model';

/** One kind of record in a case: how many, how many carry no clinical date, and the newest date. */
export interface KindSummary {
  count: number;
  undated: number;
  latest?: string;
}

/**
 * What the panel's first screen needs of a case, kept beside the rows (table `caseSummaries`) and changed
 * in the same transaction as every write that changes it (lib/case/case-write.ts), so opening the panel
 * reads one row instead of every record. Always equal to `computeSummary` over the case's rows.
 */
export interface CaseSummary {
  caseId: string;
  records: number;
  kinds: Partial<Record<RecordKind, KindSummary>>;
  /** Records counting towards each checklist family: a record holding only its title does not count. */
  families: Partial<Record<RecordFamily, number>>;
  /** Imaging reports (not imported studies) that hold more than their title: "report without images". */
  imagingReports: number;
  /** DICOM files kept with imaging records: the checklist's images. */
  imageFiles: number;
  titleOnly: number;
  attachments: number;
  questions: number;
  answered: number;
  opinions: number;
}

/** What one record (with its files) adds to its case's summary. */
export interface RecordFacts {
  kind: RecordKind;
  clinicalDate?: string;
  family: RecordFamily | null;
  imagingReport: boolean;
  imageFiles: number;
  titleOnly: boolean;
  files: number;
}

export type SummaryRecord = Pick<CaseRecord, 'kind' | 'clinicalDate' | 'structured' | 'title' | 'snapshotHtml'> &
  Partial<Pick<CaseRecord, 'provenance'>>;
export type SummaryFile = { mediaType: string; name: string };

export function emptySummary(caseId: string): CaseSummary {
  return {
    caseId,
    records: 0,
    kinds: {},
    families: {},
    imagingReports: 0,
    imageFiles: 0,
    titleOnly: 0,
    attachments: 0,
    questions: 0,
    answered: 0,
    opinions: 0,
  };
}

export function recordFacts(
  record: SummaryRecord,
  files: readonly SummaryFile[],
  /** `isTitleOnly(record, 0)` when the caller already knows it (the record's head): the check scans the snapshot. */
  bare?: boolean,
): RecordFacts {
  const titleOnly = bare === undefined ? isTitleOnly(record, files.length) : bare && files.length === 0;
  return {
    kind: record.kind,
    ...(record.clinicalDate ? { clinicalDate: record.clinicalDate } : {}),
    family: titleOnly ? null : recordFamily(record),
    imagingReport: !titleOnly && record.kind === 'imaging' && record.structured?.type !== 'imaging-study',
    imageFiles: record.kind === 'imaging' ? files.filter(isImageFile).length : 0,
    titleOnly,
    files: files.length,
  };
}

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K, by: number) {
  const next = (counts[key] ?? 0) + by;
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

/** Adds (sign 1) or takes away (sign -1) one record. Taking away the record that held its kind's newest date
 * returns true: the caller finds the next newest (an index lookup), which these counts cannot know. */
export function applyRecordFacts(summary: CaseSummary, facts: RecordFacts, sign: 1 | -1): boolean {
  summary.records += sign;
  const kind = (summary.kinds[facts.kind] ??= { count: 0, undated: 0 });
  kind.count += sign;
  if (!facts.clinicalDate) kind.undated += sign;
  let stale = false;
  if (sign === 1 && facts.clinicalDate && (!kind.latest || facts.clinicalDate > kind.latest))
    kind.latest = facts.clinicalDate;
  if (sign === -1 && facts.clinicalDate && facts.clinicalDate === kind.latest) stale = kind.count > kind.undated;
  if (kind.count === 0) delete summary.kinds[facts.kind];
  else if (kind.count === kind.undated) delete kind.latest;
  if (facts.family) bump(summary.families, facts.family, sign);
  if (facts.imagingReport) summary.imagingReports += sign;
  summary.imageFiles += sign * facts.imageFiles;
  if (facts.titleOnly) summary.titleOnly += sign;
  summary.attachments += sign * facts.files;
  return stale;
}

export function applyQuestion(summary: CaseSummary, question: Pick<Question, 'answered'>, sign: 1 | -1) {
  summary.questions += sign;
  if (question.answered) summary.answered += sign;
}

export function applyOpinion(summary: CaseSummary, sign: 1 | -1) {
  summary.opinions += sign;
}

/** The summary of a case from all its rows: what the migration writes, and what a kept summary must equal. */
export function computeSummary(
  caseId: string,
  rows: {
    records: readonly (SummaryRecord & { id: string })[];
    attachments: readonly (SummaryFile & { recordId: string })[];
    questions: readonly Pick<Question, 'answered'>[];
    opinions: readonly Pick<Opinion, 'id'>[];
  },
): CaseSummary {
  const summary = emptySummary(caseId);
  const files = new Map<string, SummaryFile[]>();
  for (const file of rows.attachments) {
    const list = files.get(file.recordId);
    if (list) list.push(file);
    else files.set(file.recordId, [file]);
  }
  for (const record of rows.records) applyRecordFacts(summary, recordFacts(record, files.get(record.id) ?? []), 1);
  for (const question of rows.questions) applyQuestion(summary, question, 1);
  for (const _opinion of rows.opinions) applyOpinion(summary, 1);
  return summary;
}
