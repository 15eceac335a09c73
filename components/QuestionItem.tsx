import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuestionEdit } from '../lib/case/questions';
import type { Question, QuestionFamily } from '../lib/core/workspace-model';
import { ConfirmDelete } from './ConfirmDelete';
import { useT, type MessageKey } from './i18n';
import { LiveField } from './LiveField';

/** Lists up to this long are built with their closed details; longer ones when opened. */
export const EAGER_LIST = 50;

export const questionFamilyKey = (family: QuestionFamily) => `qfamily_${family.replace(/-/g, '_')}` as MessageKey;

export interface QuestionItemProps {
  question: Question;
  first: boolean;
  last: boolean;
  records: { id: string; title: string }[];
  /** The ids of `records`, built once for the whole list rather than once per question. */
  recordIds?: ReadonlySet<string>;
  /** The links were opened (the records' titles may not be read yet). */
  onLinksOpen?: () => void;
  onEdit: (edit: QuestionEdit) => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
  onLink: (recordId: string, linked: boolean) => void;
}

/** One question: move it (buttons or Alt+Arrow), edit, answer, link records, delete. */
export function QuestionItem(props: QuestionItemProps) {
  const { question, first, last, records, recordIds, onLinksOpen, onEdit, onMove, onDelete, onLink } = props;
  const t = useT();
  const item = useRef<HTMLLIElement>(null);
  const refocus = useRef<string | null>(null);
  // One checkbox per record of the case (thousands in a big one): past a few dozen, built only when the
  // links are opened.
  const [linksOpen, setLinksOpen] = useState(false);
  const listLinks = linksOpen || records.length <= EAGER_LIST;
  const known = recordIds ?? new Set(records.map((r) => r.id));
  const removed = question.linkedRecordIds.filter((id) => !known.has(id));

  // Reordering moves this element in the list; the browser drops focus when it moves, so put it back.
  useEffect(() => {
    if (!refocus.current) return;
    const target = item.current?.querySelector<HTMLButtonElement>(`[data-move="${refocus.current}"]`);
    (target && !target.disabled
      ? target
      : item.current?.querySelector<HTMLElement>('[data-move]:not([disabled])')
    )?.focus();
    refocus.current = null;
  }, [question.priority]);

  const move = (direction: -1 | 1, which: string) => {
    refocus.current = which;
    onMove(direction);
  };

  return (
    <li
      ref={item}
      class="question"
      data-testid="question"
      data-question-id={question.id}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        // In a multi-line answer Alt+Arrow belongs to text navigation on some systems.
        if (e.target instanceof HTMLTextAreaElement) return;
        e.preventDefault();
        const up = e.key === 'ArrowUp';
        if (up ? !first : !last) move(up ? -1 : 1, up ? 'up' : 'down');
      }}
    >
      <div class="row between">
        <span class="muted">{t(questionFamilyKey(question.family))}</span>
        <span class="row">
          <button
            type="button"
            data-move="up"
            disabled={first}
            aria-label={t('questionMoveUp')}
            title={t('questionMoveHint')}
            onClick={() => move(-1, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            data-move="down"
            disabled={last}
            aria-label={t('questionMoveDown')}
            title={t('questionMoveHint')}
            onClick={() => move(1, 'down')}
          >
            ↓
          </button>
        </span>
      </div>
      <LiveField
        label={t('questionText')}
        value={question.text}
        maxLength={2000}
        multiline
        testId="question-text"
        onSave={(text) => text.trim() && onEdit({ text })}
      />
      <label class="inline">
        <input
          type="checkbox"
          data-testid="question-answered"
          checked={question.answered}
          onChange={(e) => onEdit({ answered: e.currentTarget.checked })}
        />{' '}
        {t('questionAnswered')}
      </label>
      {question.answered || question.answer ? (
        <LiveField
          label={t('questionAnswer')}
          value={question.answer}
          multiline
          testId="question-answer"
          onSave={(answer) => onEdit({ answer })}
        />
      ) : null}
      <details
        onToggle={(e) => {
          setLinksOpen(e.currentTarget.open);
          if (e.currentTarget.open) onLinksOpen?.();
        }}
      >
        <summary>{t('questionLinks', [question.linkedRecordIds.length])}</summary>
        {(recordIds?.size ?? records.length) === 0 ? <p class="muted">{t('questionNoRecords')}</p> : null}
        <ul class="links">
          {(listLinks ? records : []).map((r) => (
            <li key={r.id}>
              <label class="inline" dir="auto">
                <input
                  type="checkbox"
                  checked={question.linkedRecordIds.includes(r.id)}
                  onChange={(e) => onLink(r.id, e.currentTarget.checked)}
                />{' '}
                {r.title}
              </label>
            </li>
          ))}
          {removed.map((id) => (
            <li key={id} class="removed" data-testid="question-link-removed">
              {t('questionLinkRemoved')}{' '}
              <button type="button" class="link" onClick={() => onLink(id, false)}>
                {t('questionUnlink')}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <ConfirmDelete label="questionDelete" question="questionDeleteConfirm" onDelete={onDelete} />
    </li>
  );
}
