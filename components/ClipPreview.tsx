import { useEffect, useRef, useState } from 'preact/hooks';
import type { RecordSummary } from '../lib/core/messaging';
import { problemText } from './attachment-problem';
import { useT } from './i18n';
import { kindKey } from './RecordList';

export interface ClipPreviewProps {
  records: RecordSummary[];
  onSave: (indexes: number[]) => void;
  onCancel: () => void;
}

export const formatBytes = (size: number) =>
  size < 1024
    ? `${size} B`
    : size < 1024 * 1024
      ? `${(size / 1024).toFixed(1)} KB`
      : `${(size / 1024 / 1024).toFixed(1)} MB`;

/** A page with several records shows what was found, all ticked; only the ticked ones are saved. */
export function ClipPreview({ records, onSave, onCancel }: ClipPreviewProps) {
  const t = useT();
  const [chosen, setChosen] = useState<boolean[]>(() => records.map(() => true));
  const indexes = chosen.flatMap((on, i) => (on ? [i] : []));
  // The Clip button that opened the preview is disabled by then: keyboard focus starts on what was found.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="stack" data-testid="clip-preview">
      <h3 tabIndex={-1} ref={heading}>
        {t('previewHeading', [records.length])}
      </h3>
      <p class="muted">{t('previewHint')}</p>
      <ul class="records">
        {records.map((record, i) => (
          <li key={i}>
            <label class="inline">
              <input
                type="checkbox"
                data-testid="preview-item"
                checked={chosen[i]}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setChosen((prev) => prev.map((v, j) => (j === i ? on : v)));
                }}
              />
              <span class="title">{record.title}</span>
            </label>
            <span class="muted">
              {' '}
              {t(kindKey(record.kind))}
              {record.clinicalDate ? ` · ${record.clinicalDate.slice(0, 10)}` : ''}
              {record.rows !== undefined ? ` · ${t('previewRows', [record.rows])}` : ''}
            </span>
            {record.attachments.length > 0 ? (
              <div class="muted">
                {t('previewAttachments', [
                  record.attachments.map((a) => `${a.name} (${formatBytes(a.size)})`).join(', '),
                ])}
              </div>
            ) : null}
            {record.failed.map((problem, j) => (
              <div key={j} class="warn">
                {problemText(t, problem)}
              </div>
            ))}
            {record.titleOnly ? (
              <div class="warn" data-testid="preview-title-only">
                {t('clipTitleOnly', [record.title])}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="preview-save"
          disabled={indexes.length === 0}
          onClick={() => onSave(indexes)}
        >
          {t('previewSave')}
        </button>
        <button type="button" data-testid="preview-cancel" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
