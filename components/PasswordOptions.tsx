import { MIN_PASSWORD_LENGTH, passwordProblem, type ExportOptionsValue } from './export-choices';
import { useT } from './i18n';
import { PasswordField } from './PasswordField';

export interface PasswordOptionsProps {
  value: ExportOptionsValue;
  onChange: (update: (current: ExportOptionsValue) => ExportOptionsValue) => void;
}

/** Optional password: AES-256 zip entries, with what the doctor needs to open them and what stays visible. */
export function PasswordOptions({ value, onChange }: PasswordOptionsProps) {
  const t = useT();
  const problem = passwordProblem(value);
  const set = (patch: Partial<ExportOptionsValue>) => onChange((current) => ({ ...current, ...patch }));
  return (
    <fieldset class="stack" data-testid="password">
      <legend>{t('passwordLegend')}</legend>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="password-toggle"
          checked={value.protect}
          onChange={(e) => set({ protect: e.currentTarget.checked })}
        />{' '}
        {t('passwordToggle')}
      </label>
      {value.protect ? (
        <>
          <p class="muted" data-testid="password-format">
            {t('passwordFormat')}
          </p>
          <p class="notice" data-testid="password-names-visible">
            {t('passwordNamesVisible')}
          </p>
          <PasswordField
            label={t('passwordField')}
            autocomplete="new-password"
            testId="password-new"
            value={value.password}
            onInput={(password) => set({ password })}
          />
          <PasswordField
            label={t('passwordConfirm')}
            autocomplete="new-password"
            testId="password-confirm"
            value={value.confirm}
            onInput={(confirm) => set({ confirm })}
          />
          {problem ? (
            <p class="warn" data-testid="password-problem">
              {t(problem, [MIN_PASSWORD_LENGTH])}
            </p>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
