import { useState } from 'preact/hooks';
import { useT, type MessageKey } from './i18n';

export interface ConfirmDeleteProps {
  label: MessageKey;
  question: MessageKey;
  onDelete: () => void;
  /** Test ids for the first button and the confirming one. */
  testId?: string;
}

/** A delete button that asks first, inline: nothing is deleted by a single click. */
export function ConfirmDelete({ label, question, onDelete, testId }: ConfirmDeleteProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <span role="alertdialog" aria-label={t(question)} class="confirm">
      {t(question)}{' '}
      <button type="button" class="danger" data-testid={testId && `${testId}-confirm`} onClick={onDelete}>
        {t('confirmDelete')}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
    </span>
  ) : (
    <button type="button" class="danger" data-testid={testId} onClick={() => setConfirming(true)}>
      {t(label)}
    </button>
  );
}
