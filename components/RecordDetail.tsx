import { useEffect, useState } from 'preact/hooks';
import { RecordKind, type CaseRecord } from '../lib/core/model';
import type { RecordEdit } from '../lib/case/records';
import { formatBytes } from './ClipPreview';
import { ConfirmDelete } from './ConfirmDelete';
import { useT } from './i18n';
import { PortalName } from './PortalName';
import { kindKey } from './RecordList';
import { SnapshotFrame } from './SnapshotFrame';
import { StructuredSummary } from './StructuredSummary';

export interface RecordDetailProps {
  record: CaseRecord;
  onBack: () => void;
  onSave: (edit: RecordEdit) => void;
  onDelete: () => void;
  /** Files kept with the record. */
  attachments?: { id: string; name: string; mediaType: string; size: number; sha256?: string }[];
  onDownloadAttachment?: (id: string) => void;
  /** Names the record's portal for every record from its origin. */
  onNamePortal?: (name: string) => void;
  /** The record holds nothing but its title (no text, results or file). */
  titleOnly?: boolean;
}

/** One record: editable title, date, kind and note, and the snapshot as captured. */
export function RecordDetail({
  record,
  onBack,
  onSave,
  onDelete,
  attachments = [],
  onDownloadAttachment,
  onNamePortal,
  titleOnly = false,
}: RecordDetailProps) {
  const t = useT();
  const [title, setTitle] = useState(record.title);
  const [date, setDate] = useState(record.clinicalDate?.slice(0, 10) ?? '');
  const [kind, setKind] = useState(record.kind);
  const [note, setNote] = useState(record.note);
  useEffect(() => {
    setTitle(record.title);
    setDate(record.clinicalDate?.slice(0, 10) ?? '');
    setKind(record.kind);
    setNote(record.note);
  }, [record.id, record.updatedAt]);

  return (
    <section aria-labelledby="record-heading" class="card" data-testid="record-detail">
      <button type="button" class="link" onClick={onBack}>
        ← {t('recordBack')}
      </button>
      <h2 id="record-heading">{record.title}</h2>
      <p class="muted">
        {t('recordSource', [
          record.provenance.origin + record.provenance.path,
          record.capturedAt.slice(0, 16).replace('T', ' '),
        ])}
      </p>
      {onNamePortal ? (
        <PortalName key={record.provenance.origin} provenance={record.provenance} onName={onNamePortal} />
      ) : null}
      {titleOnly ? (
        <p class="warn" data-testid="record-title-only-hint">
          {t('recordTitleOnlyHint')}
        </p>
      ) : null}
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          onSave({ title: title.trim(), clinicalDate: date || null, kind, note });
        }}
      >
        <label class="field">
          {t('recordTitle')}
          <input
            data-testid="record-title"
            value={title}
            maxLength={1000}
            required
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <label class="field">
            {t('recordDate')}
            <input type="date" data-testid="record-date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </label>
          <label class="field">
            {t('recordKind')}
            <select
              data-testid="record-kind"
              value={kind}
              onChange={(e) => setKind(RecordKind.parse(e.currentTarget.value))}
            >
              {RecordKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(kindKey(k))}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label class="field">
          {t('recordNote')}
          <textarea
            data-testid="record-note"
            value={note}
            rows={3}
            maxLength={100_000}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <button type="submit" class="primary" data-testid="record-save">
            {t('save')}
          </button>
          <ConfirmDelete
            label="recordDelete"
            question="recordDeleteConfirm"
            onDelete={onDelete}
            testId="record-delete"
          />
        </div>
      </form>
      {record.structured ? <StructuredSummary data={record.structured} /> : null}
      {attachments.length > 0 ? (
        <div data-testid="record-attachments">
          <h3>{t('attachmentsHeading')}</h3>
          <ul class="records">
            {attachments.map((a) => (
              <li key={a.id} data-testid="record-attachment">
                <span class="title">{a.name}</span>{' '}
                <span class="muted">
                  {a.mediaType} · {formatBytes(a.size)}
                </span>{' '}
                {a.sha256 ? (
                  <span class="muted hash" data-testid="attachment-sha256" title={a.sha256}>
                    {t('attachmentSha256', [`${a.sha256.slice(0, 12)}…`])}
                  </span>
                ) : null}{' '}
                <button type="button" data-testid="attachment-download" onClick={() => onDownloadAttachment?.(a.id)}>
                  {t('attachmentDownload')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SnapshotFrame html={record.snapshotHtml} title={t('recordSnapshotLabel')} />
    </section>
  );
}
