import Dexie, { type EntityTable } from 'dexie';
import type { Attachment, Case, CaseRecord } from './model';
import type { RecordsRequest } from './request-model';
import type { CaseDetails, Opinion, Question } from './workspace-model';
import type { SentPackage } from './sent-package';
import { computeSummary, type CaseSummary } from './case-summary';
import { recordHead, type RecordHead } from './record-head';

export const DB_NAME = 'second-look';

/** A marker row written once when the database is created, so an empty database can be told apart
 * from one the browser silently replaced (DESIGN.md, "Durability"). */
export interface DbMeta {
  key: 'created';
  createdAt: string;
}

/**
 * The one place that names tables. Every schema change is a new `version()` with an upgrade test
 * from the previous version's data (tests/unit/db-migrations.test.ts).
 */
export class CaseDb extends Dexie {
  cases!: EntityTable<Case, 'id'>;
  records!: EntityTable<CaseRecord, 'id'>;
  attachments!: EntityTable<Attachment, 'id'>;
  meta!: EntityTable<DbMeta, 'key'>;
  caseDetails!: EntityTable<CaseDetails, 'caseId'>;
  questions!: EntityTable<Question, 'id'>;
  opinions!: EntityTable<Opinion, 'id'>;
  requests!: EntityTable<RecordsRequest, 'id'>;
  sentPackages!: EntityTable<SentPackage, 'id'>;
  caseSummaries!: EntityTable<CaseSummary, 'caseId'>;
  recordHeads!: EntityTable<RecordHead, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      cases: 'id, updatedAt',
      records: 'id, caseId, &[caseId+contentHash], [caseId+kind], clinicalDate',
      attachments: 'id, caseId, recordId',
      meta: 'key',
    });
    // Version 2 (the case workspace): only new tables, so existing rows need no upgrade.
    this.version(2).stores({
      caseDetails: 'caseId',
      questions: 'id, caseId',
      opinions: 'id, caseId',
    });
    // Version 3: a summary row per case that the panel reads instead of every record, and an index that
    // pages a kind's records newest first. The upgrade writes each existing case's summary from its rows
    // and changes no row.
    this.version(3)
      .stores({
        records: 'id, caseId, &[caseId+contentHash], [caseId+kind], clinicalDate, [caseId+kind+clinicalDate]',
        caseSummaries: 'caseId',
      })
      .upgrade(async (tx) => {
        for (const caseId of await tx.table('cases').toCollection().primaryKeys()) {
          const [records, attachments, questions, opinions] = await Promise.all(
            ['records', 'attachments', 'questions', 'opinions'].map((name) =>
              tx.table(name).where('caseId').equals(caseId).toArray(),
            ),
          );
          await tx.table('caseSummaries').put(
            computeSummary(String(caseId), {
              records: records as CaseRecord[],
              attachments: attachments as Attachment[],
              questions: questions as Question[],
              opinions: opinions as Opinion[],
            }),
          );
        }
      });
    // Version 4 (records requests and their tracking): a new table only, so existing rows need no upgrade.
    this.version(4).stores({ requests: 'id, caseId' });
    // Version 5 (the sent-package log): a new table only, so existing rows need no upgrade.
    this.version(5).stores({ sentPackages: 'id, caseId' });
    // Version 6: what the records list shows of each record (core/record-head), so a list never reads a record's
    // snapshot or result rows. The upgrade writes one head per existing record and changes no row.
    this.version(6)
      .stores({ recordHeads: 'id, caseId, [caseId+kind], [caseId+kind+clinicalDate]' })
      .upgrade(async (tx) => {
        const heads: RecordHead[] = [];
        await tx
          .table('records')
          .toCollection()
          .each((record: CaseRecord) => void heads.push(recordHead(record)));
        await tx.table('recordHeads').bulkPut(heads);
      });
    this.on('populate', (tx) => {
      void tx.table('meta').add({ key: 'created', createdAt: new Date().toISOString() });
    });
  }
}

/**
 * A note kept outside IndexedDB (browser.storage.local) naming the database we created. When the browser
 * silently replaces a damaged database with an empty one, the new one has a new creation marker and
 * no longer matches it (DESIGN.md, "Durability").
 */
export interface DbWitness {
  createdAt: string;
  /** When the witness was first written; for bug reports. */
  seenAt: string;
}

export interface WitnessStore {
  get: () => Promise<DbWitness | undefined>;
  set: (witness: DbWitness) => Promise<void>;
}

export type DbProblem = 'unopenable' | 'marker-missing' | 'replaced';
export type DbHealth = { ok: true } | { ok: false; reason: DbProblem; detail: string };

/**
 * Opens the database and checks it is the one we created; never deletes or recreates anything. The
 * witness is written once, the first time a healthy database is seen, and never overwritten after a
 * mismatch, so the user is told on every start until the problem is dealt with.
 */
export async function checkDbHealth(
  db: CaseDb,
  witness: WitnessStore,
  now: () => Date = () => new Date(),
): Promise<DbHealth> {
  try {
    await db.open();
  } catch (error) {
    return { ok: false, reason: 'unopenable', detail: error instanceof Error ? error.name : 'unknown' };
  }
  const marker = await db.meta.get('created');
  if (!marker) return { ok: false, reason: 'marker-missing', detail: 'no creation marker' };
  const known = await witness.get();
  if (!known) {
    await witness.set({ createdAt: marker.createdAt, seenAt: now().toISOString() });
    return { ok: true };
  }
  if (known.createdAt !== marker.createdAt) {
    return {
      ok: false,
      reason: 'replaced',
      detail: `database created ${known.createdAt} is gone; found one created ${marker.createdAt}`,
    };
  }
  return { ok: true };
}
