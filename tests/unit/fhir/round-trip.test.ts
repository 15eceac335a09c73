// Our own patient-shared-bundle.json, imported into a fresh profile (a new database), gives back the same
// structured records, "About the patient", the story and the questions. Compares databases, not files.
import { describe, expect, it } from 'vitest';
import { addRecords } from '../../../lib/case/records';
import { createCase } from '../../../lib/case/cases';
import { getDetails, setPatientField, setStoryField } from '../../../lib/case/case-details';
import { addQuestion, listQuestions } from '../../../lib/case/questions';
import { CaseDb } from '../../../lib/core/db';
import type { CaseRecord, StructuredData } from '../../../lib/core/model';
import type { StoryField } from '../../../lib/core/workspace-model';
import { packageEntries } from '../../../lib/export/package';
import { importFiles } from '../../../lib/import/files';
import { parseXmlDocument } from '../../tools/xml-parser';
import { collect, packageInput } from '../helpers/synthetic-case';
import { EVERY_KIND, PATIENT_SHARED } from './every-kind';

/** The structured records of a case, in a comparable form. Set aside: order, and how a row was read. */
function structuredRecords(records: CaseRecord[]) {
  return records
    .filter((r) => r.structured && r.structured.type !== 'note' && r.structured.type !== 'report')
    .map((r) => {
      const s = JSON.parse(
        JSON.stringify(r.structured, (key, value: unknown) => (key === 'readBy' ? undefined : value)),
      ) as StructuredData;
      return { kind: r.kind, title: r.title, structured: s };
    })
    .sort((a, b) => a.title.localeCompare(b.title) || JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function caseFrom(db: CaseDb) {
  const caseId = (await createCase(db, 'Original')).id;
  await addRecords(
    db,
    caseId,
    EVERY_KIND.map(({ kind, title, clinicalDate, provenance, snapshotHtml, text, structured }) => ({
      kind,
      title,
      ...(clinicalDate ? { clinicalDate } : {}),
      provenance,
      snapshotHtml,
      text,
      ...(structured ? { structured } : {}),
    })),
  );
  for (const field of ['name', 'birthDate', 'sex'] as const)
    await setPatientField(db, caseId, field, PATIENT_SHARED.patient![field]);
  for (const [field, value] of Object.entries(PATIENT_SHARED.story))
    await setStoryField(db, caseId, field as StoryField, value as never);
  for (const q of PATIENT_SHARED.questions) await addQuestion(db, caseId, q.family as 'diagnosis', q.text);
  return caseId;
}

describe('round trip through the patient-shared bundle', () => {
  it('gives back the same structured records, patient, story and questions', async () => {
    const original = new CaseDb(`rt-a-${crypto.randomUUID()}`);
    const originalId = await caseFrom(original);
    const records = await original.records.where('caseId').equals(originalId).toArray();
    const details = await getDetails(original, originalId);
    const questions = await listQuestions(original, originalId);
    const input = await packageInput({
      records,
      attachments: [],
      patientShared: {
        include: true,
        patient: details.patient,
        story: details.story,
        questions: questions.map(({ text, family, priority }) => ({ text, family, priority })),
      },
    });
    const entry = (await collect(packageEntries(input))).find((e) => e.path === 'data/patient-shared-bundle.json')!;

    const fresh = new CaseDb(`rt-b-${crypto.randomUUID()}`);
    const freshId = (await createCase(fresh, 'Imported')).id;
    const [outcome] = await importFiles(
      fresh,
      freshId,
      [new File([entry.data as BlobPart], 'patient-shared-bundle.json')],
      parseXmlDocument,
    );
    expect(outcome!.result).toMatchObject({ ok: true });
    const back = await fresh.records.where('caseId').equals(freshId).toArray();
    expect(structuredRecords(back)).toEqual(structuredRecords(records));
    const backDetails = await getDetails(fresh, freshId);
    expect(backDetails.patient).toEqual(details.patient);
    expect(backDetails.story).toEqual(details.story);
    expect(
      (await listQuestions(fresh, freshId)).map(({ text, family, priority }) => ({ text, family, priority })),
    ).toEqual(questions.map(({ text, family, priority }) => ({ text, family, priority })));
    // Reports and notes come back as their text.
    const note = back.find((r) => r.title === 'Pulmonology visit')!;
    expect(note.structured).toMatchObject({
      type: 'note',
      noteType: 'Progress note',
      paragraphs: ['Discussed options.'],
    });
  });
});
