import { useT, type MessageKey } from './i18n';

export const VIEWS = ['records', 'checklist', 'story', 'questions', 'labs', 'opinions', 'timeline'] as const;
export type View = (typeof VIEWS)[number];

export const viewKey = (view: View) => `view_${view}` as MessageKey;
export const tabId = (view: View) => `tab-${view}`;
export const panelId = (view: View) => `panel-${view}`;

/** The workspace views as an ARIA tab list: arrows, Home and End move between tabs. */
export function ViewTabs({ active, onSelect }: { active: View; onSelect: (view: View) => void }) {
  const t = useT();
  const onKeyDown = (e: KeyboardEvent) => {
    const index = VIEWS.indexOf(active);
    const next =
      e.key === 'ArrowRight'
        ? VIEWS[(index + 1) % VIEWS.length]
        : e.key === 'ArrowLeft'
          ? VIEWS[(index - 1 + VIEWS.length) % VIEWS.length]
          : e.key === 'Home'
            ? VIEWS[0]
            : e.key === 'End'
              ? VIEWS[VIEWS.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('viewsLabel')} onKeyDown={onKeyDown}>
      {VIEWS.map((view) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={tabId(view)}
          aria-selected={view === active}
          aria-controls={view === active ? panelId(view) : undefined}
          tabIndex={view === active ? 0 : -1}
          data-testid={`view-${view}`}
          onClick={() => onSelect(view)}
        >
          {t(viewKey(view))}
        </button>
      ))}
    </div>
  );
}
