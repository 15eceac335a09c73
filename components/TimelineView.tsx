import { useMemo, useState } from 'preact/hooks';
import {
  filterTimeline,
  TIMELINE_KINDS,
  timelineCounts,
  timelinePage,
  type TimelineEntry,
  type TimelineKind,
} from '../lib/case/timeline';
import { useT, type MessageKey } from './i18n';

/** Entries shown at once: a case of 10,000 records renders one page, not 10,000 rows. */
export const TIMELINE_PAGE_SIZE = 100;

const kindKey = (kind: TimelineKind) => `tkind_${kind}` as MessageKey;
const eventKey = (event: TimelineEntry['event']) =>
  event === 'record' || event === 'encounter' ? undefined : (`tevent_${event.replace(/-/g, '_')}` as MessageKey);

/** Everything in the case in the order it happened, filtered by kind (checkboxes), one page at a time. */
export function TimelineView({ entries }: { entries: TimelineEntry[] }) {
  const t = useT();
  const [kinds, setKinds] = useState<ReadonlySet<TimelineKind>>(new Set());
  const [page, setPage] = useState(0);
  const counts = useMemo(() => timelineCounts(entries), [entries]);
  const shown = useMemo(() => filterTimeline(entries, kinds), [entries, kinds]);
  const current = timelinePage(shown, page, TIMELINE_PAGE_SIZE);
  const present = TIMELINE_KINDS.filter((kind) => counts[kind] > 0 || kinds.has(kind));
  const toggle = (kind: TimelineKind, on: boolean) => {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    setKinds(next);
    setPage(0);
  };
  const from = current.page * TIMELINE_PAGE_SIZE;
  return (
    <section aria-labelledby="timeline-heading" class="card stack" data-testid="timeline">
      <h2 id="timeline-heading">{t('timelineHeading', [entries.length])}</h2>
      <p class="muted">{t('timelineIntro')}</p>
      {entries.length === 0 ? (
        <p data-testid="timeline-empty">{t('timelineEmpty')}</p>
      ) : (
        <>
          <fieldset class="kinds">
            <legend>{t('timelineKinds')}</legend>
            {present.map((kind) => (
              <label class="inline" key={kind}>
                <input
                  type="checkbox"
                  data-testid={`timeline-kind-${kind}`}
                  checked={kinds.has(kind)}
                  onChange={(e) => toggle(kind, e.currentTarget.checked)}
                />{' '}
                {t('tkindCount', [t(kindKey(kind)), counts[kind]])}
              </label>
            ))}
            {kinds.size ? (
              <button
                type="button"
                class="link"
                data-testid="timeline-all"
                onClick={() => {
                  setKinds(new Set());
                  setPage(0);
                }}
              >
                {t('timelineAll')}
              </button>
            ) : null}
          </fieldset>
          <p role="status" aria-live="polite" data-testid="timeline-status">
            {shown.length
              ? t('timelinePage', [
                  from + 1,
                  from + current.items.length,
                  shown.length,
                  current.page + 1,
                  current.pages,
                ])
              : t('timelineNoneOfKind')}
          </p>
          <ol class="timeline" start={from + 1}>
            {current.items.map((e) => {
              const event = eventKey(e.event);
              return (
                <li key={e.key} data-testid="timeline-entry" data-kind={e.kind}>
                  <span class="date">{e.date ? e.date.slice(0, 10) : t('timelineUndated')}</span>{' '}
                  <span class="muted">
                    {t(kindKey(e.kind))}
                    {event ? ` (${t(event)})` : ''}
                  </span>{' '}
                  <strong dir="auto">{e.title}</strong>
                  {e.detail ? (
                    <span class="muted" dir="auto">
                      {' '}
                      · {e.detail}
                    </span>
                  ) : null}
                  {e.source ? (
                    <span class="muted small" dir="auto">
                      {' '}
                      · {e.source}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {current.pages > 1 ? (
            <nav class="row" aria-label={t('timelinePages')}>
              <button
                type="button"
                data-testid="timeline-previous"
                disabled={current.page === 0}
                onClick={() => setPage(current.page - 1)}
              >
                {t('timelinePrevious')}
              </button>
              <button
                type="button"
                data-testid="timeline-next"
                disabled={current.page >= current.pages - 1}
                onClick={() => setPage(current.page + 1)}
              >
                {t('timelineNext')}
              </button>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
