import { useState } from 'preact/hooks';
import { DOCUMENT_LANGUAGES } from '../lib/core/document-language';
import type { RecordKind } from '../lib/core/model';
import { type ExportOptionsValue } from './export-choices';
import { useT } from './i18n';
import { PasswordOptions } from './PasswordOptions';
import { RedactionOptions, type RedactionPreviewView } from './RedactionOptions';
import { useIdle } from './use-idle';

export interface ExportOptionsProps {
  records: { id: string; title: string; kind: RecordKind }[];
  /** How many records the case holds, when `records` is read only once the options are opened. */
  recordCount?: number;
  /** The options were opened (the record list is wanted). */
  onOpen?: () => void;
  value: ExportOptionsValue;
  /** Called with an update of the current value (not a snapshot), so quick successive changes compose. */
  onChange: (update: (current: ExportOptionsValue) => ExportOptionsValue) => void;
  preview: RedactionPreviewView;
  /** "About the patient" lacks name, date of birth or sex: the patient-shared bundle cannot be made. */
  patientMissing?: boolean;
}

/** What goes into the package: records, page size, redaction, password. All records by default. */
export function ExportOptions({
  records,
  recordCount,
  onOpen,
  value,
  onChange,
  preview,
  patientMissing,
}: ExportOptionsProps) {
  const t = useT();
  // One checkbox per record (1,000 in a big case) inside options that start closed: built when they are
  // opened or the panel is idle, not in the render that first shows the record list (npm run bench, panel section).
  const [opened, setOpened] = useState(false);
  const idle = useIdle();
  const excluded = new Set(value.excluded);
  const set = (patch: Partial<ExportOptionsValue>) => onChange((current) => ({ ...current, ...patch }));
  const toggle = (id: string, included: boolean) =>
    onChange((current) => ({
      ...current,
      excluded: included ? current.excluded.filter((e) => e !== id) : [...current.excluded, id],
    }));
  return (
    <details
      class="stack"
      data-testid="export-options"
      onToggle={(e) => {
        if (!e.currentTarget.open) return;
        setOpened(true);
        onOpen?.();
      }}
    >
      <summary>{t('exportOptions')}</summary>
      <fieldset data-testid="export-records">
        <legend>
          {t('exportRecordsLegend', [
            (recordCount ?? records.length) - records.filter((r) => excluded.has(r.id)).length,
            recordCount ?? records.length,
          ])}
        </legend>
        <div class="row">
          <button type="button" class="link" onClick={() => set({ excluded: [] })}>
            {t('exportRecordsAll')}
          </button>
          <button type="button" class="link" onClick={() => set({ excluded: records.map((r) => r.id) })}>
            {t('exportRecordsNone')}
          </button>
        </div>
        {(opened || idle ? records : []).map((r) => (
          <label key={r.id} class="inline" dir="auto">
            <input
              type="checkbox"
              data-testid="export-record"
              value={r.id}
              checked={!excluded.has(r.id)}
              onChange={(e) => toggle(r.id, e.currentTarget.checked)}
            />{' '}
            {r.title}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('exportPageSize')}</legend>
        {(['letter', 'a4'] as const).map((size) => (
          <label key={size} class="inline">
            <input
              type="radio"
              name="export-page-size"
              data-testid={`export-page-${size}`}
              checked={value.pageSize === size}
              onChange={() => set({ pageSize: size })}
            />{' '}
            {t(size === 'letter' ? 'exportPageLetter' : 'exportPageA4')}
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="export-language">
        <legend>{t('exportLanguage')}</legend>
        {DOCUMENT_LANGUAGES.map((language) => (
          <label key={language} class="inline">
            <input
              type="radio"
              name="export-language"
              data-testid={`export-language-${language}`}
              checked={value.language === language}
              onChange={() => set({ language })}
            />{' '}
            <span lang={language === 'es' ? 'es' : undefined}>
              {t(language === 'es' ? 'exportLanguageEs' : 'exportLanguageEn')}
            </span>
          </label>
        ))}
        <p class="muted">{t('exportLanguageHint')}</p>
      </fieldset>
      <fieldset data-testid="export-patient-shared">
        <legend>{t('exportPatientShared')}</legend>
        <label class="inline">
          <input
            type="checkbox"
            data-testid="export-patient-shared-box"
            checked={value.patientShared && !value.redact}
            disabled={value.redact}
            onChange={(e) => set({ patientShared: e.currentTarget.checked })}
          />{' '}
          {t('exportPatientShared')}
        </label>
        <p class="muted">{t('exportPatientSharedHint')}</p>
        {value.redact ? (
          <p class="warn" data-testid="patient-shared-why">
            {t('exportPatientSharedRedacted')}
          </p>
        ) : value.patientShared && patientMissing ? (
          <p class="warn" data-testid="patient-shared-why">
            {t('exportPatientSharedNeedsPatient')}
          </p>
        ) : null}
      </fieldset>
      <RedactionOptions value={value} onChange={onChange} preview={preview} />
      <PasswordOptions value={value} onChange={onChange} />
    </details>
  );
}
