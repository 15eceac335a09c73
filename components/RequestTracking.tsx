import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { RecordsRequest } from '../lib/core/request-model';
import type { RequestStatus } from '../lib/letters/tracking';
import { useT } from './i18n';

export interface RequestTrackingProps {
  request: RecordsRequest;
  status: RequestStatus;
  /** `YYYY-MM-DD`, what the date fields start at. */
  today: string;
  /** Records the request may have brought (its families), newest first. */
  candidates: { id: string; title: string }[];
  onSent: (date: string) => void;
  onReceived: (date: string, recordIds: string[]) => void;
  onUndoSent: () => void;
  onUndoReceived: () => void;
  /** The follow-up letter's actions, shown while the request is overdue. */
  followUp: ComponentChildren;
}

/** Where a request stands: drafted, sent (due in 30 days), overdue (with its follow-up), received with its records. */
export function RequestTracking(props: RequestTrackingProps) {
  const t = useT();
  const { request, status } = props;
  const [sentOn, setSentOn] = useState(props.today);
  const [receivedOn, setReceivedOn] = useState(props.today);
  const [linked, setLinked] = useState<string[]>([]);
  const statusText =
    status.state === 'drafted'
      ? t('requestState_drafted')
      : status.state === 'received'
        ? t('requestState_received', [request.receivedOn])
        : t(status.state === 'overdue' ? 'requestState_overdue' : 'requestState_sent', [request.sentOn, status.due!]);
  return (
    <div class="stack">
      <p class={status.state === 'overdue' ? 'warn' : 'muted'} data-testid="request-status" data-state={status.state}>
        <strong>{statusText}</strong>
      </p>
      {status.state === 'drafted' ? (
        <div class="row">
          <label class="field">
            {t('requestSentOn')}
            <input
              type="date"
              value={sentOn}
              data-testid="request-sent-on"
              onInput={(e) => setSentOn(e.currentTarget.value)}
            />
          </label>
          <button type="button" data-testid="request-mark-sent" disabled={!sentOn} onClick={() => props.onSent(sentOn)}>
            {t('requestMarkSent')}
          </button>
        </div>
      ) : null}
      {status.state === 'overdue' ? (
        <section class="stack" aria-label={t('requestFollowUp')} data-testid="request-follow-up">
          <p>{t('requestFollowUpIntro')}</p>
          {props.followUp}
        </section>
      ) : null}
      {status.state === 'sent' || status.state === 'overdue' ? (
        <div class="stack">
          {props.candidates.length ? (
            <fieldset data-testid="request-received-records">
              <legend>{t('requestReceivedRecords')}</legend>
              {props.candidates.map((record) => (
                <label key={record.id} class="inline">
                  <input
                    type="checkbox"
                    checked={linked.includes(record.id)}
                    onChange={(e) =>
                      setLinked(
                        e.currentTarget.checked ? [...linked, record.id] : linked.filter((id) => id !== record.id),
                      )
                    }
                  />{' '}
                  <span dir="auto">{record.title}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <div class="row">
            <label class="field">
              {t('requestReceivedOn')}
              <input
                type="date"
                value={receivedOn}
                data-testid="request-received-on"
                onInput={(e) => setReceivedOn(e.currentTarget.value)}
              />
            </label>
            <button
              type="button"
              data-testid="request-mark-received"
              disabled={!receivedOn}
              onClick={() => props.onReceived(receivedOn, linked)}
            >
              {t('requestMarkReceived')}
            </button>
            <button type="button" class="link" data-testid="request-undo-sent" onClick={props.onUndoSent}>
              {t('requestUndoSent')}
            </button>
          </div>
        </div>
      ) : null}
      {status.state === 'received' ? (
        <div class="stack tight">
          {request.receivedRecordIds.length ? (
            <details>
              <summary data-testid="request-linked">{t('requestLinked', [request.receivedRecordIds.length])}</summary>
              <ul class="holdings">
                {request.receivedRecordIds.map((id) => (
                  <li key={id} dir="auto">
                    {props.candidates.find((r) => r.id === id)?.title ?? id}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <button type="button" class="link" data-testid="request-undo-received" onClick={props.onUndoReceived}>
            {t('requestUndoReceived')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
