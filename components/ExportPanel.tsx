import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from './i18n';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; fileName: string }
  | { phase: 'cancelled' }
  | { phase: 'failed'; detail: string };

export interface ExportPanelProps {
  state: ExportState;
  disabled: boolean;
  onExport: () => void;
  onCancel: () => void;
  /** Export options, shown above the button. */
  children?: ComponentChildren;
}

export function ExportPanel({ state, disabled, onExport, onCancel, children }: ExportPanelProps) {
  const t = useT();
  // Export and Cancel take each other's place: the one that had focus is gone, so focus moves to the other.
  const section = useRef<HTMLElement>(null);
  const running = state.phase === 'running';
  const wasRunning = useRef(running);
  useEffect(() => {
    const doc = section.current?.ownerDocument;
    const lost = doc && (!doc.activeElement || doc.activeElement === doc.body);
    if (lost && running !== wasRunning.current)
      section.current
        ?.querySelector<HTMLButtonElement>(running ? '[data-focus="cancel"]' : '[data-focus="export"]')
        ?.focus();
    wasRunning.current = running;
  }, [running]);
  return (
    <section aria-labelledby="export-heading" class="card" ref={section}>
      <h2 id="export-heading">{t('exportHeading')}</h2>
      {children}
      {state.phase === 'running' ? (
        <div class="row">
          <label class="field grow">
            {t('exportProgress')}
            <progress data-testid="export-progress" max={state.total} value={state.done} />
          </label>
          <button type="button" data-testid="export-cancel" data-focus="cancel" onClick={onCancel}>
            {t('exportCancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="primary"
          data-testid="export"
          data-focus="export"
          disabled={disabled}
          onClick={onExport}
        >
          {t('exportButton')}
        </button>
      )}
      <div role="status" aria-live="polite" data-testid="export-status">
        {state.phase === 'done' ? <p class="ok">{t('exportDone', [state.fileName])}</p> : null}
        {state.phase === 'cancelled' ? <p class="warn">{t('exportCancelled')}</p> : null}
        {state.phase === 'failed' ? <p class="error">{t('exportFailed', [state.detail])}</p> : null}
      </div>
    </section>
  );
}
