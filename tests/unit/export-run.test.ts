// @vitest-environment node
// Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPackageInput, runExport, type ExportChoices } from '../../entrypoints/sidepanel/export-run';
import { runImport } from '../../entrypoints/sidepanel/import-run';
import { setStoryField } from '../../lib/case/case-details';
import { createCase } from '../../lib/case/cases';
import { CaseDb } from '../../lib/core/db';
import { sha256Hex } from '../../lib/core/hash';
import { addQuestion, setQuestionLink } from '../../lib/case/questions';
import { addRecords } from '../../lib/case/records';
import { translate } from './components/render';
import { captured } from './fixtures/records';

const dbs: CaseDb[] = [];
beforeEach(() => {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
});
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
  vi.restoreAllMocks();
});

async function preparedCase() {
  const db = new CaseDb(`export-run-${Math.random()}`);
  dbs.push(db);
  const c = await createCase(db, 'Nodule case');
  await addRecords(db, c.id, [
    captured({ kind: 'imaging', title: 'CT chest', text: 'CT text' }),
    captured({ kind: 'note', title: 'Visit note', text: 'Note text' }),
  ]);
  const [ct, note] = (await db.records.where('caseId').equals(c.id).toArray()).sort((a, b) =>
    a.title.localeCompare(b.title),
  );
  const bytes = new TextEncoder().encode('%PDF-1.4 synthetic');
  await db.attachments.add({
    id: 'a1',
    caseId: c.id,
    recordId: note!.id,
    name: 'letter.pdf',
    mediaType: 'application/pdf',
    size: bytes.length,
    sha256: await sha256Hex(bytes),
    blob: new Blob([bytes]),
  });
  await setStoryField(db, c.id, 'diagnosis', 'Spiculated nodule');
  const q1 = await addQuestion(db, c.id, 'diagnosis', 'Is a biopsy needed?');
  await addQuestion(db, c.id, 'next-steps', 'Would PET-CT help?');
  await setQuestionLink(db, q1.id, note!.id, true);
  return { db, caseId: c.id, ct: ct!, note: note! };
}

const ALL: ExportChoices = { excludedRecordIds: [], pageSize: 'a4' };

describe('export wiring', () => {
  it('passes the story, questions in priority order, completeness as text and attachments to the package', async () => {
    const { db, caseId, note } = await preparedCase();
    const input = await loadPackageInput(db, caseId, ALL, translate);
    expect(input.pageSize).toBe('a4');
    expect(input.story?.sections).toEqual([
      { label: 'Current diagnosis (as you were told)', text: 'Spiculated nodule' },
    ]);
    expect(input.questions!.map((q) => [q.text, q.priority, q.recordIds])).toEqual([
      ['Is a biopsy needed?', 1, [note.id]],
      ['Would PET-CT help?', 2, []],
    ]);
    const labs = input.completeness!.find((i) => i.family === 'Lab results')!;
    expect(labs).toMatchObject({ status: 'missing', count: 0 });
    expect(labs.hint).toBe(translate('hint_labs'));
    expect(input.attachments).toEqual([
      expect.objectContaining({ id: 'a1', recordId: note.id, data: expect.any(Blob) }),
    ]);
  });

  it('leaves out unticked records with their attachments and question links', async () => {
    const { db, caseId, note } = await preparedCase();
    const input = await loadPackageInput(db, caseId, { ...ALL, excludedRecordIds: [note.id] }, translate);
    expect(input.records.map((r) => r.title)).toEqual(['CT chest']);
    expect(input.attachments).toEqual([]);
    expect(input.questions![0]!.recordIds).toEqual([]);
  });

  it('a cancelled export never reaches the downloads API', async () => {
    const { db, caseId } = await preparedCase();
    const download = vi.fn();
    fakeBrowser.downloads.download = download as never;
    const controller = new AbortController();
    const run = runExport(db, caseId, ALL, translate, () => controller.abort(), controller.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(download).not.toHaveBeenCalled();
  });

  it('refuses a file that is not a package with a reason code and writes nothing', async () => {
    const { db } = await preparedCase();
    const before = await db.cases.count();
    expect(await runImport(db, new Blob(['not a zip at all\n'.repeat(200)]))).toMatchObject({
      ok: false,
      code: 'not-a-zip',
    });
    expect(await db.cases.count()).toBe(before);
  });
});
