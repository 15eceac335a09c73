import { describe, expect, it } from 'vitest';
import { keyResults, visitSheetFileName, visitSheetPdf, type VisitSheetInput } from '../../../lib/letters';
import { caseRecord, labRecord } from '../fixtures/records';
import { pdfinfo, pdftotext } from '../helpers/poppler';

/** pdftotext's text with runs of white space as one space, so wrapped lines read as sentences. */
const read = async (input: VisitSheetInput) => {
  const pdf = await visitSheetPdf(input);
  const out = pdftotext(pdf);
  expect(out.status, out.stderr).toBe(0);
  return { text: out.stdout.replace(/\s+/g, ' '), pdf };
};

const records = [
  labRecord('l1', '2026-09-15', [
    { test: 'Hemoglobin', value: '11.2', unit: 'g/dL', flag: 'L', referenceRange: '12.0-15.5' },
    { test: 'Glucose', value: '99', unit: 'mg/dL' },
  ]),
  labRecord('l2', '2026-10-02', [{ test: 'Glucose', value: '131', unit: 'mg/dL', flag: 'H' }]),
  caseRecord({
    kind: 'medication',
    title: 'Medications',
    structured: {
      type: 'medications',
      medications: [
        { name: 'Metformin', dose: '500 mg', frequency: 'twice daily' },
        { name: 'Lisinopril', dose: '10 mg', status: 'Discontinued' },
      ],
    },
  }),
  caseRecord({
    kind: 'allergy',
    title: 'Allergies',
    structured: { type: 'allergies', allergies: [{ substance: 'Penicillin', reaction: 'hives' }] },
  }),
];

const base: VisitSheetInput = {
  caseTitle: 'Lung nodule',
  patientName: 'Alex Testperson',
  story: {
    reason: 'doubts',
    diagnosis: 'A 9 mm nodule in the right upper lobe.',
    proposedTreatment: 'Lobectomy in December.',
    goals: 'Avoid surgery if it is safe to wait.',
    timeSensitive: 'yes',
    medications: 'Vitamin D 1000 IU daily',
    allergies: 'Latex',
  },
  questions: [
    {
      text: 'What are the alternatives to lobectomy?',
      family: 'treatment',
      priority: 2,
      createdAt: '2026-11-01T10:00:00.000Z',
      answer: '',
    },
    {
      text: 'Would a PET-CT before the biopsy change anything for me?',
      family: 'diagnosis',
      priority: 1,
      createdAt: '2026-11-01T11:00:00.000Z',
      answer: 'Yes: it shows whether the nodule is active.',
    },
  ],
  records,
  generatedAt: new Date('2026-11-25T10:00:00Z'),
  language: 'en',
};

describe('visit sheet', () => {
  it('reads in English as the story, the questions in priority order with their answers, medications, allergies and key results', async () => {
    const { text, pdf } = await read(base);
    expect(pdfinfo(pdf).stdout).toMatch(/Title:\s+Visit sheet: Lung nodule/);
    expect(text).toContain('Visit sheet: Lung nodule');
    expect(text).toContain('Patient: Alex Testperson');
    expect(text).toContain('Prepared by the patient on 2026-11-25');
    expect(text).toContain('The patient marked this decision as time-sensitive.');
    expect(text).toContain('Why I want a second opinion Doubts about the diagnosis or the plan');
    expect(text).toContain('Diagnosis (as I was told) A 9 mm nodule in the right upper lobe.');
    const first = text.indexOf('1. Would a PET-CT before the biopsy change anything for me?');
    const second = text.indexOf('2. What are the alternatives to lobectomy?');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text.slice(first, second)).toContain('Answer noted so far: Yes: it shows whether the nodule is active.');
    expect(text.slice(second)).toContain('Answer:');
    expect(text).toContain(
      'Current medications Vitamin D 1000 IU daily From my records: • Metformin, 500 mg, twice daily',
    );
    expect(text).not.toContain('Lisinopril');
    expect(text).toContain('Allergies Latex From my records: • Penicillin (hives)');
    // Latest value of each test, flagged first: Glucose's latest is 131 H (2026-10-02), not 99.
    expect(text).toMatch(/Glucose 131 mg\/dL H 2026-10-02 Hemoglobin 11.2 g\/dL L 2026-09-15/);
    expect(text).not.toContain(' 99 mg/dL');
    expect(text).toContain('Notes');
    expect(text).toContain('It is not medical advice');
  });

  it('reads in Spanish, keeping what the patient typed as typed', async () => {
    const { text, pdf } = await read({ ...base, language: 'es' });
    expect(pdfinfo(pdf).stdout).toMatch(/Title:\s+Hoja para la consulta: Lung nodule/);
    expect(text).toContain('Hoja para la consulta: Lung nodule');
    expect(text).toContain('Paciente: Alex Testperson');
    expect(text).toContain('Preparada por el paciente el 2026-11-25');
    expect(text).toContain('El paciente indicó que esta decisión es urgente.');
    expect(text).toContain('Por qué quiero una segunda opinión Dudas sobre el diagnóstico o el plan');
    expect(text).toContain('Mis preguntas, la más importante primero');
    expect(text).toContain('1. Would a PET-CT before the biopsy change anything for me?');
    expect(text).toContain('Respuesta anotada hasta ahora: Yes: it shows whether the nodule is active.');
    expect(text).toContain(
      'Medicamentos actuales Vitamin D 1000 IU daily Según mis registros: • Metformin, 500 mg, twice daily',
    );
    expect(text).toContain('Alergias Latex');
    expect(text).toContain('Resultados clave (último valor de cada prueba)');
    expect(text).toContain('No es consejo médico');
    expect(text).not.toContain('Visit sheet');
  });

  it('still works for a case with no questions, story or results, and says so', async () => {
    for (const language of ['en', 'es'] as const) {
      const { text } = await read({ ...base, patientName: undefined, story: {}, questions: [], records: [], language });
      if (language === 'en') {
        expect(text).toContain('No questions written yet.');
        expect(text).toContain('No story written yet.');
        expect(text).toContain('No lab results in the case.');
        expect(text).toContain('Current medications None listed.');
      } else {
        expect(text).toContain('Todavía no hay preguntas.');
        expect(text).toContain('No hay resultados de laboratorio en el caso.');
      }
    }
  });

  it('prints text a standard font cannot draw as its nearest Latin form, never breaking the PDF', async () => {
    const { text } = await read({ ...base, caseTitle: 'Nódulo 🩺 Łódź', questions: [] });
    expect(text).toContain('Visit sheet: Nódulo ? Lódz');
  });

  it('keeps many questions over several pages, each with its number', async () => {
    const questions = Array.from({ length: 30 }, (_, i) => ({
      text: `Question number ${i + 1} about the plan?`,
      family: 'treatment' as const,
      priority: i + 1,
      createdAt: '2026-11-01T10:00:00.000Z',
      answer: '',
    }));
    const { text, pdf } = await read({ ...base, questions });
    expect(Number(/Pages:\s+(\d+)/.exec(pdfinfo(pdf).stdout)![1])).toBeGreaterThan(2);
    expect(text).toContain('30. Question number 30 about the plan?');
  });

  it('names its file with "visit", the language and the date', () => {
    expect(visitSheetFileName('Lung nodule: 2nd opinion', new Date('2026-11-25T10:00:00Z'), 'es')).toBe(
      'SecondLook_lung-nodule-2nd-opinion_visit-sheet-es_2026-11-25.pdf',
    );
  });

  it('key results use one identity per test (the same test under two names is one row)', () => {
    const rows = keyResults([
      labRecord('a', '2026-01-01', [{ test: 'Glucose', value: '90', unit: 'mg/dL' }]),
      labRecord('b', '2026-02-01', [{ test: 'GLUCOSE', value: '95', unit: 'mg/dL' }]),
    ]);
    expect(rows).toEqual([{ test: 'Glucose', value: '95 mg/dL', flag: '', date: '2026-02-01' }]);
  });
});
