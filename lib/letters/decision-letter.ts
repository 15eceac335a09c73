import type { DocumentLanguage } from '../core/document-language';
import type { PatientDetails } from '../core/workspace-model';
import type { Letter } from './letter';
import { decisionRecipients, type DecisionFacts } from './decision-check';
import { longDate, WORDING } from './wording';

export interface DecisionLetterInput extends DecisionFacts {
  patient: Pick<PatientDetails, 'name' | 'birthDate'>;
  language: DocumentLanguage;
  /** `YYYY-MM-DD`. */
  today: string;
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
