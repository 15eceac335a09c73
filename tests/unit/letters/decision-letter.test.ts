// The decision letter to both doctors, in English and Spanish, and what must be there before it can be made.
import { describe, expect, it } from 'vitest';
import { decisionLetter, letterPdf, letterText, type DecisionLetterInput } from '../../../lib/letters/make';
import { decisionProblems, decisionRecipients } from '../../../lib/letters';
import { pdftotext } from '../helpers/poppler';

const input = (edit: Partial<DecisionLetterInput> = {}): DecisionLetterInput => ({
  decision: { choice: 'switch', reasons: 'Fewer side effects.' },
  opinions: [
    {
      clinician: 'Dr. Ana Example',
      institution: 'Example Cancer Center',
      recommendedTreatment: 'Stereotactic radiotherapy',
      date: '2026-11-20',
    },
  ],
  story: { referringDoctor: 'Dr. Lee Sample', proposedTreatment: 'Surgery (lobectomy)' },
  patient: { name: 'Robin Demo-Patient', birthDate: '1961-04-12' },
  language: 'en',
  today: '2026-12-06',
  ...edit,
});

describe('decision letter', () => {
  it('goes to both doctors, says which plan the patient chose and asks them to share the records', async () => {
    const letter = decisionLetter(input());
    expect(letter.to).toEqual(['Dr. Lee Sample', 'Dr. Ana Example, Example Cancer Center']);
    const text = letterText(letter);
    expect(text).toContain(
      'I have decided to follow the treatment plan recommended in the second opinion: Stereotactic radiotherapy',
    );
    expect(text).toContain('Please share my records with each other');
    expect(text).not.toContain('Fewer side effects');
    const read = pdftotext(await letterPdf(letter, new Date('2026-12-06T10:00:00Z'))).stdout.replace(/\s+/g, ' ');
    expect(read).toContain('Re: My treatment decision (Robin Demo-Patient)');
    expect(read).toContain('Dear Doctors,');
    expect(read).toContain('recommended in the second opinion: Stereotactic radiotherapy');
  });

  it('names the first plan from the story, and reads as Spanish in Spanish', async () => {
    const letter = decisionLetter(input({ decision: { choice: 'first-plan' }, language: 'es' }));
    const read = pdftotext(await letterPdf(letter, new Date())).stdout.replace(/\s+/g, ' ');
    expect(read).toContain('Estimados doctores:');
    expect(read).toContain('He decidido seguir el plan de tratamiento que se me propuso primero: Surgery (lobectomy)');
    expect(read).toContain('Les ruego que compartan mis registros entre ustedes');
    expect(read).toContain('6 de diciembre de 2026');
  });

  it('cannot be made before an opinion is recorded and a decision chosen', () => {
    expect(decisionProblems(input({ opinions: [], decision: {} }))).toEqual(['no-opinions', 'no-decision']);
    expect(decisionProblems(input({ decision: { choice: 'undecided' } }))).toEqual(['no-decision']);
    expect(decisionProblems(input({ decision: { choice: 'other', reasons: ' ' } }))).toEqual(['no-decision']);
    expect(decisionProblems(input({ story: {} }))).toEqual(['no-doctors']);
    expect(decisionProblems(input())).toEqual([]);
  });

  it('lists each doctor once', () => {
    expect(
      decisionRecipients({
        story: { referringDoctor: 'Dr. Ana Example' },
        opinions: [
          { clinician: 'Dr. Ana Example', institution: '', recommendedTreatment: '', date: '' },
          { clinician: '', institution: '', recommendedTreatment: '', date: '' },
        ],
      }),
    ).toEqual(['Dr. Ana Example']);
  });
});
