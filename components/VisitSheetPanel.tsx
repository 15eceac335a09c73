import { useState } from 'preact/hooks';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../lib/core/document-language';
import { useT, type MessageKey } from './i18n';

export type VisitSheetState =
  { phase: 'idle' } | { phase: 'making' } | { phase: 'done'; fileName: string } | { phase: 'failed'; detail: string };

export interface VisitSheetPanelProps {
  state: VisitSheetState;
  hasQuestions: boolean;
  /** The panel's own language, offered first. */
  defaultLanguage: DocumentLanguage;
  onMake: (language: DocumentLanguage) => void;
}

/** "Visit sheet": choose the sheet's language (independent of the panel's) and download it. */
export function VisitSheetPanel({ state, hasQuestions, defaultLanguage, onMake }: VisitSheetPanelProps) {
  const t = useT();
  const [language, setLanguage] = useState<DocumentLanguage>(defaultLanguage);
  return (
    <section aria-labelledby="visit-heading" class="card stack" data-testid="visit-sheet">
      <h2 id="visit-heading">{t('visitHeading')}</h2>
      <p class="muted">{t('visitIntro')}</p>
      {hasQuestions ? null : <p data-testid="visit-no-questions">{t('visitNoQuestions')}</p>}
      <label class="field">
        {t('visitLanguage')}
        <select
          data-testid="visit-language"
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as DocumentLanguage)}
        >
          {DOCUMENT_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`docLang_${code}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="visit-download"
        disabled={state.phase === 'making'}
        onClick={() => onMake(language)}
      >
        {t('visitDownload')}
      </button>
      <div role="status" aria-live="polite" data-testid="visit-status">
        {state.phase === 'making' ? <p>{t('visitMaking')}</p> : null}
        {state.phase === 'done' ? <p class="ok">{t('visitDone', [state.fileName])}</p> : null}
        {state.phase === 'failed' ? <p class="error">{t('visitFailed', [state.detail])}</p> : null}
      </div>
    </section>
  );
}
