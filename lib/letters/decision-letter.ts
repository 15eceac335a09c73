import type { DocumentLanguage } from '../core/document-language';
import type { Decision, Opinion, PatientDetails, Story } from '../core/workspace-model';
import type { Letter } from './letter';
import type { DecisionProblem } from './validation';
import { longDate, WORDING } from './wording';

export interface DecisionLetterInput {
  decision: Decision;
  opinions: Pick<Opinion, 'clinician' | 'institution' | 'recommendedTreatment' | 'date'>[];
  story: Pick<Story, 'referringDoctor' | 'proposedTreatment'>;
  patient: Pick<PatientDetails, 'name' | 'birthDate'>;
  language: DocumentLanguage;
  /** `YYYY-MM-DD`. */
  today: string;
}

const named = (o: DecisionLetterInput['opinions'][number]) => Boolean(o.clinician.trim() || o.institution.trim());

/** The doctors the letter goes to: the first doctor from the story, then each doctor whose opinion is recorded. */
export function decisionRecipients(input: Pick<DecisionLetterInput, 'opinions' | 'story'>): string[] {
  const doctors = [
    ...(input.story.referringDoctor?.trim() ? [input.story.referringDoctor.trim()] : []),
    ...input.opinions.filter(named).map((o) => [o.clinician.trim(), o.institution.trim()].filter(Boolean).join(', ')),
  ];
  return [...new Set(doctors)];
}

/** Why the decision letter cannot be made yet: it follows recorded opinions and a decision. */
export function decisionProblems(
  input: Pick<DecisionLetterInput, 'decision' | 'opinions' | 'story'>,
): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (!input.opinions.some(named)) problems.push('no-opinions');
  const choice = input.decision.choice ?? 'undecided';
  if (choice === 'undecided' || (choice === 'other' && !input.decision.reasons?.trim())) problems.push('no-decision');
  if (input.opinions.some(named) && decisionRecipients(input).length < 2) problems.push('no-doctors');
  return problems;
}

/** The plan the choice names, in the patient's own words where they wrote it. */
function planText(input: DecisionLetterInput): string {
  const { decision, opinions, story } = input;
  if (decision.choice === 'first-plan') return story.proposedTreatment?.trim() ?? '';
  if (decision.choice === 'switch') {
    const latest = [...opinions].filter((o) => o.recommendedTreatment.trim()).pop();
    return latest?.recommendedTreatment.trim() ?? '';
  }
  if (decision.choice === 'other') return decision.reasons?.trim() ?? '';
  return '';
}

/** A short letter to both doctors: which plan the patient chose, and a request to share the records. */
export function decisionLetter(input: DecisionLetterInput): Letter {
  const w = WORDING[input.language];
  const name = input.patient.name?.trim() ?? '';
  const choice =
    input.decision.choice === undefined || input.decision.choice === 'undecided' ? 'other' : input.decision.choice;
  return {
    language: input.language,
    title: w.decision.title,
    from: [
      ...(name ? [name] : []),
      ...(input.patient.birthDate ? [w.birthDate(longDate(w, input.patient.birthDate))] : []),
    ],
    date: longDate(w, input.today),
    to: decisionRecipients(input),
    subject: w.decision.subject(name),
    salutation: w.decision.salutation,
    body: [w.decision.thanks, w.decision.choice[choice](planText(input)), w.decision.share],
    closing: w.closing,
    signature: [...(name ? [name] : []), '', w.signLine],
  };
}
