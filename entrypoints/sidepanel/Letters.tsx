import { useEffect, useMemo, useState } from 'preact/hooks';
import { DecisionLetter } from '../../components/DecisionLetter';
import { useT } from '../../components/i18n';
import { problemKey, type LetterFormat, type LetterOutcome } from '../../components/LetterActions';
import { RequestsView, type RequestLetterKind } from '../../components/RequestsView';
import { getDetails } from '../../lib/case/case-details';
import { recordFamily, type CompletenessItem } from '../../lib/case/completeness';
import { listOpinions } from '../../lib/case/opinions';
import type { CaseDb } from '../../lib/core/db';
import type { DocumentLanguage } from '../../lib/core/document-language';
import type { CaseId, CaseRecord } from '../../lib/core/model';
import type { CaseDetails, Opinion, RecordFamily } from '../../lib/core/workspace-model';
import { decisionProblems, decisionRecipients } from '../../lib/letters/decision-check';
import { replayPendingRequestEdits, saveRequestEdit } from '../../lib/letters/request-edits';
import { addRequest, deleteRequest, editRequest, listRequests } from '../../lib/letters/requests';
import { localDate } from '../../lib/letters/tracking';
import { requestProblems } from '../../lib/letters/validation';
import { deliverLetter } from './letter-files';
import { useLive } from './use-live';

type Run = (write: Promise<unknown>) => void;
const problems = (list: string[]): LetterOutcome => ({ kind: 'problems', problems: list.map(problemKey) });

export interface RequestsSectionProps {
  db: CaseDb;
  caseId: CaseId;
  records: CaseRecord[];
  checklist: CompletenessItem[];
  details: CaseDetails;
  run: Run;
}

/** Wiring of the records requests under the checklist: live requests in, lib calls and letters out. */
export function RequestsSection({ db, caseId, records, checklist, details, run }: RequestsSectionProps) {
  const t = useT();
  const requests = useLive(() => listRequests(db, caseId), [caseId], []);
  const [remembered, setRemembered] = useState<ReadonlySet<string>>(new Set());
  // Request fields typed just before the panel last closed, whose durable write may not have finished.
  useEffect(() => void replayPendingRequestEdits(db, localStorage), [db]);
  const today = localDate(new Date());
  const gaps = checklist.filter((i) => i.status === 'missing' || i.status === 'report-only').map((i) => i.family);
  const recordsByFamily = useMemo(() => {
    const byFamily: Partial<Record<RecordFamily, { id: string; title: string }[]>> = {};
    const newest = [...records].sort((a, b) => b.capturedAt.localeCompare(a.capturedAt));
    for (const record of newest) {
      // Image files arrive as imaging records too: a study counts for the images asked for.
      const family = record.structured?.type === 'imaging-study' ? 'imaging-images' : recordFamily(record);
      if (family) (byFamily[family] ??= []).push({ id: record.id, title: record.title });
    }
    return byFamily;
  }, [records]);
  const language: DocumentLanguage = t('langCode') === 'es' ? 'es' : 'en';

  const onLetter = async (id: string, kind: RequestLetterKind, format: LetterFormat): Promise<LetterOutcome> => {
    // Read what is stored now: a field left by this very click has just been saved.
    const request = await db.requests.get(id);
    if (!request) return { kind: 'failed', error: 'request-not-found' };
    const patient = (await getDetails(db, caseId)).patient ?? {};
    const found = kind === 'follow-up' && !request.sentOn ? ['not-sent'] : requestProblems(request, gaps);
    if (found.length) return problems(found);
    const input = { request, patient, today };
    return deliverLetter(
      (make) => ({
        letter:
          request.purpose === 'referral'
            ? make.referralLetter(input)
            : kind === 'follow-up'
              ? make.followUpLetter(input)
              : make.requestLetter(input),
        kind:
          request.purpose === 'referral'
            ? 'referral-request'
            : kind === 'follow-up'
              ? 'records-request-follow-up'
              : 'records-request',
        to: request.provider.name,
      }),
      format,
      today,
    );
  };

  return (
    <RequestsView
      requests={requests}
      gaps={gaps}
      today={today}
      recordsByFamily={recordsByFamily}
      remembered={remembered}
      onAdd={async (purpose) => {
        try {
          const request = await addRequest(db, caseId, purpose, gaps, language);
          const doctor = details.story.secondOpinionDoctor?.trim();
          if (doctor && !request.doctorName) await editRequest(db, request.id, { doctorName: doctor });
          return request.id;
        } catch {
          run(Promise.reject(new Error('request-not-added')));
          return undefined;
        }
      }}
      onEdit={(id, edit) => run(saveRequestEdit(db, localStorage, { kind: 'fields', id, edit }))}
      onProviderName={(id, name) =>
        run(
          saveRequestEdit(db, localStorage, { kind: 'provider-name', id, name }).then((filled) => {
            if (filled) setRemembered((ids) => new Set([...ids, id]));
          }),
        )
      }
      onDelete={(id) => run(deleteRequest(db, id))}
      onLetter={onLetter}
    />
  );
}

export interface DecisionLetterSectionProps {
  db: CaseDb;
  caseId: CaseId;
  opinions: Opinion[];
  details: CaseDetails;
}

/** Wiring of the decision letter under the decision: made from the recorded opinions and the decision. */
export function DecisionLetterSection({ db, caseId, opinions, details }: DecisionLetterSectionProps) {
  const t = useT();
  const [language, setLanguage] = useState<DocumentLanguage>(t('langCode') === 'es' ? 'es' : 'en');
  const today = localDate(new Date());
  const input = {
    decision: details.decision,
    opinions,
    story: details.story,
    patient: details.patient ?? {},
    language,
    today,
  };
  return (
    <DecisionLetter
      recipients={decisionRecipients(input)}
      language={language}
      onLanguage={setLanguage}
      onLetter={async (format) => {
        // Read what is stored now: a field left by this very click has just been saved.
        const [stored, storedOpinions] = await Promise.all([getDetails(db, caseId), listOpinions(db, caseId)]);
        const current = {
          ...input,
          decision: stored.decision,
          opinions: storedOpinions,
          story: stored.story,
          patient: stored.patient ?? {},
        };
        const found = decisionProblems(current);
        if (found.length) return problems(found);
        return deliverLetter(
          (make) => ({ letter: make.decisionLetter(current), kind: 'decision-letter', to: '' }),
          format,
          today,
        );
      }}
    />
  );
}
