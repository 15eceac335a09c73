// A case with every field a patient can fill, for the lossless round-trip tests. Synthetic patient only.
import { setDecisionField, setNotApplicable, setRedactionChoices, setStoryField } from '../../../lib/case/case-details';
import { createCase } from '../../../lib/case/cases';
import { addOpinion, setOpinionField } from '../../../lib/case/opinions';
import { addQuestion, editQuestion, setQuestionLink } from '../../../lib/case/questions';
import { addRecords, editRecord } from '../../../lib/case/records';
import type { CaseDb } from '../../../lib/core/db';
import { sha256Hex } from '../../../lib/core/hash';
import { newId } from '../../../lib/core/ids';
import { StructuredData, type CapturedRecord, type RecordKind } from '../../../lib/core/model';
import type { Story } from '../../../lib/core/workspace-model';

const provenance = (path: string, pageTitle: string) => ({
  portal: 'epic-mychart',
  origin: 'https://mychart.example.org',
  path,
  pageTitle,
});

/** One record per structured type in lib/core/model.ts, each with every optional field set. */
export const SAMPLES: Record<StructuredData['type'], { kind: RecordKind; structured: StructuredData }> = {
  lab: {
    kind: 'lab',
    structured: {
      type: 'lab',
      panel: {
        name: 'Basic metabolic panel',
        orderingProvider: 'Dr. Example Orderer',
        collected: '2026-10-14T08:30:00-04:00',
        resulted: '2026-10-14T12:00:00-04:00',
        performingLab: 'Example Lab',
        status: 'Final',
        specimen: 'Serum',
      },
      results: [
        {
          test: 'Glucose',
          value: '5.9',
          numericValue: 5.9,
          comparator: '>=',
          unit: 'mmol/L',
          referenceRange: '3.9-5.5',
          low: 3.9,
          high: 5.5,
          flag: 'H',
          date: '2026-10-14',
          loinc: '2345-7',
          notes: 'Fasting',
          unparsed: false,
          readBy: 'coded-entry',
        },
        { test: 'Comment row', value: 'see note', unparsed: true, readBy: 'content' },
      ],
      notes: ['Specimen slightly hemolysed.'],
    },
  },
  report: {
    kind: 'imaging',
    structured: {
      type: 'report',
      exam: 'CT CHEST W CONTRAST',
      modality: 'CT',
      bodyPart: 'Chest',
      specimen: 'n/a',
      sections: [{ heading: 'Impression', text: 'A 9 mm nodule.' }],
    },
  },
  note: {
    kind: 'note',
    structured: { type: 'note', author: 'Dr. Example', noteType: 'Progress note', paragraphs: ['One.', 'Two.'] },
  },
  medications: {
    kind: 'medication',
    structured: {
      type: 'medications',
      medications: [
        {
          name: 'Metformin',
          dose: '500 mg',
          route: 'oral',
          frequency: 'twice daily',
          startDate: '2026-01-02',
          status: 'active',
        },
      ],
    },
  },
  allergies: {
    kind: 'allergy',
    structured: {
      type: 'allergies',
      allergies: [
        {
          substance: 'Penicillin',
          code: { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '7980', display: 'Penicillin G' },
          reaction: 'Hives',
          severity: 'moderate',
          status: 'active',
          onset: '2010-05-01',
        },
      ],
    },
  },
  problems: {
    kind: 'problem',
    structured: {
      type: 'problems',
      problems: [
        {
          name: 'Type 2 diabetes',
          code: { system: 'http://snomed.info/sct', code: '44054006' },
          status: 'active',
          onset: '2020-03-01',
          resolved: '2026-01-01',
        },
      ],
    },
  },
  procedures: {
    kind: 'procedure',
    structured: {
      type: 'procedures',
      procedures: [
        {
          name: 'Bronchoscopy',
          code: { code: '10847001' },
          date: '2026-11-01',
          status: 'completed',
          performer: 'Dr. Scope',
          bodySite: 'Right upper lobe',
        },
      ],
    },
  },
  immunizations: {
    kind: 'immunization',
    structured: {
      type: 'immunizations',
      immunizations: [
        { vaccine: 'Influenza', code: { code: '140' }, date: '2026-10-01', status: 'completed', lotNumber: 'LOT-1' },
      ],
    },
  },
  encounters: {
    kind: 'encounter',
    structured: {
      type: 'encounters',
      encounters: [
        {
          type: 'Office visit',
          code: { code: '99213' },
          date: '2026-10-25T09:00:00Z',
          end: '2026-10-25T09:30:00Z',
          location: 'Clinic A',
          provider: 'Dr. Example',
          reason: 'Follow-up',
        },
      ],
    },
  },
  'family-history': {
    kind: 'family-history',
    structured: {
      type: 'family-history',
      members: [
        {
          relationship: 'Mother',
          condition: 'Breast cancer',
          code: { code: '254837009' },
          onsetAge: '52',
          deceased: false,
        },
      ],
    },
  },
  entries: {
    kind: 'social-history',
    structured: {
      type: 'entries',
      entries: [
        { name: 'Tobacco use', code: { code: '72166-2' }, value: 'Never smoker', date: '2026-01-01', status: 'final' },
      ],
    },
  },
  'imaging-study': {
    kind: 'imaging',
    structured: {
      type: 'imaging-study',
      studyInstanceUid: '1.2.826.0.1.3680043.8.498.1',
      description: 'CT chest',
      modalities: ['CT'],
      date: '2026-10-20',
      series: [
        { uid: '1.2.826.0.1.3680043.8.498.2', modality: 'CT', description: 'Axial', bodyPart: 'CHEST', instances: 2 },
      ],
      instances: 2,
    },
  },
};

/** Every type of the structured union, read from the schema (so a new type without a sample is noticed). */
export const STRUCTURED_TYPES = StructuredData._zod.def.options.map(
  (o) => (o as unknown as { shape: { type: { _zod: { def: { values: string[] } } } } }).shape.type._zod.def.values[0],
);

export const STORY: Required<Story> = {
  reason: 'subspecialist',
  reasonDetail: 'I want a thoracic surgeon to look.',
  diagnosis: 'Nodule, right upper lobe',
  proposedTreatment: 'Lobectomy',
  triedSoFar: 'Antibiotics',
  goals: 'Avoid surgery if safe',
  timeSensitive: 'yes',
  timeSensitiveDetail: 'Surgery booked for January',
  medications: 'Metformin',
  allergies: 'Penicillin',
  familyHistory: 'Mother: breast cancer',
  referringDoctor: 'Dr. First',
  secondOpinionDoctor: 'Dr. Second',
};

const bytes = (text: string) => new TextEncoder().encode(text);

/**
 * Fills `db` with a case holding everything: a record per structured type plus one without structured
 * data, notes, attachments (one with a field export and import do not know), story, checklist marks,
 * decision, redaction choices, questions (answered, linked) and opinions. Returns its id.
 */
export async function fillFullCase(db: CaseDb): Promise<string> {
  const caseId = (await createCase(db, 'Lossless round trip 🙂 مرحبا')).id;
  const captured: CapturedRecord[] = Object.entries(SAMPLES).map(([type, sample], i) => ({
    kind: sample.kind,
    title: `Sample ${type}`,
    clinicalDate: i % 2 ? '2026-10-14' : '2026-10-14T08:30:00-04:00',
    provenance: provenance(`/MyChart/app/${type}`, `${type} - MyChart`),
    snapshotHtml: `<h2>Sample ${type}</h2><table><tbody><tr><td>value ${i}</td></tr></tbody></table>`,
    text: `Sample ${type}\nvalue ${i}`,
    structured: sample.structured,
  }));
  captured.push({
    kind: 'pathology',
    title: 'Biopsy without structure',
    provenance: provenance('/MyChart/app/path', 'Pathology'),
    snapshotHtml: '<p>Adenocarcinoma in situ.</p>',
    text: 'Adenocarcinoma in situ.',
  });
  const pdf = bytes('%PDF-1.4\n% synthetic\n%%EOF\n');
  const png = bytes('\x89PNG\r\n\x1a\nnot really a png');
  const files = [
    {
      name: 'report.pdf',
      mediaType: 'application/pdf',
      size: pdf.byteLength,
      sha256: await sha256Hex(pdf),
      blob: new Blob([pdf]),
    },
    {
      name: 'key image.png',
      mediaType: 'image/png',
      size: png.byteLength,
      sha256: await sha256Hex(png),
      blob: new Blob([png]),
    },
  ];
  const { added: ids } = await addRecords(db, caseId, captured, [[], [], [], [], [], [], [], [], [], [], [], files]);
  await editRecord(db, ids[0]!, { note: 'Ask about the glucose trend.' });
  // A field the exporter and importer do not know (as a DICOM reader might add): it must survive.
  const dicom = bytes('DICM synthetic instance');
  await db.attachments.add({
    id: newId(),
    caseId,
    recordId: ids[ids.length - 2]!,
    name: 'IM00001.dcm',
    mediaType: 'application/dicom',
    size: dicom.byteLength,
    sha256: await sha256Hex(dicom),
    blob: new Blob([dicom]),
    dicom: { seriesInstanceUid: '1.2.826.0.1.3680043.8.498.2', instanceNumber: 1 },
  } as never);

  for (const [field, value] of Object.entries(STORY))
    await setStoryField(db, caseId, field as keyof Story, value as never);
  await setNotApplicable(db, caseId, 'operative', true);
  await setNotApplicable(db, caseId, 'family-history', true);
  await setDecisionField(db, caseId, 'choice', 'third-opinion');
  await setDecisionField(db, caseId, 'reasons', 'The two opinions differ on surgery.');
  await setRedactionChoices(db, caseId, {
    enabled: true,
    names: 'Avery Q. Sample, Rowan T. Example',
    dateOfBirth: '1961-03-02',
    rejected: ['example lab'],
  });

  const q1 = await addQuestion(db, caseId, 'diagnosis', 'Do you agree with the diagnosis?');
  const q2 = await addQuestion(db, caseId, 'next-steps', 'Will you send your findings to my first doctor?');
  await editQuestion(db, q1.id, { answered: true, answer: 'Yes, but a PET-CT would help.' });
  await setQuestionLink(db, q1.id, ids[1]!, true);
  await setQuestionLink(db, q2.id, ids[0]!, true);
  await setQuestionLink(db, q2.id, ids[2]!, true);

  for (const [clinician, date] of [
    ['Dr. A. First', '2026-11-02'],
    ['Dr. B. Second', ''],
  ] as const) {
    const opinion = await addOpinion(db, caseId);
    await setOpinionField(db, opinion.id, 'clinician', clinician);
    await setOpinionField(db, opinion.id, 'institution', 'Example Cancer Center');
    await setOpinionField(db, opinion.id, 'date', date);
    await setOpinionField(db, opinion.id, 'diagnosis', 'Adenocarcinoma in situ');
    await setOpinionField(db, opinion.id, 'recommendedTreatment', 'Surveillance');
    await setOpinionField(db, opinion.id, 'reasoning', 'Small, slow-growing.');
    await setOpinionField(db, opinion.id, 'answers', 'Answered all three.');
    await setOpinionField(db, opinion.id, 'notes', 'Bring the CD next time.');
  }
  return caseId;
}
