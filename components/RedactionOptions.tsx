import type { RedactionFinding } from '../lib/export/redact';
import { redactKindKey, type ExportOptionsValue } from './export-choices';
import { useT } from './i18n';

/** The preview the wiring computed for the names typed so far. */
export type RedactionPreviewView =
  | { state: 'off' }
  | { state: 'loading' }
  | {
      state: 'ready';
      findings: Pick<RedactionFinding, 'kind' | 'text' | 'count' | 'where'>[];
      unredactedFiles: string[];
    }
  | { state: 'failed' };

export interface RedactionOptionsProps {
  value: ExportOptionsValue;
  onChange: (update: (current: ExportOptionsValue) => ExportOptionsValue) => void;
  preview: RedactionPreviewView;
}

/** Optional redaction of the exported copy, with the list of what will be removed; each finding can be unticked. */
export function RedactionOptions({ value, onChange, preview }: RedactionOptionsProps) {
  const t = useT();
  const rejected = new Set(value.rejected);
  const set = (patch: Partial<ExportOptionsValue>) => onChange((current) => ({ ...current, ...patch }));
  const toggle = (text: string, accepted: boolean) => {
    const key = text.toLowerCase();
    onChange((current) => ({
      ...current,
      rejected: accepted ? current.rejected.filter((r) => r !== key) : [...current.rejected, key],
    }));
  };
  return (
    <fieldset class="stack" data-testid="redaction">
      <legend>{t('redactLegend')}</legend>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="redact-toggle"
          checked={value.redact}
          onChange={(e) => set({ redact: e.currentTarget.checked })}
        />{' '}
        {t('redactToggle')}
      </label>
      {value.redact ? (
        <>
          <p class="muted">{t('redactNote')}</p>
          <label class="field">
            {t('redactNames')}
            <input
              dir="auto"
              data-testid="redact-names"
              value={value.names}
              maxLength={2000}
              onInput={(e) => set({ names: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            {t('redactDob')}
            <input
              type="date"
              data-testid="redact-dob"
              value={value.dateOfBirth}
              onInput={(e) => set({ dateOfBirth: e.currentTarget.value })}
            />
          </label>
          <h3>{t('redactPreviewHeading')}</h3>
          <div role="status" aria-live="polite" data-testid="redact-preview">
            {preview.state === 'loading' ? <p class="muted">{t('redactPreviewLoading')}</p> : null}
            {preview.state === 'failed' ? <p class="error">{t('redactPreviewFailed')}</p> : null}
            {preview.state === 'ready' && preview.findings.length === 0 ? (
              <p class="muted">{t('redactPreviewEmpty')}</p>
            ) : null}
          </div>
          {preview.state === 'ready' && preview.findings.length > 0 ? (
            <ul class="findings" data-testid="redact-findings">
              {preview.findings.map((f) => (
                <li key={f.text.toLowerCase()}>
                  <label dir="auto">
                    <input
                      type="checkbox"
                      data-testid="redact-finding"
                      value={f.text}
                      checked={!rejected.has(f.text.toLowerCase())}
                      onChange={(e) => toggle(f.text, e.currentTarget.checked)}
                    />{' '}
                    <span>
                      <strong>{f.text}</strong>{' '}
                      <span class="muted">
                        {t('redactFindingWhere', [t(redactKindKey(f.kind)), f.count, f.where.slice(0, 3).join('; ')])}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.state === 'ready' && preview.unredactedFiles.length > 0 ? (
            <p class="notice" data-testid="redact-unredacted-files">
              {t('redactUnredactedFiles', [preview.unredactedFiles.join(', ')])}
            </p>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
