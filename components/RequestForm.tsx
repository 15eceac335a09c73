import { DOCUMENT_LANGUAGES } from '../lib/core/document-language';
import type { RecordsRequest } from '../lib/core/request-model';
import { RecordFamily } from '../lib/core/workspace-model';
import type { RequestEdit } from '../lib/letters/requests';
import { familyKey } from './ChecklistView';
import { useT, type MessageKey } from './i18n';
import { LiveField } from './LiveField';

export interface RequestFormProps {
  request: RecordsRequest;
  /** Families the checklist shows missing: what a records request may ask for. */
  gaps: RecordFamily[];
  /** The address was filled in from an earlier letter to the same provider. */
  remembered: boolean;
  onEdit: (edit: RequestEdit) => void;
  /** Who the letter goes to; the wiring fills in an address remembered for that provider. */
  onProviderName: (name: string) => void;
}

/** Who the letter goes to, what it asks for and where the records go; every field saved as typed. */
export function RequestForm({ request, gaps, remembered, onEdit, onProviderName }: RequestFormProps) {
  const t = useT();
  const id = request.id;
  const provider = request.provider;
  const offered = RecordFamily.options.filter((f) => gaps.includes(f) || request.families.includes(f));
  const editProvider = (field: keyof RecordsRequest['provider'], value: string) =>
    onEdit({ provider: { [field]: value } });
  const toggle = (family: RecordFamily, on: boolean) =>
    onEdit({
      families: RecordFamily.options.filter((f) => (f === family ? on : request.families.includes(f))),
    });
  return (
    <div class="stack">
      <LiveField
        label={request.purpose === 'referral' ? t('referralProvider') : t('requestProvider')}
        value={provider.name}
        maxLength={500}
        testId="request-provider"
        onSave={onProviderName}
      />
      {remembered ? (
        <p class="muted" data-testid="request-remembered">
          {t('requestRemembered')}
        </p>
      ) : null}
      <LiveField
        label={t('requestDepartment')}
        value={provider.department}
        maxLength={500}
        testId="request-department"
        onSave={(v) => editProvider('department', v)}
      />
      <LiveField
        label={t('requestAddress')}
        value={provider.address}
        multiline
        maxLength={5000}
        testId="request-address"
        onSave={(v) => editProvider('address', v)}
      />
      <LiveField
        label={t('requestFax')}
        value={provider.fax}
        maxLength={500}
        testId="request-fax"
        onSave={(v) => editProvider('fax', v)}
      />
      {request.purpose === 'records' ? (
        <>
          <fieldset data-testid="request-families">
            <legend>{t('requestWhich')}</legend>
            {offered.map((family) => (
              <label key={family} class="inline">
                <input
                  type="checkbox"
                  name={`request-family-${id}`}
                  value={family}
                  checked={request.families.includes(family)}
                  onChange={(e) => toggle(family, e.currentTarget.checked)}
                />{' '}
                {t(familyKey(family))}
              </label>
            ))}
          </fieldset>
          <div class="row">
            <LiveField
              label={t('requestDateFrom')}
              type="date"
              value={request.dateFrom}
              testId="request-date-from"
              onSave={(v) => onEdit({ dateFrom: v })}
            />
            <LiveField
              label={t('requestDateTo')}
              type="date"
              value={request.dateTo}
              testId="request-date-to"
              onSave={(v) => onEdit({ dateTo: v })}
            />
          </div>
          <p class="muted">{t('requestDatesHint')}</p>
        </>
      ) : (
        <LiveField
          label={t('referralNote')}
          value={request.note}
          multiline
          maxLength={5000}
          testId="referral-note"
          onSave={(v) => onEdit({ note: v })}
        />
      )}
      <LiveField
        label={t('requestContact')}
        value={request.contact}
        multiline
        maxLength={5000}
        testId="request-contact"
        onSave={(v) => onEdit({ contact: v })}
      />
      {request.purpose === 'records' ? (
        <fieldset>
          <legend>{t('requestSendTo')}</legend>
          {(['patient', 'doctor'] as const).map((to) => (
            <label key={to} class="inline">
              <input
                type="radio"
                name={`request-send-to-${id}`}
                value={to}
                data-testid={`request-send-to-${to}`}
                checked={request.sendTo === to}
                onChange={() => onEdit({ sendTo: to })}
              />{' '}
              {t(to === 'patient' ? 'requestSendToPatient' : 'requestSendToDoctor')}
            </label>
          ))}
        </fieldset>
      ) : null}
      {request.sendTo === 'doctor' || request.purpose === 'referral' ? (
        <LiveField
          label={t('requestDoctorName')}
          value={request.doctorName}
          maxLength={500}
          testId="request-doctor-name"
          onSave={(v) => onEdit({ doctorName: v })}
        />
      ) : null}
      {request.sendTo === 'doctor' && request.purpose === 'records' ? (
        <LiveField
          label={t('requestDoctorAddress')}
          value={request.doctorAddress}
          multiline
          maxLength={5000}
          testId="request-doctor-address"
          onSave={(v) => onEdit({ doctorAddress: v })}
        />
      ) : null}
      {request.purpose === 'records' ? (
        <LiveField
          label={t('requestNote')}
          value={request.note}
          multiline
          maxLength={5000}
          testId="request-note"
          onSave={(v) => onEdit({ note: v })}
        />
      ) : null}
      <label class="field">
        {t('requestLanguage')}
        <select
          value={request.language}
          data-testid="request-language"
          onChange={(e) => onEdit({ language: e.currentTarget.value as RecordsRequest['language'] })}
        >
          {DOCUMENT_LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {t(`letterLanguage_${lang}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
