import { RecordKind, type CaseRecord } from '../lib/core/model';
import { useT, type MessageKey } from './i18n';

export const kindKey = (kind: RecordKind) => `kind_${kind.replace(/-/g, '_')}` as MessageKey;

export interface RecordListProps {
  records: CaseRecord[];
  onOpen: (id: string) => void;
  /** Records that hold nothing but their title, flagged in the list. */
  titleOnly?: ReadonlySet<string>;
}

/** Records grouped by kind, newest first within a kind (the order `sortRecords` gives). */
export function RecordList({ records, onOpen, titleOnly }: RecordListProps) {
  const t = useT();
  const groups = RecordKind.options
    .map((kind) => ({ kind, items: records.filter((r) => r.kind === kind) }))
    .filter((g) => g.items.length > 0);
  return (
    <section aria-labelledby="records-heading" class="card">
      <h2 id="records-heading">{t('recordsHeading', [records.length])}</h2>
      {records.length === 0 ? <p class="muted">{t('recordsEmpty')}</p> : null}
      {groups.map(({ kind, items }) => (
        <div key={kind} class="group">
          <h3>{t(kindKey(kind))}</h3>
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
        </div>
      ))}
    </section>
  );
}
