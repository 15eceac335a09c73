import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { checklistFromSummary, completeness } from '../../../lib/case/completeness';
import { createCase, deleteCase } from '../../../lib/case/cases';
import { getSummary } from '../../../lib/case/case-write';
import { addOpinion, deleteOpinion } from '../../../lib/case/opinions';
import { addQuestion, deleteQuestion, editQuestion, moveQuestion, setQuestionLink } from '../../../lib/case/questions';
import { addRecords, deleteRecord, editRecord, namePortal, type NewAttachment } from '../../../lib/case/records';
import { computeSummary } from '../../../lib/core/case-summary';
import { CaseDb } from '../../../lib/core/db';
import { RecordKind, type CapturedRecord } from '../../../lib/core/model';
import { RecordFamily } from '../../../lib/core/workspace-model';
import { captured } from '../fixtures/records';

/** A small seeded generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function fromScratch(db: CaseDb, caseId: string) {
  const of = <T extends { caseId: string }>(rows: T[]) => rows.filter((r) => r.caseId === caseId);
  return computeSummary(caseId, {
    records: of(await db.records.toArray()),
    attachments: of(await db.attachments.toArray()),
    questions: of(await db.questions.toArray()),
    opinions: of(await db.opinions.toArray()),
  });
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('the case summary kept with every write', () => {
  it('equals a summary computed from scratch after every step of random write sequences', async () => {
    for (const seed of [1, 2, 3]) {
      const name = `summary-random-${seed}`;
      names.push(name);
      const db = new CaseDb(name);
      const rand = random(seed);
      const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(rand() * items.length)];
      const dates = ['2026-01-02', '2026-03-04', '2026-03-04T10:00:00Z', '2025-12-31', undefined];
      const kinds = RecordKind.options;
      let content = 0;
      const newRecord = (): { record: CapturedRecord; files: NewAttachment[] } => {
        const kind = pick(kinds)!;
        const date = pick(dates);
        const titleOnly = rand() < 0.25;
        const record = captured({
          kind,
          title: `Record ${++content}`,
          ...(date ? { clinicalDate: date } : {}),
          // Title-only snapshots repeat the title; the rest carry a value.
          snapshotHtml: titleOnly ? `<h1>Record ${content}</h1>` : `<p>value ${content}</p>`,
          ...(kind === 'medication' && rand() < 0.5
            ? { structured: { type: 'medications' as const, medications: [{ name: 'Metformin' }] } }
            : {}),
          ...(kind === 'imaging' && rand() < 0.3
            ? { structured: { type: 'imaging-study' as const, modalities: ['CT'], series: [], instances: 1 } }
            : {}),
        });
        const files: NewAttachment[] = [];
        const count = rand() < 0.3 ? Math.floor(rand() * 3) : 0;
        for (let i = 0; i < count; i++) {
          const dicom = rand() < 0.6;
          files.push({
            name: dicom ? `IM${i}.dcm` : `scan-${i}.pdf`,
            mediaType: dicom ? 'application/dicom' : 'application/pdf',
            size: 3,
            sha256: 'e'.repeat(64),
            blob: new Blob(['abc']),
          });
        }
        // A duplicate of an earlier record now and then: nothing is written for it.
        if (rand() < 0.1 && content > 2) record.snapshotHtml = `<p>value ${content - 1}</p>`;
        return { record, files };
      };

      const caseIds = [(await createCase(db, 'First')).id, (await createCase(db, 'Second')).id];
      const steps: string[] = [];
      for (let step = 0; step < 120; step++) {
        const caseId = pick(caseIds)!;
        const records = await db.records.where('caseId').equals(caseId).toArray();
        const questions = await db.questions.where('caseId').equals(caseId).toArray();
        const opinions = await db.opinions.where('caseId').equals(caseId).toArray();
        const roll = rand();
        if (roll < 0.3) {
          const batch = Array.from({ length: 1 + Math.floor(rand() * 3) }, newRecord);
          await addRecords(
            db,
            caseId,
            batch.map((b) => b.record),
            batch.map((b) => b.files),
          );
          steps.push('add records');
        } else if (roll < 0.45 && records.length) {
          const target = pick(records)!;
          const edit = pick([
            { kind: pick(kinds)! },
            { clinicalDate: pick(['2027-01-01', '2024-05-05', null])! },
            { title: pick(['Record 1', 'Renamed', target.title])! },
            { note: 'a note' },
          ])!;
          await editRecord(db, target.id, edit);
          steps.push(`edit ${Object.keys(edit).join()}`);
        } else if (roll < 0.55 && records.length) {
          await deleteRecord(db, pick(records)!.id);
          steps.push('delete record');
        } else if (roll < 0.65) {
          await addQuestion(db, caseId, 'diagnosis', `Question ${step}`);
          steps.push('add question');
        } else if (roll < 0.72 && questions.length) {
          await editQuestion(db, pick(questions)!.id, { answered: rand() < 0.5, answer: 'maybe' });
          steps.push('answer question');
        } else if (roll < 0.76 && questions.length) {
          await moveQuestion(db, pick(questions)!.id, rand() < 0.5 ? -1 : 1);
          if (records.length) await setQuestionLink(db, pick(questions)!.id, pick(records)!.id, true);
          steps.push('move and link question');
        } else if (roll < 0.8 && questions.length) {
          await deleteQuestion(db, pick(questions)!.id);
          steps.push('delete question');
        } else if (roll < 0.86) {
          await addOpinion(db, caseId);
          steps.push('add opinion');
        } else if (roll < 0.89 && opinions.length) {
          await deleteOpinion(db, pick(opinions)!.id);
          steps.push('delete opinion');
        } else if (roll < 0.91 && records.length) {
          await namePortal(db, caseId, 'https://portal.example', 'Example portal');
          steps.push('name portal');
        } else if (roll < 0.93) {
          await deleteCase(db, caseId);
          caseIds.splice(caseIds.indexOf(caseId), 1, (await createCase(db, `Case ${step}`)).id);
          steps.push('delete case, create another');
        } else {
          continue;
        }
        for (const id of caseIds) {
          const kept = await db.caseSummaries.get(id);
          expect(kept, `seed ${seed}, after: ${steps.join(' / ')}`).toEqual(await fromScratch(db, id));
        }
      }
      // No summary outlives its case.
      expect((await db.caseSummaries.toCollection().primaryKeys()).sort()).toEqual([...caseIds].sort());
      expect(steps.length).toBeGreaterThan(80);
      db.close();
    }
  });

  it('gives the same checklist as the records themselves', async () => {
    const name = 'summary-checklist';
    names.push(name);
    const db = new CaseDb(name);
    const { id } = await createCase(db, 'Checklist');
    const dicom = {
      name: 'IM1.dcm',
      mediaType: 'application/dicom',
      size: 3,
      sha256: 'e'.repeat(64),
      blob: new Blob(['a']),
    };
    await addRecords(
      db,
      id,
      [
        captured({ kind: 'imaging', title: 'CT', snapshotHtml: '<p>Normal</p>' }),
        captured({ kind: 'imaging', title: 'MRI', snapshotHtml: '<h1>MRI</h1>' }),
        captured({ kind: 'lab', title: 'CBC', snapshotHtml: '<p>Hb 13</p>' }),
        captured({ kind: 'procedure', title: 'Procedures', snapshotHtml: '<p>Appendectomy</p>' }),
      ],
      [[], [dicom]],
    );
    const records = await db.records.toArray();
    const attachments = await db.attachments.toArray();
    const summary = await getSummary(db, id);
    for (const notApplicable of [{}, { pathology: true }, { labs: true, 'imaging-images': true }]) {
      expect(checklistFromSummary(summary, notApplicable)).toEqual(
        completeness(records, { notApplicable, attachments }),
      );
    }
    expect(checklistFromSummary(summary, {}).find((i) => i.family === 'imaging-images')).toMatchObject({
      status: 'present',
      count: 1,
    });
    expect(RecordFamily.options).toHaveLength(checklistFromSummary(summary, {}).length);
    db.close();
  });
});
