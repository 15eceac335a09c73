import type { KindSummary } from '../lib/core/case-summary';
import { RecordKind, type CaseRecord } from '../lib/core/model';

/** What the list shows of a record (a record's head is enough: lib/core/record-head). */
export type ListedRecord = Pick<CaseRecord, 'id' | 'kind' | 'title' | 'clinicalDate'>;
import { useT, type MessageKey } from './i18n';

export const kindKey = (kind: RecordKind) => `kind_${kind.replace(/-/g, '_')}` as MessageKey;

export interface RecordListProps {
  /** The records shown: all of them, or the first page of each kind when `kinds` is given. */
  records: ListedRecord[];
  onOpen: (id: string) => void;
  /** Records that hold nothing but their title, flagged in the list. */
  titleOnly?: ReadonlySet<string>;
  /** The case's counts per kind (its summary): the list then shows a page per kind and offers more. */
  kinds?: Partial<Record<RecordKind, KindSummary>>;
  onMore?: (kind: RecordKind) => void;
}

/** Records grouped by kind, newest first within a kind (the order `sortRecords` gives). */
export function RecordList({ records, onOpen, titleOnly, kinds, onMore }: RecordListProps) {
  const t = useT();
  const groups = RecordKind.options
    .map((kind) => ({ kind, items: records.filter((r) => r.kind === kind), summary: kinds?.[kind] }))
    .filter((g) => g.items.length > 0 || (g.summary?.count ?? 0) > 0);
  const total = kinds ? Object.values(kinds).reduce((sum, k) => sum + (k?.count ?? 0), 0) : records.length;
  return (
    <section aria-labelledby="records-heading" class="card" data-testid="records" data-total={total}>
      <h2 id="records-heading">{t('recordsHeading', [total])}</h2>
      {total === 0 ? <p class="muted">{t('recordsEmpty')}</p> : null}
      {groups.map(({ kind, items, summary }) => (
        <div key={kind} class="group">
          <h3>{t(kindKey(kind))}</h3>
          {summary?.latest ? <p class="muted">{t('recordsLatest', [summary.latest.slice(0, 10)])}</p> : null}
          <ul class="records" data-testid={`records-${kind}`}>
            {items.map((record) => (
              <li key={record.id}>
                <button type="button" class="link" data-testid="record-open" onClick={() => onOpen(record.id)}>
                  <span class="date">{record.clinicalDate?.slice(0, 10) ?? t('recordUndated')}</span>{' '}
                  <span class="title">{record.title}</span>
                </button>
                {titleOnly?.has(record.id) ? (
                  <span class="warn" data-testid="record-title-only">
                    {' '}
                    ({t('titleOnlyFlag')})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {summary && onMore && summary.count > items.length ? (
            <button type="button" class="link" data-testid="records-more" onClick={() => onMore(kind)}>
              {t('recordsShowMore', [items.length, summary.count])}
            </button>
          ) : null}
        </div>
      ))}
    </section>
  );
}
