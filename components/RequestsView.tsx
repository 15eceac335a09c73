import { useState } from 'preact/hooks';
import type { RecordsRequest, RequestPurpose } from '../lib/core/request-model';
import type { RecordFamily } from '../lib/core/workspace-model';
import type { RequestEdit } from '../lib/letters/requests';
import { requestStatus } from '../lib/letters/tracking';
import { useT } from './i18n';
import { LetterActions, type LetterFormat, type LetterOutcome } from './LetterActions';
import { RequestForm } from './RequestForm';
import { RequestTracking } from './RequestTracking';

export type RequestLetterKind = 'request' | 'follow-up';

export interface RequestsViewProps {
  requests: RecordsRequest[];
  /** Families the checklist shows missing. */
  gaps: RecordFamily[];
  /** `YYYY-MM-DD`. */
  today: string;
  /** The case's records per family, newest first: what a received request links to. */
  recordsByFamily: Partial<Record<RecordFamily, { id: string; title: string }[]>>;
  /** Requests whose address was filled in from an earlier letter. */
  remembered: ReadonlySet<string>;
  /** Resolves with the new request's id so its form opens. */
  onAdd: (purpose: RequestPurpose) => Promise<string | undefined>;
  onEdit: (id: string, edit: RequestEdit) => void;
  onProviderName: (id: string, name: string) => void;
  onDelete: (id: string) => void;
  onLetter: (id: string, letter: RequestLetterKind, format: LetterFormat) => Promise<LetterOutcome>;
}

/** The records requests made from the checklist's gaps, and the optional referral item, each tracked to received. */
export function RequestsView(props: RequestsViewProps) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  const records = props.requests.filter((r) => r.purpose === 'records');
  const referral = props.requests.find((r) => r.purpose === 'referral');
  const add = (purpose: RequestPurpose) => void props.onAdd(purpose).then((id) => id && setOpen(id));

  const item = (request: RecordsRequest, index: number) => {
    const status = requestStatus(request, props.today);
    const seen = new Set<string>();
    const candidates = request.families
      .flatMap((f) => props.recordsByFamily[f] ?? [])
      .filter((r) => !seen.has(r.id) && seen.add(r.id));
    const name = request.provider.name.trim() || t('requestUnnamed', [index + 1]);
    const expanded = open === request.id || request.purpose === 'referral';
    return (
      <li key={request.id} class={`check ${status.state === 'overdue' ? 'missing' : 'present'}`} data-testid="request">
        {request.purpose === 'records' ? (
          <button
            type="button"
            class="link"
            aria-expanded={expanded}
            data-testid="request-open"
            onClick={() => setOpen(expanded ? null : request.id)}
          >
            <span dir="auto">{name}</span>
          </button>
        ) : null}
        <RequestTracking
          key={`${request.id}-${status.state}`}
          request={request}
          status={status}
          today={props.today}
          candidates={candidates}
          onSent={(date) => props.onEdit(request.id, { sentOn: date })}
          onReceived={(date, ids) => props.onEdit(request.id, { receivedOn: date, receivedRecordIds: ids })}
          onUndoSent={() => props.onEdit(request.id, { sentOn: '' })}
          onUndoReceived={() => props.onEdit(request.id, { receivedOn: '', receivedRecordIds: [] })}
          followUp={
            <LetterActions
              testId="follow-up-letter"
              onLetter={(format) => props.onLetter(request.id, 'follow-up', format)}
            />
          }
        />
        {expanded ? (
          <div class="stack">
            <RequestForm
              request={request}
              gaps={props.gaps}
              remembered={props.remembered.has(request.id)}
              onEdit={(edit) => props.onEdit(request.id, edit)}
              onProviderName={(value) => props.onProviderName(request.id, value)}
            />
            <h3>{t('requestLetterHeading')}</h3>
            <LetterActions
              testId="request-letter"
              onLetter={(format) => props.onLetter(request.id, 'request', format)}
            />
            <button
              type="button"
              class="danger"
              data-testid="request-delete"
              onClick={() => {
                setOpen(null);
                props.onDelete(request.id);
              }}
            >
              {t('requestDelete')}
            </button>
          </div>
        ) : null}
      </li>
    );
  };

  return (
    <>
      <section aria-labelledby="requests-heading" class="card stack" data-testid="requests">
        <h2 id="requests-heading">{t('lettersHeading')}</h2>
        <p class="muted">{t('lettersIntro')}</p>
        {records.length ? <ul class="checklist">{records.map(item)}</ul> : <p class="muted">{t('lettersNone')}</p>}
        <button type="button" data-testid="request-add" onClick={() => add('records')}>
          {t('lettersNew')}
        </button>
      </section>
      <section aria-labelledby="referral-heading" class="card stack" data-testid="referral">
        <h2 id="referral-heading">{t('referralHeading')}</h2>
        <p class="muted">{t('referralIntro')}</p>
        {referral ? (
          <ul class="checklist">{item(referral, 0)}</ul>
        ) : (
          <button type="button" data-testid="referral-add" onClick={() => add('referral')}>
            {t('referralAdd')}
          </button>
        )}
      </section>
    </>
  );
}
