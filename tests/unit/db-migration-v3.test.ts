import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { computeSummary, type CaseSummary } from '../../lib/core/case-summary';
import { CaseDb } from '../../lib/core/db';
import { openV2, writeV2 } from './fixtures/v2-database';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Every row of every table, blobs as their text, in key order: what "unchanged" is judged on. */
async function dump(db: Dexie, tables: string[]) {
  const out: Record<string, unknown[]> = {};
  for (const name of tables) {
    const rows = await db.table(name).toArray();
    out[name] = await Promise.all(
      rows.map(async (row: Record<string, unknown>) =>
        row.blob instanceof Blob ? { ...row, blob: await row.blob.text() } : row,
      ),
    );
  }
  return out;
}

const V2_TABLES = ['cases', 'records', 'attachments', 'meta', 'caseDetails', 'questions', 'opinions'];

describe('database version 3: case summaries', () => {
  it('keeps every version-2 row unchanged and writes each case summary from its rows', async () => {
    const name = 'migration-v2-v3';
    names.push(name);
    await writeV2(name);
    const before = openV2(name);
    const rowsBefore = await dump(before, V2_TABLES);
    before.close();

    const db = new CaseDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await dump(db, V2_TABLES)).toEqual(rowsBefore);

    const summaries = await db.caseSummaries.toArray();
    expect(summaries.map((s) => s.caseId).sort()).toEqual(['case-a', 'case-b', 'case-c']);
    for (const summary of summaries) {
      const of = <T extends { caseId: string }>(rows: T[]) => rows.filter((r) => r.caseId === summary.caseId);
      const scratch = computeSummary(summary.caseId, {
        records: of(await db.records.toArray()),
        attachments: of(await db.attachments.toArray()),
        questions: of(await db.questions.toArray()),
        opinions: of(await db.opinions.toArray()),
      });
      expect(summary).toEqual(scratch);
    }
    // Written by hand from the fixture (tests/unit/fixtures/v2-database.ts), not by the code under test.
    const expectedA: CaseSummary = {
      caseId: 'case-a',
      records: 9,
      kinds: {
        lab: { count: 2, undated: 0, latest: '2026-05-10' },
        imaging: { count: 3, undated: 0, latest: '2026-04-03' },
        note: { count: 1, undated: 1 },
        medication: { count: 1, undated: 0, latest: '2026-02-01' },
        allergy: { count: 1, undated: 1 },
        pathology: { count: 1, undated: 0, latest: '2026-04-20' },
      },
      families: { labs: 2, 'imaging-reports': 1, notes: 1, medications: 1, pathology: 1 },
      imagingReports: 1,
      imageFiles: 3,
      titleOnly: 1,
      attachments: 4,
      questions: 3,
      answered: 1,
      opinions: 2,
    };
    expect(await db.caseSummaries.get('case-a')).toEqual(expectedA);
    expect(await db.caseSummaries.get('case-b')).toMatchObject({
      records: 2,
      families: { operative: 1, 'family-history': 1 },
      kinds: { procedure: { count: 1, undated: 0, latest: '2025-12-01' }, 'family-history': { count: 1, undated: 1 } },
      questions: 0,
      opinions: 1,
    });
    expect(await db.caseSummaries.get('case-c')).toMatchObject({ records: 0, kinds: {}, questions: 0, opinions: 0 });
    // The new index pages a kind newest first.
    const labs = await db.records
      .where('[caseId+kind+clinicalDate]')
      .between(['case-a', 'lab', ''], ['case-a', 'lab', '\uffff'])
      .reverse()
      .toArray();
    expect(labs.map((r) => r.id)).toEqual(['a2', 'a1']);
    console.log(
      `Migrations (unit): v2 -> v${db.verno}: ${rowsBefore.records!.length} records, ${rowsBefore.questions!.length} questions, ` +
        `${rowsBefore.opinions!.length} opinions, ${rowsBefore.attachments!.length} attachments unchanged; ${summaries.length} case summaries written`,
    );
    db.close();
  });
});
