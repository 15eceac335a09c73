import type { RecordsRequest } from '../core/request-model';
import type { RecordFamily } from '../core/workspace-model';

/**
 * Why a letter cannot be made yet. Each names what the patient must change; nothing typed is discarded.
 * - no-provider: the letter is addressed to nobody.
 * - range-reversed: the date range ends before it starts.
 * - no-gaps: the checklist has nothing missing, so there is nothing to ask for.
 * - no-records: nothing is ticked to ask for.
 * - no-doctor: the records should go to the second-opinion doctor but no doctor is named.
 * - not-sent: a follow-up needs the date the first letter was sent.
 */
export type LetterProblem = 'no-provider' | 'range-reversed' | 'no-gaps' | 'no-records' | 'no-doctor' | 'not-sent';

/** Problems with a request before its letter is made; `gaps` are the checklist families still missing. */
export function requestProblems(
  request: Pick<RecordsRequest, 'purpose' | 'provider' | 'dateFrom' | 'dateTo' | 'families' | 'sendTo' | 'doctorName'>,
  gaps: readonly RecordFamily[],
): LetterProblem[] {
  const problems: LetterProblem[] = [];
  if (!request.provider.name.trim()) problems.push('no-provider');
  if (request.dateFrom && request.dateTo && request.dateTo < request.dateFrom) problems.push('range-reversed');
  // A request keeps what was ticked even when the records later arrive another way; it only needs something.
  if (request.purpose === 'records' && request.families.length === 0)
    problems.push(gaps.length === 0 ? 'no-gaps' : 'no-records');
  if (request.sendTo === 'doctor' && !request.doctorName.trim()) problems.push('no-doctor');
  return problems;
}

/** Why a decision letter cannot be made yet. */
export type DecisionProblem = 'no-opinions' | 'no-decision' | 'no-doctors';
