import type { CaseDb } from '../core/db';
import type { CaseId } from '../core/model';
import type { DocumentLanguage } from '../core/document-language';
import type { PackageInput, PageSize } from './package-input';
import { listSentPackages } from '../case';
import {
  packageCompleteness,
  packageQuestions,
  packageStory,
  packageWorkspace,
  type TranslateKey,
} from './workspace-cover';

export interface PackageSourceOptions {
  /** Records left out (all are included by default). */
  excludedRecordIds?: readonly string[];
  generator: PackageInput['generator'];
  sanitize: PackageInput['sanitize'];
  translate: TranslateKey;
  generatedAt?: Date;
  pageSize?: PageSize;
  /** The package language; `translate` must answer in it. */
  language?: DocumentLanguage;
  /** Whether data/patient-shared-bundle.json is wanted (on unless the patient unticked it). */
  patientShared?: boolean;
}

/**
 * A snapshot of the whole case, read in one transaction, as the package builder wants it: records,
 * attachments, and the workspace both worded for the doctor (cover sheet) and as stored (for import).
 */
export async function readPackageInput(
  db: CaseDb,
  caseId: CaseId,
  options: PackageSourceOptions,
): Promise<PackageInput> {
  const [caseData, allRecords, allAttachments, details, questions, opinions, sentLog] = await db.transaction(
    'r',
    [db.cases, db.records, db.attachments, db.caseDetails, db.questions, db.opinions, db.sentPackages],
    () =>
      Promise.all([
        db.cases.get(caseId),
        db.records.where('caseId').equals(caseId).toArray(),
        db.attachments.where('caseId').equals(caseId).toArray(),
        db.caseDetails.get(caseId),
        db.questions.where('caseId').equals(caseId).toArray(),
        db.opinions.where('caseId').equals(caseId).toArray(),
        listSentPackages(db, caseId),
      ]),
  );
  if (!caseData) throw new Error('case not found');
  const excluded = new Set(options.excludedRecordIds ?? []);
  const records = allRecords.filter((r) => !excluded.has(r.id));
  const included = new Set(records.map((r) => r.id));
  const attachments = allAttachments.filter((a) => included.has(a.recordId));
  const { story, notApplicable, patient } = details ?? { story: {}, notApplicable: {}, patient: undefined };
  const t = options.translate;
  return {
    caseData,
    records,
    generatedAt: options.generatedAt ?? new Date(),
    generator: options.generator,
    sanitize: options.sanitize,
    story: packageStory(story, t),
    questions: packageQuestions(questions, included, t),
    completeness: packageCompleteness(records, { notApplicable, attachments }, t),
    attachments: attachments.map((a) => ({ ...a, data: a.blob })),
    ...packageWorkspace(details, questions, opinions, included),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(sentLog.length ? { sentLog } : {}),
    ...(options.language ? { language: options.language } : {}),
    patientShared: {
      include: options.patientShared !== false,
      ...(patient ? { patient } : {}),
      story,
      questions: questions.map(({ text, family, priority }) => ({ text, family, priority })),
    },
  };
}
