import { DecisionChoice, type Decision } from '../lib/core/workspace-model';
import { useT, type MessageKey } from './i18n';
import { LiveField } from './LiveField';

export interface DecisionFormProps {
  decision: Decision;
  onField: <F extends keyof Decision>(field: F, value: Decision[F]) => void;
}

/** The patient's decision after weighing the opinions, and why: theirs to make, kept for their record. */
export function DecisionForm({ decision, onField }: DecisionFormProps) {
  const t = useT();
  return (
    <section aria-labelledby="decision-heading" class="card stack" data-testid="decision">
      <h2 id="decision-heading">{t('decisionHeading')}</h2>
      <fieldset>
        <legend>{t('decisionChoice')}</legend>
        {DecisionChoice.options.map((choice) => (
          <label key={choice} class="inline">
            <input
              type="radio"
              name="decision-choice"
              value={choice}
              checked={(decision.choice ?? 'undecided') === choice}
              onChange={() => onField('choice', choice)}
            />{' '}
            {t(`decision_${choice.replace(/-/g, '_')}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <LiveField
        label={t('decisionReasons')}
        value={decision.reasons ?? ''}
        multiline
        testId="decision-reasons"
        onSave={(v) => onField('reasons', v)}
      />
      <p class="muted">{t('decisionTellDoctors')}</p>
    </section>
  );
}
