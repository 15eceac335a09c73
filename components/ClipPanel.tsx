import type { ClipStatus } from '../lib/settings';
import { useT, type MessageKey, type Translate } from './i18n';

export interface ClipPanelProps {
  /** The portal origin of the current tab, or null when the tab is hidden from us. */
  tabOrigin: string | null;
  busy: boolean;
  status: ClipStatus | undefined;
  disabled: boolean;
  onClip: (selectionOnly: boolean) => void;
}

export const errorKey = (code: string) => `error_${code.replace(/-/g, '_')}` as MessageKey;

function warningText(t: Translate, warning: string): string {
  const [code, count] = warning.split(':');
  if (code === 'images-not-kept') return t('clipWarningImages', [count ?? '?']);
  if (code === 'canvas-unreadable') return t('clipWarningCanvas');
  return warning;
}

/** The clip buttons and what the last clip did, whichever way it was started. */
export function ClipPanel({ tabOrigin, busy, status, disabled, onClip }: ClipPanelProps) {
  const t = useT();
  const result = status?.result;
  return (
    <section aria-labelledby="clip-heading" class="card">
      <h2 id="clip-heading">{t('clipHeading')}</h2>
      <p class="muted" data-testid="tab-origin">{tabOrigin ? t('tabCurrent', [tabOrigin]) : t('tabNoAccess')}</p>
      <div class="row">
        <button type="button" class="primary" data-testid="clip-page" disabled={busy || disabled} onClick={() => onClip(false)}>
          {busy ? t('clipping') : t('clipPage')}
        </button>
        <button type="button" data-testid="clip-selection" disabled={busy || disabled} onClick={() => onClip(true)}>
          {t('clipSelection')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="clip-status">
        {result && result.ok && result.data.added.length > 0 ? <p class="ok">{t('clipAdded', [result.data.titles.join('; ')])}</p> : null}
        {result && result.ok && result.data.added.length === 0 ? <p class="warn">{t('clipDuplicate')}</p> : null}
        {result && result.ok
          ? result.data.warnings.map((w) => (
              <p key={w} class="warn">
                {warningText(t, w)}
              </p>
            ))
          : null}
        {result && !result.ok ? <p class="error">{t(errorKey(result.error))}</p> : null}
      </div>
    </section>
  );
}
