import type { Opinion, OpinionField } from '../lib/core/workspace-model';
import { ConfirmDelete } from './ConfirmDelete';
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
      <ConfirmDelete label="opinionDelete" question="opinionDeleteConfirm" onDelete={onDelete} />
    </div>
  );
}
