import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDetails, setDecisionField, setNotApplicable, setStoryField } from '../../lib/case/case-details';
import { createCase, deleteCase } from '../../lib/case/cases';
import { CaseDb } from '../../lib/core/db';
import { addOpinion, deleteOpinion, listOpinions, setOpinionField } from '../../lib/case/opinions';
import { addQuestion, editQuestion, listQuestions, moveQuestion, setQuestionLink } from '../../lib/case/questions';
import { addRecords, deleteRecord } from '../../lib/case/records';
import { captured } from './fixtures/records';

let db: CaseDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = new CaseDb(`workspace-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('story and case details', () => {
  it('saves one field at a time, so two writers on different fields both keep their edits', async () => {
    const c = await createCase(db, 'Case');
    const other = new CaseDb(db.name);
    await Promise.all([
      setStoryField(db, c.id, 'goals', 'Keep working 🙂'),
      setStoryField(other, c.id, 'diagnosis', 'سرطان'),
      setNotApplicable(other, c.id, 'operative', true),
      setDecisionField(db, c.id, 'reasons', 'Closer to home'),
    ]);
    other.close();
    const details = await getDetails(db, c.id);
    expect(details.story).toEqual({ goals: 'Keep working 🙂', diagnosis: 'سرطان' });
    expect(details.notApplicable).toEqual({ operative: true });
    expect(details.decision).toEqual({ reasons: 'Closer to home' });
  });

  it('clears a not-applicable mark and keeps pasted HTML as text', async () => {
    const c = await createCase(db, 'Case');
    await setNotApplicable(db, c.id, 'labs', true);
    await setNotApplicable(db, c.id, 'labs', false);
    await setStoryField(db, c.id, 'reasonDetail', '<img src=x onerror=alert(1)>');
    const details = await getDetails(db, c.id);
    expect(details.notApplicable).toEqual({});
    expect(details.story.reasonDetail).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses overlong text and unknown cases', async () => {
    const c = await createCase(db, 'Case');
    await expect(setStoryField(db, c.id, 'goals', 'x'.repeat(20_001))).rejects.toThrow();
    await expect(setStoryField(db, 'nope', 'goals', 'x')).rejects.toThrow('case-not-found');
    expect(await getDetails(db, 'nope')).toMatchObject({ story: {}, notApplicable: {} });
  });
});

describe('questions', () => {
  it('adds in order, reorders by swapping, and edits single fields', async () => {
    const c = await createCase(db, 'Case');
    const a = await addQuestion(db, c.id, 'diagnosis', 'Do you agree with the diagnosis?');
    const b = await addQuestion(db, c.id, 'treatment', '  Options I was not offered?  ');
    const d = await addQuestion(db, c.id, 'next-steps', 'What next?');
    expect((await listQuestions(db, c.id)).map((q) => q.text)).toEqual([
      'Do you agree with the diagnosis?',
      'Options I was not offered?',
      'What next?',
    ]);
    await moveQuestion(db, d.id, -1);
    await moveQuestion(db, a.id, -1); // already first: nothing happens
    expect((await listQuestions(db, c.id)).map((q) => q.id)).toEqual([a.id, d.id, b.id]);
    await moveQuestion(db, a.id, 1);
    expect((await listQuestions(db, c.id)).map((q) => q.id)).toEqual([d.id, a.id, b.id]);
    await Promise.all([editQuestion(db, a.id, { answered: true }), editQuestion(db, a.id, { answer: 'Yes' })]);
    expect(await db.questions.get(a.id)).toMatchObject({ answered: true, answer: 'Yes', family: 'diagnosis' });
    await expect(addQuestion(db, c.id, 'diagnosis', '   ')).rejects.toThrow();
  });

  it('keeps a link to a record that was deleted later', async () => {
    const c = await createCase(db, 'Case');
    const { added } = await addRecords(db, c.id, [captured({ kind: 'pathology', title: 'Biopsy' })]);
    const q = await addQuestion(db, c.id, 'diagnosis', 'What in my records supports it?');
    await setQuestionLink(db, q.id, added[0]!, true);
    await deleteRecord(db, added[0]!);
    expect((await db.questions.get(q.id))?.linkedRecordIds).toEqual([added[0]]);
    await setQuestionLink(db, q.id, added[0]!, false);
    expect((await db.questions.get(q.id))?.linkedRecordIds).toEqual([]);
  });
});

describe('opinions', () => {
  it('records fields one at a time and deletes', async () => {
    const c = await createCase(db, 'Case');
    const o = await addOpinion(db, c.id);
    await setOpinionField(db, o.id, 'clinician', 'Dr. Synthetic');
    await setOpinionField(db, o.id, 'date', '2026-11-20');
    await expect(setOpinionField(db, o.id, 'date', '20 Nov')).rejects.toThrow();
    expect((await listOpinions(db, c.id))[0]).toMatchObject({ clinician: 'Dr. Synthetic', date: '2026-11-20' });
    await deleteOpinion(db, o.id);
    expect(await listOpinions(db, c.id)).toEqual([]);
  });
});

describe('deleteCase', () => {
  it('removes the workspace rows of that case and only that case', async () => {
    const gone = await createCase(db, 'Gone');
    const kept = await createCase(db, 'Kept');
    for (const c of [gone, kept]) {
      await addRecords(db, c.id, [captured()]);
      await addQuestion(db, c.id, 'diagnosis', 'Q?');
      await addOpinion(db, c.id);
      await setStoryField(db, c.id, 'goals', 'G');
    }
    await deleteCase(db, gone.id);
    for (const table of [db.records, db.questions, db.opinions] as const) {
      expect(await table.where('caseId').equals(gone.id).count()).toBe(0);
      expect(await table.where('caseId').equals(kept.id).count()).toBe(1);
    }
    expect(await db.caseDetails.get(gone.id)).toBeUndefined();
    expect(await db.caseDetails.get(kept.id)).toBeDefined();
  });

  it('empties every table that holds rows of a case, including tables added later', async () => {
    const gone = await createCase(db, 'Gone');
    const perCase = db.tables.filter(
      (t) =>
        t.name !== 'cases' && (t.schema.primKey.name === 'caseId' || t.schema.indexes.some((i) => i.name === 'caseId')),
    );
    expect(perCase.length).toBeGreaterThanOrEqual(7);
    for (const table of perCase) {
      const key = table.schema.primKey.name;
      await table.put(key === 'caseId' ? { caseId: gone.id } : { [key]: `row-of-${table.name}`, caseId: gone.id });
    }
    await deleteCase(db, gone.id);
    for (const table of perCase) {
      const left = await table.where('caseId').equals(gone.id).count();
      expect(left, `${table.name} still holds rows of the deleted case`).toBe(0);
    }
  });
});
