import Dexie, { type EntityTable } from 'dexie';
import type { Attachment, Case, CaseRecord } from './model';
import type { CaseDetails, Opinion, Question } from './workspace-model';

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

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      cases: 'id, updatedAt',
      records: 'id, caseId, &[caseId+contentHash], [caseId+kind], clinicalDate',
      attachments: 'id, caseId, recordId',
      meta: 'key',
    });
    // Version 2 (issue 4, the case workspace): only new tables, so existing rows need no upgrade.
    this.version(2).stores({
      caseDetails: 'caseId',
      questions: 'id, caseId',
      opinions: 'id, caseId',
    });
    this.on('populate', (tx) => {
      void tx.table('meta').add({ key: 'created', createdAt: new Date().toISOString() });
    });
  }
}

export type DbHealth = { ok: true } | { ok: false; reason: 'unopenable' | 'marker-missing'; detail: string };

/** Opens the database and checks it is the one we created; never deletes or recreates anything. */
export async function checkDbHealth(db: CaseDb): Promise<DbHealth> {
  try {
    await db.open();
  } catch (error) {
    return { ok: false, reason: 'unopenable', detail: error instanceof Error ? error.name : 'unknown' };
  }
  const marker = await db.meta.get('created');
  return marker ? { ok: true } : { ok: false, reason: 'marker-missing', detail: 'no creation marker' };
}
