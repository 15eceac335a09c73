import type { Story, StoryField } from '../core/workspace-model';
import { deflateZlib } from '../zip';
import type { NewPdf } from './pdf-writer';

export interface StoryQuestion {
  text: string;
  family: string;
  priority: number;
  answer?: string;
}

export interface PatientStory {
  title: string;
  story: Story;
  questions: StoryQuestion[];
}

const REASONS: Record<string, string> = {
  doubts: 'I have doubts about the diagnosis or the treatment plan',
  subspecialist: 'I want the view of a subspecialist',
  communication: 'I want things explained better',
  other: 'Another reason',
};

/** The story's fields as the patient filled them, in the order a doctor reads them. */
export const STORY_LABELS: [StoryField, string][] = [
  ['reasonDetail', 'Why I want a second opinion'],
  ['diagnosis', 'My diagnosis, as I was told'],
  ['proposedTreatment', 'The treatment proposed'],
  ['triedSoFar', 'What has been tried so far'],
  ['goals', 'What matters to me'],
  ['timeSensitiveDetail', 'Timing'],
  ['medications', 'My medications'],
  ['allergies', 'My allergies'],
  ['familyHistory', 'Family history'],
  ['referringDoctor', 'My doctor'],
  ['secondOpinionDoctor', 'The doctor I am asking'],
];

/** The Patient Story PDF (LOINC 51855-5): the patient's own words and questions, nothing added. */
export async function storyPdf(input: PatientStory, generatedAt: Date, newPdf: NewPdf): Promise<Uint8Array> {
  const flow = newPdf();
  const { story } = input;
  flow.text('Patient story', { size: 18, bold: true });
  flow.text(`In the patient's own words, for "${input.title}", written ${generatedAt.toISOString().slice(0, 10)}.`, {
    color: 'grey',
  });
  if (story.timeSensitive === 'yes')
    flow.text('The patient marked this decision as time-sensitive.', { bold: true, color: 'red' });
  if (story.reason) {
    flow.heading('Reason for the second opinion');
    flow.text(REASONS[story.reason] ?? story.reason);
  }
  for (const [field, label] of STORY_LABELS) {
    const value = story[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    flow.heading(label, 12);
    flow.text(value);
  }
  const questions = [...input.questions].sort((a, b) => a.priority - b.priority).filter((q) => q.text.trim());
  if (questions.length) {
    flow.heading('My questions, most important first');
    questions.forEach((q, i) => flow.text(`${i + 1}. ${q.text}`, { indent: 8 }));
  }
  if (!questions.length && STORY_LABELS.every(([f]) => !story[f]) && !story.reason)
    flow.text('The patient has not written a story yet.', { color: 'grey' });
  return flow.save(
    { title: 'Patient story', creator: 'Second Look', producer: 'Second Look', created: generatedAt },
    deflateZlib,
  );
}
