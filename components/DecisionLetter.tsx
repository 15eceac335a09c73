import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../lib/core/document-language';
import { useT, type MessageKey } from './i18n';
import { LetterActions, type LetterFormat, type LetterOutcome } from './LetterActions';

export interface DecisionLetterProps {
  /** Who the letter goes to: the first doctor and each doctor who gave an opinion. */
  recipients: string[];
  language: DocumentLanguage;
  onLanguage: (language: DocumentLanguage) => void;
  onLetter: (format: LetterFormat) => Promise<LetterOutcome>;
}

/** The letter telling both doctors the patient's decision and asking them to share the records. */
export function DecisionLetter({ recipients, language, onLanguage, onLetter }: DecisionLetterProps) {
  const t = useT();
  return (
    <section aria-labelledby="decision-letter-heading" class="card stack" data-testid="decision-letter">
      <h2 id="decision-letter-heading">{t('decisionLetterHeading')}</h2>
      <p class="muted">{t('decisionLetterIntro')}</p>
      {recipients.length ? (
        <p dir="auto" data-testid="decision-letter-to">
          {t('decisionLetterTo', [recipients.join('; ')])}
        </p>
      ) : null}
      <label class="field">
        {t('requestLanguage')}
        <select
          value={language}
          data-testid="decision-letter-language"
          onChange={(e) => onLanguage(e.currentTarget.value as DocumentLanguage)}
        >
          {DOCUMENT_LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {t(`letterLanguage_${lang}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <LetterActions testId="decision-letter-file" onLetter={onLetter} />
    </section>
  );
}
