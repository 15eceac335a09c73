import type { DocumentLanguage } from '../core/document-language';
import type { CaseRecord } from '../core/model';
import type { Question, Story } from '../core/workspace-model';
import { sortQuestions } from '../case';
import { PdfFlow, slugify } from '../export';
import { deflateZlib } from '../zip';
import { keyResults, recordAllergies, recordMedications } from './visit-sheet-content';
import { VISIT_SHEET_TEXT, type VisitSheetText } from './visit-sheet-text';

export interface VisitSheetInput {
  caseTitle: string;
  /** "About the patient": the name goes at the top when the patient gave it. */
  patientName?: string;
  story: Story;
  questions: Pick<Question, 'text' | 'family' | 'priority' | 'createdAt' | 'answer'>[];
  records: CaseRecord[];
  generatedAt: Date;
  language: DocumentLanguage;
  pageSize?: 'letter' | 'a4';
}

/** How many ruled lines each question leaves for the answer, and the notes section at the end. */
const ANSWER_LINES = 4;
const NOTE_LINES = 10;
/** Key results shown; the rest are counted and left to the package. */
const MAX_RESULTS = 25;

function storySection(flow: PdfFlow, text: VisitSheetText, story: Story): void {
  flow.heading(text.story);
  const fields: [string, string | undefined][] = [
    [text.reason, story.reason ? text.reasons[story.reason] : undefined],
    [text.reasonDetail, story.reasonDetail],
    [text.diagnosis, story.diagnosis],
    [text.proposedTreatment, story.proposedTreatment],
    [text.triedSoFar, story.triedSoFar],
    [text.goals, story.goals],
    [text.referringDoctor, story.referringDoctor],
    [text.secondOpinionDoctor, story.secondOpinionDoctor],
  ];
  const filled = fields.filter(([, value]) => value?.trim());
  if (!filled.length) flow.text(text.noStory, { color: 'grey' });
  for (const [label, value] of filled) {
    flow.text(label, { bold: true, size: 10 });
    flow.text(value!.trim(), { indent: 8 });
  }
}

function questionsSection(flow: PdfFlow, text: VisitSheetText, questions: VisitSheetInput['questions']): void {
  flow.heading(text.questions);
  if (!questions.length) {
    flow.text(text.noQuestions, { bold: true });
    flow.ruledLines(NOTE_LINES);
    return;
  }
  sortQuestions(questions).forEach((q, i) => {
    flow.space(4);
    flow.text(`${i + 1}. ${q.text}`, { bold: true, size: 11 });
    flow.text(text.families[q.family], { color: 'grey', indent: 14, size: 8 });
    if (q.answer.trim()) {
      flow.text(text.answerNoted, { indent: 14, size: 9, color: 'grey' });
      flow.text(q.answer.trim(), { indent: 14, size: 9 });
    } else flow.text(text.answerHere, { indent: 14, size: 9, color: 'grey' });
    flow.ruledLines(ANSWER_LINES, 20, 14);
  });
}

function listSection(
  flow: PdfFlow,
  heading: string,
  typed: string | undefined,
  fromRecords: string[],
  fromLabel: string,
  none: string,
): void {
  flow.heading(heading, 12);
  if (typed?.trim()) flow.text(typed.trim());
  if (fromRecords.length) {
    if (typed?.trim()) flow.text(fromLabel, { color: 'grey', size: 9 });
    for (const line of fromRecords) flow.text(`\u2022 ${line}`, { indent: 8, size: 9 });
  }
  if (!typed?.trim() && !fromRecords.length) flow.text(none, { color: 'grey' });
}

function resultsSection(flow: PdfFlow, text: VisitSheetText, records: CaseRecord[]): void {
  flow.heading(text.results, 12);
  const results = keyResults(records);
  if (!results.length) {
    flow.text(text.noResults, { color: 'grey' });
    return;
  }
  flow.text(text.resultsNote, { color: 'grey', size: 8 });
  const [test, value, flag, date] = text.resultColumns;
  flow.table(
    [
      { header: test, width: 0.4 },
      { header: value, width: 0.3 },
      { header: flag, width: 0.1 },
      { header: date, width: 0.2 },
    ],
    results.slice(0, MAX_RESULTS).map((r) => ({
      cells: [r.test, r.value, r.flag, r.date ?? text.undated],
      red: [false, r.flag !== '', r.flag !== ''],
    })),
    9,
  );
  if (results.length > MAX_RESULTS) flow.text(text.moreResults(results.length - MAX_RESULTS), { size: 9 });
}

/**
 * The sheet the patient takes to the appointment: the story in brief, the questions in priority order
 * with room for the answers, medications and allergies, the latest key results with the lab's flags,
 * and room for notes. Its words are in `language`; what the patient typed is printed as typed.
 */
export async function visitSheetPdf(input: VisitSheetInput): Promise<Uint8Array> {
  const text = VISIT_SHEET_TEXT[input.language];
  const flow = new PdfFlow(input.pageSize ?? 'letter');
  const date = input.generatedAt.toISOString().slice(0, 10);
  flow.text(`${text.title}: ${input.caseTitle}`, { size: 18, bold: true });
  if (input.patientName?.trim()) flow.text(`${text.patient}: ${input.patientName.trim()}`, { size: 11 });
  flow.text(text.prepared(date), { color: 'grey' });
  flow.text(text.disclaimer, { color: 'grey', size: 8 });
  if (input.story.timeSensitive === 'yes') {
    flow.space(4);
    flow.text(text.timeSensitive, { bold: true, color: 'red' });
  }
  storySection(flow, text, input.story);
  questionsSection(flow, text, input.questions);
  listSection(
    flow,
    text.medications,
    input.story.medications,
    recordMedications(input.records),
    text.medicationsFromRecords,
    text.noMedications,
  );
  listSection(
    flow,
    text.allergies,
    input.story.allergies,
    recordAllergies(input.records),
    text.allergiesFromRecords,
    text.noAllergies,
  );
  resultsSection(flow, text, input.records);
  flow.heading(text.notes, 12);
  flow.ruledLines(NOTE_LINES);
  flow.space(10);
  flow.text(text.footer, { color: 'grey', size: 8 });
  return flow.save(
    {
      title: `${text.title}: ${input.caseTitle}`,
      creator: 'Second Look',
      producer: 'Second Look',
      created: input.generatedAt,
    },
    deflateZlib,
  );
}

/** The file name of a visit sheet: ASCII, dated, with "visit" in it. */
export function visitSheetFileName(caseTitle: string, date: Date, language: DocumentLanguage): string {
  return `SecondLook_${slugify(caseTitle, 50)}_visit-sheet-${language}_${date.toISOString().slice(0, 10)}.pdf`;
}
