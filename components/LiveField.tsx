import { useAutosave } from './autosave';
import { useT } from './i18n';

export interface LiveFieldProps {
  label: string;
  value: string;
  onSave: (value: string) => void;
  multiline?: boolean;
  maxLength?: number;
  type?: 'text' | 'date';
  hint?: string;
  testId?: string;
}

/** A labelled text field saved as the user types, telling them when someone else changed it meanwhile. */
export function LiveField({
  label,
  value,
  onSave,
  multiline,
  maxLength = 20_000,
  type = 'text',
  hint,
  testId,
}: LiveFieldProps) {
  const t = useT();
  const field = useAutosave(value, onSave);
  const common = {
    value: field.draft,
    maxLength,
    dir: 'auto' as const,
    'data-testid': testId,
    onFocus: field.onFocus,
    onBlur: field.onBlur,
  };
  return (
    <div class="stack tight">
      <label class="field">
        {label}
        {hint ? <span class="muted">{hint}</span> : null}
        {multiline ? (
          <textarea rows={3} {...common} onInput={(e) => field.setDraft(e.currentTarget.value)} />
        ) : type === 'date' ? (
          <input type="date" {...common} onInput={(e) => field.setDraft(e.currentTarget.value)} />
        ) : (
          <input type="text" {...common} onInput={(e) => field.setDraft(e.currentTarget.value)} />
        )}
      </label>
      {field.conflict ? (
        <div role="status" class="notice" data-testid="field-conflict">
          {t('fieldChangedElsewhere')}{' '}
          <button type="button" class="link" onClick={field.takeStored}>
            {t('fieldUseOther')}
          </button>{' '}
          <button type="button" class="link" onClick={field.keepMine}>
            {t('fieldKeepMine')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
