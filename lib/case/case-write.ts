import type { CaseDb } from '../core/db';
import {
  applyOpinion,
  applyQuestion,
  applyRecordFacts,
  emptySummary,
  recordFacts,
  type CaseSummary,
} from '../core/case-summary';
import type { Attachment, CaseId, CaseRecord, RecordKind } from '../core/model';
import { recordHead } from '../core/record-head';
import type { Opinion, Question } from '../core/workspace-model';

/** Every table a write to a case may touch, the summary included. */
export const caseTables = (db: CaseDb) => [
  db.cases,
  db.records,
  db.recordHeads,
  db.attachments,
  db.caseDetails,
  db.questions,
  db.opinions,
  db.requests,
  db.sentPackages,
  db.caseSummaries,
];

/** A field set to undefined in a Dexie update removes it; the same on a plain copy. */
function applyChanges<T extends object>(row: T, changes: Partial<T>): T {
  const next = { ...row, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete next[key as keyof T];
  return next;
}

/**
 * The one way rows of a case are written: each write changes the case's summary (core/case-summary) in
 * the same transaction, so the summary the panel reads can never drift from the rows. Obtained from
 * `writeCase`, which commits the summaries with the rows.
 */
export class CaseWrite {
  private readonly summaries = new Map<CaseId, CaseSummary>();
  /** Kinds whose newest record went: their newest date is looked up again before commit. */
  private readonly staleLatest = new Map<string, { caseId: CaseId; kind: RecordKind }>();

  constructor(readonly db: CaseDb) {}

  async summary(caseId: CaseId): Promise<CaseSummary> {
    let summary = this.summaries.get(caseId);
    if (!summary) {
      summary = (await this.db.caseSummaries.get(caseId)) ?? emptySummary(caseId);
      this.summaries.set(caseId, summary);
    }
    return summary;
  }

  private async applyRecord(record: CaseRecord, files: readonly Attachment[], sign: 1 | -1, bare?: boolean) {
    const summary = await this.summary(record.caseId);
    if (applyRecordFacts(summary, recordFacts(record, files, bare), sign))
      this.staleLatest.set(`${record.caseId}\n${record.kind}`, { caseId: record.caseId, kind: record.kind });
  }

  async addRecord(record: CaseRecord, files: readonly Attachment[] = []): Promise<void> {
    const head = recordHead(record);
    // Asked at once: the transaction runs them in order, and a failure of any aborts it.
    await Promise.all([
      this.db.records.add(record),
      this.db.recordHeads.add(head),
      ...files.map((file) => this.db.attachments.add(file)),
    ]);
    await this.applyRecord(record, files, 1, head.bare);
  }

  /** Many records at once (an imported package), each file naming its record. */
  async addRecords(records: readonly CaseRecord[], files: readonly Attachment[]): Promise<void> {
    const heads = records.map(recordHead);
    await this.db.records.bulkAdd([...records]);
    await this.db.recordHeads.bulkAdd(heads);
    if (files.length > 0) await this.db.attachments.bulkAdd([...files]);
    const byRecord = new Map<string, Attachment[]>();
    for (const file of files) {
      const list = byRecord.get(file.recordId);
      if (list) list.push(file);
      else byRecord.set(file.recordId, [file]);
    }
    for (const [i, record] of records.entries())
      await this.applyRecord(record, byRecord.get(record.id) ?? [], 1, heads[i]!.bare);
  }

  /** Changes fields of a record (undefined removes one); false when there is no such record. */
  async updateRecord(id: string, changes: Partial<CaseRecord>): Promise<boolean> {
    const before = await this.db.records.get(id);
    if (!before) return false;
    const files = await this.db.attachments.where('recordId').equals(id).toArray();
    await this.db.records.update(id, changes);
    const after = applyChanges(before, changes);
    await this.db.recordHeads.put(recordHead(after));
    await this.applyRecord(before, files, -1);
    await this.applyRecord(after, files, 1);
    return true;
  }

  /** Deletes a record with its files; false when there is no such record. */
  async deleteRecord(id: string): Promise<boolean> {
    const record = await this.db.records.get(id);
    if (!record) return false;
    const files = await this.db.attachments.where('recordId').equals(id).toArray();
    await this.db.attachments.where('recordId').equals(id).delete();
    await this.db.records.delete(id);
    await this.db.recordHeads.delete(id);
    await this.applyRecord(record, files, -1);
    return true;
  }

  async addQuestions(questions: readonly Question[]): Promise<void> {
    if (questions.length === 0) return;
    await this.db.questions.bulkAdd([...questions]);
    for (const question of questions) applyQuestion(await this.summary(question.caseId), question, 1);
  }

  async updateQuestion(id: string, changes: Partial<Question>): Promise<boolean> {
    const before = await this.db.questions.get(id);
    if (!before) return false;
    await this.db.questions.update(id, changes);
    const summary = await this.summary(before.caseId);
    applyQuestion(summary, before, -1);
    applyQuestion(summary, applyChanges(before, changes), 1);
    return true;
  }

  async deleteQuestion(id: string): Promise<void> {
    const question = await this.db.questions.get(id);
    if (!question) return;
    await this.db.questions.delete(id);
    applyQuestion(await this.summary(question.caseId), question, -1);
  }

  async addOpinions(opinions: readonly Opinion[]): Promise<void> {
    if (opinions.length === 0) return;
    await this.db.opinions.bulkAdd([...opinions]);
    for (const opinion of opinions) applyOpinion(await this.summary(opinion.caseId), 1);
  }

  async deleteOpinion(id: string): Promise<void> {
    const opinion = await this.db.opinions.get(id);
    if (!opinion) return;
    await this.db.opinions.delete(id);
    applyOpinion(await this.summary(opinion.caseId), -1);
  }

  /** A new case starts with its (empty) summary. */
  startCase(caseId: CaseId): void {
    this.summaries.set(caseId, emptySummary(caseId));
  }

  /** The case is gone: so is its summary. */
  forgetCase(caseId: CaseId): void {
    this.summaries.delete(caseId);
    for (const [key, stale] of this.staleLatest) if (stale.caseId === caseId) this.staleLatest.delete(key);
  }

  /** Writes the changed summaries; called by `writeCase` inside the transaction, after the rows. */
  async commit(): Promise<void> {
    for (const { caseId, kind } of this.staleLatest.values()) {
      const kindSummary = (await this.summary(caseId)).kinds[kind];
      if (!kindSummary) continue;
      const newest = await this.db.recordHeads
        .where('[caseId+kind+clinicalDate]')
        .between([caseId, kind, ''], [caseId, kind, '\uffff'], true, true)
        .last();
      if (newest?.clinicalDate) kindSummary.latest = newest.clinicalDate;
      else delete kindSummary.latest;
    }
    this.staleLatest.clear();
    if (this.summaries.size > 0) await this.db.caseSummaries.bulkPut([...this.summaries.values()]);
  }
}

/** Runs `write` in one read-write transaction over the case tables and commits the summaries with the rows. */
export async function writeCase<T>(db: CaseDb, write: (w: CaseWrite) => Promise<T>): Promise<T> {
  return db.transaction('rw', caseTables(db), async () => {
    const w = new CaseWrite(db);
    const result = await write(w);
    await w.commit();
    return result;
  });
}

/** The summary of a case as stored; an empty one for a case that has none yet (nothing written). */
export async function getSummary(db: CaseDb, caseId: CaseId): Promise<CaseSummary> {
  return (await db.caseSummaries.get(caseId)) ?? emptySummary(caseId);
}
