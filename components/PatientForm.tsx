import { PatientSex, type PatientDetails } from '../lib/core/workspace-model';
import { useT, type MessageKey } from './i18n';
import { LiveField } from './LiveField';

export interface PatientFormProps {
  patient: PatientDetails;
  onField: <F extends keyof PatientDetails>(field: F, value: PatientDetails[F] | '') => void;
}

/** "About the patient": entered once, used only where a record system must match the patient. */
export function PatientForm({ patient, onField }: PatientFormProps) {
  const t = useT();
  return (
    <section aria-labelledby="patient-heading" class="card stack" data-testid="patient-form">
      <h2 id="patient-heading">{t('patientHeading')}</h2>
      <p class="muted">{t('patientIntro')}</p>
      <LiveField
        label={t('patientName')}
        value={patient.name ?? ''}
        maxLength={300}
        multiline={false}
        testId="patient-name"
        onSave={(value) => onField('name', value.trim() ? value : '')}
      />
      <LiveField
        label={t('patientBirthDate')}
        value={patient.birthDate ?? ''}
        type="date"
        multiline={false}
        testId="patient-birth-date"
        onSave={(value) => onField('birthDate', /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '')}
      />
      <fieldset>
        <legend>{t('patientSex')}</legend>
        {PatientSex.options.map((sex) => (
          <label key={sex} class="inline">
            <input
              type="radio"
              name="patient-sex"
              value={sex}
              data-testid={`patient-sex-${sex}`}
              checked={patient.sex === sex}
              onChange={() => onField('sex', sex)}
            />{' '}
            {t(`patientSex_${sex}` as MessageKey)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
