import { useState } from 'preact/hooks';
import type { ImportErrorCode } from '../lib/import/import-error';
import { useT, type MessageKey } from './i18n';
import { PasswordField } from './PasswordField';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'password'; wrong: boolean }
  | { phase: 'done'; title: string; count: number; altered?: number; sentLogDropped?: number }
  | { phase: 'failed'; code: ImportErrorCode | 'unexpected'; detail: string };

/** Catalogue key for why a package was refused (`import_error_<code>`, hyphens as underscores). */
export const importErrorKey = (code: ImportErrorCode | 'unexpected') =>
  `import_error_${code.replace(/-/g, '_')}` as MessageKey;

export interface ImportPanelProps {
  state: ImportState;
  onFile: (file: File) => void;
  onPassword: (password: string) => void;
  onCancelPassword: () => void;
}

/** "Import a Second Look package": a file input, a password prompt when the package is protected, the outcome. */
export function ImportPanel({ state, onFile, onPassword, onCancelPassword }: ImportPanelProps) {
  const t = useT();
  const [password, setPassword] = useState('');
  return (
    <section aria-labelledby="import-heading" class="card stack">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p class="muted">{t('importIntro')}</p>
      <label class="field">
        {t('importFile')}
        <input
          type="file"
          accept=".zip,application/zip"
          data-testid="import-file"
          disabled={state.phase === 'reading'}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      {state.phase === 'password' ? (
        <form
          class="stack"
          data-testid="import-password-form"
          onSubmit={(e) => {
            e.preventDefault();
            onPassword(password);
            setPassword('');
          }}
        >
          <p>{t('importPasswordPrompt')}</p>
          {state.wrong ? <p class="error">{t('import_error_wrong_password')}</p> : null}
          <PasswordField
            label={t('passwordField')}
            autocomplete="off"
            testId="import-password"
            value={password}
            onInput={setPassword}
          />
          <div class="row">
            <button type="submit" class="primary" data-testid="import-password-submit" disabled={password.length === 0}>
              {t('importPasswordSubmit')}
            </button>
            <button type="button" onClick={onCancelPassword}>
              {t('importPasswordCancel')}
            </button>
          </div>
        </form>
      ) : null}
      <div role="status" aria-live="polite" data-testid="import-status">
        {state.phase === 'reading' ? <p class="muted">{t('importReading')}</p> : null}
        {state.phase === 'done' ? <p class="ok">{t('importDone', [state.title, state.count])}</p> : null}
        {state.phase === 'done' && state.altered ? (
          <p class="warn" data-testid="import-altered">
            {t('importAltered', [state.altered])}
          </p>
        ) : null}
        {state.phase === 'done' && state.sentLogDropped ? (
          <p class="warn" data-testid="import-sent-log-dropped">
            {t('importSentLogDropped', [state.sentLogDropped])}
          </p>
        ) : null}
        {state.phase === 'failed' ? (
          <p class="error" data-code={state.code}>
            {t('importFailed', [t(importErrorKey(state.code))])}
          </p>
        ) : null}
      </div>
    </section>
  );
}
