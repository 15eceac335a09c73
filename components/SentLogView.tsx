import type { SentPackage } from '../lib/core/sent-package';
import { useT } from './i18n';

export interface SentLogViewProps {
  log: SentPackage[];
  onConfirm: (id: string, arrived: boolean) => void;
}

/** The case's exports, newest first, each asking "did the records arrive?" until the patient confirms it. */
export function SentLogView({ log, onConfirm }: SentLogViewProps) {
  const t = useT();
  const waiting = log.filter((p) => !p.confirmedAt).length;
  return (
    <section aria-labelledby="sent-log-heading" class="card stack" data-testid="sent-log">
      <h2 id="sent-log-heading">{t('sentLogHeading', [log.length])}</h2>
      <p class="muted">{t('sentLogIntro')}</p>
      {waiting ? (
        <p class="warn" data-testid="sent-log-reminder">
          {t('sentLogReminder', [waiting])}
        </p>
      ) : null}
      {log.length === 0 ? <p class="muted">{t('sentLogEmpty')}</p> : null}
      <ul class="stack tight">
        {[...log].reverse().map((p) => (
          <li key={p.id} data-testid="sent-log-entry" data-sent-id={p.id}>
            <strong>{t('sentLogEntry', [p.sentAt.slice(0, 10), p.fileName, p.recordCount])}</strong>
            <br />
            <span dir="auto">{p.recipient ? t('sentLogFor', [p.recipient]) : t('sentLogNoRecipient')}</span>
            {' · '}
            {p.redacted || p.passwordProtected
              ? [p.redacted ? t('sentLogRedacted') : null, p.passwordProtected ? t('sentLogProtected') : null]
                  .filter(Boolean)
                  .join(', ')
              : t('sentLogPlain')}
            <br />
            <span class="muted small hash">{t('sentLogHash', [p.sha256])}</span>
            <div class="row">
              {p.confirmedAt ? (
                <>
                  <span class="ok" data-testid="sent-log-arrived">
                    {t('sentLogArrived', [p.confirmedAt.slice(0, 10)])}
                  </span>
                  <button type="button" class="link" onClick={() => onConfirm(p.id, false)}>
                    {t('sentLogUndo')}
                  </button>
                </>
              ) : (
                <>
                  <span>{t('sentLogAsk')}</span>
                  <button type="button" data-testid="sent-log-confirm" onClick={() => onConfirm(p.id, true)}>
                    {t('sentLogMarkArrived')}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
