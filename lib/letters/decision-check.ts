import type { Decision, Opinion, Story } from '../core/workspace-model';
import type { DecisionProblem } from './validation';

/** What the decision letter is made from, apart from language and date. */
export interface DecisionFacts {
  decision: Decision;
  opinions: Pick<Opinion, 'clinician' | 'institution' | 'recommendedTreatment' | 'date'>[];
  story: Pick<Story, 'referringDoctor' | 'proposedTreatment'>;
}

const named = (o: DecisionFacts['opinions'][number]) => Boolean(o.clinician.trim() || o.institution.trim());

/** The doctors the letter goes to: the first doctor from the story, then each doctor whose opinion is recorded. */
export function decisionRecipients(input: Pick<DecisionFacts, 'opinions' | 'story'>): string[] {
  const doctors = [
    ...(input.story.referringDoctor?.trim() ? [input.story.referringDoctor.trim()] : []),
    ...input.opinions.filter(named).map((o) => [o.clinician.trim(), o.institution.trim()].filter(Boolean).join(', ')),
  ];
  return [...new Set(doctors)];
}

/** Why the decision letter cannot be made yet: it follows recorded opinions and a decision. */
export function decisionProblems(input: DecisionFacts): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (!input.opinions.some(named)) problems.push('no-opinions');
  const choice = input.decision.choice ?? 'undecided';
  if (choice === 'undecided' || (choice === 'other' && !input.decision.reasons?.trim())) problems.push('no-decision');
  if (input.opinions.some(named) && decisionRecipients(input).length < 2) problems.push('no-doctors');
  return problems;
}
