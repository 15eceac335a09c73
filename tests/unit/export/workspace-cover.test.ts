// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDb } from '../../../lib/core/db';
import { Manifest } from '../../../lib/export/manifest';
import { packageCompleteness, packageQuestions, packageStory } from '../../../lib/export/workspace-cover';
import { restoreWorkspace, workspaceFromManifest } from '../../../lib/import/restore-workspace';
import type { Question } from '../../../lib/core/workspace-model';
import { translate } from '../components/render';

const t = (key: string) => translate(key as Parameters<typeof translate>[0]);
const at = '2026-11-01T10:00:00.000Z';
const question = (id: string, priority: number, extra: Partial<Question> = {}): Question => ({
  id,
  caseId: 'c1',
  family: 'treatment',
  text: `Question ${id}?`,
  priority,
  linkedRecordIds: [],
  answered: false,
  answer: '',
  createdAt: at,
  updatedAt: at,
  ...extra,
});

const dbs: CaseDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('the workspace in the package', () => {
  it('turns the story into a translated cover sheet and keeps the raw fields for import', () => {
    const story = packageStory(
      { reason: 'doubts', reasonDetail: 'Is surgery needed?', diagnosis: 'Nodule', timeSensitive: 'yes', goals: '' },
      t,
    );
    expect(story).toEqual({
      reason: 'Doubts about the diagnosis or the plan\n\nIs surgery needed?',
      sections: [{ label: 'Current diagnosis (as you were told)', text: 'Nodule' }],
      timeSensitive: true,
      fields: { reason: 'doubts', reasonDetail: 'Is surgery needed?', diagnosis: 'Nodule', timeSensitive: 'yes' },
    });
    expect(packageStory({}, t)).toBeUndefined();
  });

  it('lists questions in priority order, renumbered, with links only to exported records', () => {
    const questions = packageQuestions(
      [question('b', 5, { linkedRecordIds: ['r1', 'gone'] }), question('a', 2, { answer: 'Yes', answered: true })],
      new Set(['r1']),
      t,
    );
    expect(questions.map((q) => [q.id, q.priority, q.recordIds])).toEqual([
      ['a', 1, []],
      ['b', 2, ['r1']],
    ]);
    expect(questions[0]).toMatchObject({
      family: 'Treatment',
      questionFamily: 'treatment',
      answer: 'Yes',
      answered: true,
    });
  });

  it('gives completeness as text: family names and gap hints translated', () => {
    const items = packageCompleteness([{ id: 'r', kind: 'imaging' }], { notApplicable: { operative: true } }, t);
    expect(items.find((i) => i.family === 'Imaging reports')).toEqual({
      family: 'Imaging reports',
      familyId: 'imaging-reports',
      status: 'present',
      count: 1,
      hint: '',
    });
    const images = items.find((i) => i.family === 'Imaging images (DICOM)')!;
    expect(images.status).toBe('report-only');
    expect(images.hint).toBe(translate('hint_imaging_images_for_reports'));
    expect(items.find((i) => i.family === 'Surgical and operative reports')!.status).toBe('not-applicable');
  });

  it('restores story and questions from a manifest into a new case, question links mapped to the new record ids', async () => {
    const manifest = {
      case: {
        title: 'x',
        createdAt: at,
        updatedAt: at,
        story: packageStory({ reason: 'other', diagnosis: 'Nodule' }, t),
      },
      questions: packageQuestions(
        [question('q2', 2, { linkedRecordIds: ['old-1'] }), question('q1', 1, { family: 'next-steps' })],
        new Set(['old-1']),
        t,
      ),
    } as unknown as Manifest;
    const db = new CaseDb(`restore-${Math.random()}`);
    dbs.push(db);
    await db.cases.add({ id: 'new-case', title: 'x', createdAt: at, updatedAt: at });
    await restoreWorkspace(db, manifest, 'new-case', new Map([['old-1', 'new-1']]));
    expect((await db.caseDetails.get('new-case'))!.story).toEqual({ reason: 'other', diagnosis: 'Nodule' });
    const restored = (await db.questions.where('caseId').equals('new-case').toArray()).sort(
      (a, b) => a.priority - b.priority,
    );
    expect(restored.map((q) => [q.text, q.family, q.priority, q.linkedRecordIds])).toEqual([
      ['Question q1?', 'next-steps', 1, []],
      ['Question q2?', 'treatment', 2, ['new-1']],
    ]);
  });

  it('drops story fields that no longer parse and questions without text', () => {
    const manifest = {
      case: {
        title: 'x',
        createdAt: at,
        updatedAt: at,
        story: { fields: { reason: '[REDACTED]', goals: 'Walk again' } },
      },
      questions: [{ id: 'q', text: '   ', priority: 1 }],
    } as unknown as Manifest;
    const { details, questions } = workspaceFromManifest(manifest, 'c', new Map(), at);
    expect(details?.story).toEqual({ goals: 'Walk again' });
    expect(questions).toEqual([]);
  });
});
