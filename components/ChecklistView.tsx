import { useState } from 'preact/hooks';
import type { CompletenessItem } from '../lib/case/completeness';
import type { RecordFamily } from '../lib/core/workspace-model';
import { useT, type MessageKey } from './i18n';
import { EAGER_LIST } from './QuestionItem';

export const familyKey = (family: RecordFamily) => `family_${family.replace(/-/g, '_')}` as MessageKey;
const statusKey = {
  present: 'checkPresent',
  missing: 'checkMissing',
  'report-only': 'checkReportOnly',
  'not-applicable': 'checkNotApplicable',
} as const;
const statusMark = { present: '✓', missing: '!', 'report-only': '!', 'not-applicable': '–' } as const;

export interface ChecklistViewProps {
  items: CompletenessItem[];
  /** Titles of what the case holds per family (file names for images). */
  holdings: Partial<Record<RecordFamily, string[]>>;
  onNotApplicable: (family: RecordFamily, notApplicable: boolean) => void;
}

/** What the records package holds against what a second-opinion doctor needs, with how to get the gaps. */
export function ChecklistView({ items, holdings, onNotApplicable }: ChecklistViewProps) {
  const t = useT();
  // A family may hold thousands of titles: listed when its details are opened.
  const [open, setOpen] = useState<Partial<Record<RecordFamily, boolean>>>({});
  const missing = items.filter((i) => i.status === 'missing' || i.status === 'report-only').length;
  return (
    <section aria-labelledby="checklist-heading" class="card">
      <h2 id="checklist-heading">{t('checklistHeading')}</h2>
      <p class="muted">{missing === 0 ? t('checklistComplete') : t('checklistGaps', [missing])}</p>
      <ul class="checklist" data-testid="checklist">
        {items.map((item) => (
          <li
            key={item.family}
            class={`check ${item.status}`}
            data-testid={`check-${item.family}`}
            data-status={item.status}
          >
            <div class="row between">
              <strong>
                <span aria-hidden="true" class="mark">
                  {statusMark[item.status]}
                </span>{' '}
                {t(familyKey(item.family))}
              </strong>
              <span>
                {t(statusKey[item.status])}
                {item.count > 0 ? ` (${item.count})` : ''}
              </span>
            </div>
            {holdings[item.family]?.length ? (
              <details onToggle={(e) => setOpen((o) => ({ ...o, [item.family]: e.currentTarget.open }))}>
                <summary>{t('checkShowHoldings', [item.count])}</summary>
                <ul class="holdings">
                  {(open[item.family] || holdings[item.family]!.length <= EAGER_LIST ? holdings[item.family]! : []).map(
                    (title, i) => (
                      <li key={i} dir="auto">
                        {title}
                      </li>
                    ),
                  )}
                </ul>
              </details>
            ) : null}
            {item.hint ? <p class="hint">{t(item.hint as MessageKey)}</p> : null}
            {item.status !== 'present' ? (
              <label class="inline">
                <input
                  type="checkbox"
                  checked={item.status === 'not-applicable'}
                  onChange={(e) => onNotApplicable(item.family, e.currentTarget.checked)}
                />{' '}
                {t('checkMarkNotApplicable')}
              </label>
            ) : null}
          </li>
        ))}
      </ul>
      <p class="muted">{t('checklistWhere')}</p>
    </section>
  );
}
