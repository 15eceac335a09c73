import { useState } from 'preact/hooks';
import type { Opinion, OpinionField } from '../lib/workspace-model';
import { useT, type MessageKey } from './i18n';
import { LiveField } from './LiveField';

export const opinionFieldKey = (field: OpinionField) => `opinion_${field}` as MessageKey;

/** "Dr X, Hospital Y", or a numbered fallback while neither is entered. */
export function opinionName(o: Pick<Opinion, 'clinician' | 'institution'>, _index: number, fallback: string): string {
  return [o.clinician, o.institution].filter((s) => s.trim()).join(', ') || fallback;
}

export interface OpinionFormProps {
  opinion: Opinion;
  onField: (field: OpinionField, value: string) => void;
  onDelete: () => void;
}

const multiline: OpinionField[] = ['diagnosis', 'recommendedTreatment', 'reasoning', 'answers', 'notes'];

/** One consultation's opinion, every field saved as typed. */
export function OpinionForm({ opinion, onField, onDelete }: OpinionFormProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const field = (name: OpinionField) => (
    <LiveField
      key={name}
      label={t(opinionFieldKey(name))}
      value={opinion[name]}
      type={name === 'date' ? 'date' : 'text'}
      multiline={multiline.includes(name)}
      maxLength={name === 'clinician' || name === 'institution' ? 500 : 20_000}
      testId={`opinion-${name}`}
      onSave={(value) => onField(name, value)}
    />
  );
  return (
    <div class="stack opinion-form" data-testid="opinion-form">
      {field('clinician')}
      {field('institution')}
      {field('date')}
      {field('diagnosis')}
      {field('recommendedTreatment')}
      {field('reasoning')}
      {field('answers')}
      {field('notes')}
      {confirming ? (
        <span role="alertdialog" aria-label={t('opinionDeleteConfirm')} class="confirm">
          {t('opinionDeleteConfirm')}{' '}
          <button type="button" class="danger" onClick={onDelete}>
            {t('confirmDelete')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </span>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('opinionDelete')}
        </button>
      )}
    </div>
  );
}
