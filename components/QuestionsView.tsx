import { useMemo, useState } from 'preact/hooks';
import { SUGGESTED_QUESTIONS } from '../lib/case/question-bank';
import type { QuestionEdit } from '../lib/case/questions';
import { QuestionFamily, type Question } from '../lib/core/workspace-model';
import { useT, type MessageKey } from './i18n';
import { QuestionItem, questionFamilyKey } from './QuestionItem';

export interface QuestionsViewProps {
  questions: Question[];
  /** The records to link (titles); may be read only once a question's links are opened (`onWantRecords`). */
  records: { id: string; title: string }[];
  /** Every record id of the case, when `records` is not read yet: a link to none of them was deleted. */
  recordIds?: ReadonlySet<string>;
  /** A question's links were opened: the records' titles are wanted. */
  onWantRecords?: () => void;
  onAdd: (family: QuestionFamily, text: string) => void;
  onEdit: (id: string, edit: QuestionEdit) => void;
  onMove: (id: string, direction: -1 | 1) => void;
  onDelete: (id: string) => void;
  onLink: (id: string, recordId: string, linked: boolean) => void;
}

/** Questions shown at first, and added by each "Show more". */
export const QUESTION_PAGE = 50;

/** The patient's questions in the order they will ask them, with a bank of suggestions to start from. */
export function QuestionsView(props: QuestionsViewProps) {
  const t = useT();
  const [family, setFamily] = useState<QuestionFamily>('diagnosis');
  const [text, setText] = useState('');
  // Open the suggestions while the list is empty; afterwards the user decides.
  const [bankOpen, setBankOpen] = useState(props.questions.length === 0);
  const asked = new Set(props.questions.map((q) => q.text.trim().toLowerCase()));
  const listed = useMemo(() => new Set(props.records.map((r) => r.id)), [props.records]);
  const recordIds = props.recordIds ?? listed;
  // A long list is shown a page at a time; the count in the heading is always the whole list.
  const [shown, setShown] = useState(QUESTION_PAGE);
  const visible = props.questions.slice(0, shown);

  return (
    <section aria-labelledby="questions-heading" class="card stack" data-testid="questions">
      <h2 id="questions-heading">{t('questionsHeading', [props.questions.length])}</h2>
      <p class="muted">{t('questionsIntro')}</p>
      {props.questions.length === 0 ? <p class="muted">{t('questionsEmpty')}</p> : null}
      <ol class="questions" data-testid="question-list">
        {visible.map((question, index) => (
          <QuestionItem
            key={question.id}
            question={question}
            first={index === 0}
            last={index === props.questions.length - 1}
            records={props.records}
            recordIds={recordIds}
            onLinksOpen={props.onWantRecords}
            onEdit={(edit) => props.onEdit(question.id, edit)}
            onMove={(direction) => props.onMove(question.id, direction)}
            onDelete={() => props.onDelete(question.id)}
            onLink={(recordId, linked) => props.onLink(question.id, recordId, linked)}
          />
        ))}
      </ol>
      {props.questions.length > visible.length ? (
        <button
          type="button"
          class="link"
          data-testid="questions-more"
          onClick={() => setShown((n) => n + QUESTION_PAGE)}
        >
          {t('questionsShowMore', [visible.length, props.questions.length])}
        </button>
      ) : null}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          props.onAdd(family, text);
          setText('');
        }}
      >
        <label class="field">
          {t('questionFamily')}
          <select value={family} onChange={(e) => setFamily(QuestionFamily.parse(e.currentTarget.value))}>
            {QuestionFamily.options.map((f) => (
              <option key={f} value={f}>
                {t(questionFamilyKey(f))}
              </option>
            ))}
          </select>
        </label>
        <label class="field grow">
          {t('questionNew')}
          <input
            dir="auto"
            data-testid="question-new"
            value={text}
            maxLength={2000}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <button type="submit" data-testid="question-add">
          {t('questionAdd')}
        </button>
      </form>
      <details data-testid="question-bank" open={bankOpen} onToggle={(e) => setBankOpen(e.currentTarget.open)}>
        <summary>{t('questionBank')}</summary>
        {QuestionFamily.options.map((f) => (
          <div key={f} class="group">
            <h3>{t(questionFamilyKey(f))}</h3>
            <ul class="bank">
              {SUGGESTED_QUESTIONS.filter((s) => s.family === f).map((s) => {
                const suggestion = t(s.messageKey as MessageKey);
                const added = asked.has(suggestion.trim().toLowerCase());
                return (
                  <li key={s.id} class="row between">
                    <span class="grow">{suggestion}</span>
                    <button
                      type="button"
                      data-testid={`bank-${s.id}`}
                      disabled={added}
                      aria-label={added ? t('questionBankAdded', [suggestion]) : t('questionBankAdd', [suggestion])}
                      onClick={() => props.onAdd(f, suggestion)}
                    >
                      {added ? t('questionAdded') : t('questionAdd')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </details>
    </section>
  );
}
