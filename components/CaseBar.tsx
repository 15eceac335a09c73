import { useState } from 'preact/hooks';
import type { Case } from '../lib/core/model';
import { useT } from './i18n';

export interface CaseBarProps {
  cases: Case[];
  activeCaseId: string | undefined;
  recordCount: number;
  onSelect: (id: string) => void;
  onCreate: (title: string) => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
}

/** Choose, create, rename and delete cases; deleting asks first. */
export function CaseBar(props: CaseBarProps) {
  const t = useT();
  const [newTitle, setNewTitle] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const active = props.cases.find((c) => c.id === props.activeCaseId);

  return (
    <section aria-labelledby="case-heading" class="card">
      <h2 id="case-heading">{t('casesHeading')}</h2>
      {props.cases.length === 0 ? <p>{t('caseNone')}</p> : null}
      {props.cases.length > 0 ? (
        <label class="field">
          {t('caseSelectLabel')}
          <select
            data-testid="case-select"
            value={props.activeCaseId ?? ''}
            onChange={(e) => props.onSelect(e.currentTarget.value)}
          >
            {props.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {active && renaming === null && !confirming ? (
        <div class="row">
          <button type="button" onClick={() => setRenaming(active.title)}>
            {t('caseRename')}
          </button>
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t('caseDelete')}
          </button>
        </div>
      ) : null}
      {active && renaming !== null ? (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (renaming.trim()) props.onRename(active.id, renaming);
            setRenaming(null);
          }}
        >
          <label class="field grow">
            {t('caseRenameLabel')}
            <input value={renaming} maxLength={300} onInput={(e) => setRenaming(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setRenaming(null)}>
            {t('cancel')}
          </button>
        </form>
      ) : null}
      {active && confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-case-delete" class="confirm">
          <p id="confirm-case-delete">{t('caseDeleteConfirm', [active.title, props.recordCount])}</p>
          <button
            type="button"
            class="danger"
            onClick={() => {
              setConfirming(false);
              props.onDelete(active.id);
            }}
          >
            {t('confirmDelete')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : null}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newTitle.trim()) return;
          props.onCreate(newTitle);
          setNewTitle('');
        }}
      >
        <label class="field grow">
          {t('caseNewLabel')}
          <input
            data-testid="case-new-title"
            value={newTitle}
            maxLength={300}
            placeholder={t('caseNewPlaceholder')}
            onInput={(e) => setNewTitle(e.currentTarget.value)}
          />
        </label>
        <button type="submit" data-testid="case-create">
          {t('caseCreate')}
        </button>
      </form>
    </section>
  );
}
