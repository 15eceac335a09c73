import { useEffect, useRef } from 'preact/hooks';
import type { ClipProgress, RecordSummary } from '../lib/core/messaging';
import type { ClipStatus } from '../lib/core/settings';
import { embeddedSummary, problemText } from './attachment-problem';
import { ClipPreview } from './ClipPreview';
import { useT, type MessageKey, type Translate } from './i18n';

export interface ClipPanelProps {
  /** The portal origin of the current tab, or null when the tab is hidden from us. */
  tabOrigin: string | null;
  busy: boolean;
  status: ClipStatus | undefined;
  disabled: boolean;
  onClip: (selectionOnly: boolean) => void;
  /** The phase of the clip under way, if any. */
  progress?: ClipProgress;
  /** Several records found: what they are, until the user saves or cancels. */
  preview?: RecordSummary[] | null;
  onSavePreview?: (indexes: number[]) => void;
  onCancelPreview?: () => void;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function progressText(t: Translate, progress: ClipProgress): string {
  if ('done' in progress) return t('clipProgressTransferring', [mb(progress.done), mb(progress.total)]);
  return progress.phase === 'saving' ? t('clipProgressSaving') : t('clipProgressReading');
}

export const errorKey = (code: string) => `error_${code.replace(/-/g, '_')}` as MessageKey;

function warningText(t: Translate, warning: string): string {
  const [code, count] = warning.split(':');
  if (code === 'images-not-kept') return t('clipWarningImages', [count ?? '?']);
  if (code === 'canvas-unreadable') return t('clipWarningCanvas');
  if (code === 'values-kept-as-text') return t('clipWarningTextOnly', [count ?? '?']);
  if (code === 'frames-unreadable') return t('clipWarningFrames', [count ?? '?']);
  if (code === 'content-not-loaded') return t('clipWarningNotLoaded');
  if (code === 'attachments-not-fetched') return t('clipWarningAttachmentsLimit', [count ?? '?']);
  return warning;
}

/** The clip buttons and what the last clip did, whichever way it was started. */
export function ClipPanel({
  tabOrigin,
  busy,
  status,
  disabled,
  onClip,
  progress,
  preview,
  onSavePreview,
  onCancelPreview,
}: ClipPanelProps) {
  const t = useT();
  const result = status?.result;
  const section = useRef<HTMLElement>(null);
  const clipButton = useRef<HTMLButtonElement>(null);
  // The Clip button is disabled while a clip runs and a preview's buttons go when it closes: either drops
  // keyboard focus to the page. When the clip ends, focus that was lost comes back to Clip.
  const working = busy || !!preview;
  const wasWorking = useRef(working);
  useEffect(() => {
    const doc = section.current?.ownerDocument;
    if (wasWorking.current && !working && doc && (!doc.activeElement || doc.activeElement === doc.body))
      clipButton.current?.focus();
    wasWorking.current = working;
  }, [working]);
  return (
    <section aria-labelledby="clip-heading" class="card" ref={section}>
      <h2 id="clip-heading">{t('clipHeading')}</h2>
      <p class="muted" data-testid="tab-origin">
        {tabOrigin ? t('tabCurrent', [tabOrigin]) : t('tabNoAccess')}
      </p>
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="clip-page"
          ref={clipButton}
          disabled={busy || disabled}
          onClick={() => onClip(false)}
        >
          {busy ? t('clipping') : t('clipPage')}
        </button>
        <button type="button" data-testid="clip-selection" disabled={busy || disabled} onClick={() => onClip(true)}>
          {t('clipSelection')}
        </button>
      </div>
      {progress ? (
        <p role="status" data-testid="clip-progress">
          {progressText(t, progress)}
        </p>
      ) : null}
      {preview && preview.length > 0 ? (
        <ClipPreview
          records={preview}
          onSave={(indexes) => onSavePreview?.(indexes)}
          onCancel={() => onCancelPreview?.()}
        />
      ) : null}
      <div role="status" aria-live="polite" data-testid="clip-status">
        {result && result.ok && result.data.added.length > 0 ? (
          <p class="ok">{t('clipAdded', [result.data.titles.join('; ')])}</p>
        ) : null}
        {result && result.ok && result.data.added.length === 0 ? <p class="warn">{t('clipDuplicate')}</p> : null}
        {result && result.ok
          ? result.data.warnings.map((w) => (
              <p key={w} class="warn">
                {warningText(t, w)}
              </p>
            ))
          : null}
        {result && result.ok && (result.data.attachmentsSaved ?? 0) > 0 ? (
          <p class="ok">{t('clipAttachmentsSaved', [result.data.attachmentsSaved!])}</p>
        ) : null}
        {result && result.ok && embeddedSummary(t, result.data.attachmentProblems ?? []) ? (
          <p class="warn" data-testid="embedded-not-copied">
            {embeddedSummary(t, result.data.attachmentProblems ?? [])}
          </p>
        ) : null}
        {result && result.ok
          ? (result.data.attachmentProblems ?? []).map((problem, i) => (
              <p key={`a${i}`} class="warn" data-testid="attachment-problem">
                {problemText(t, problem)}
              </p>
            ))
          : null}
        {result && result.ok
          ? (result.data.titleOnly ?? []).map((title, i) => (
              <p key={`t${i}`} class="warn" data-testid="title-only">
                {t('clipTitleOnly', [title])}
              </p>
            ))
          : null}
        {result && !result.ok ? <p class="error">{t(errorKey(result.error))}</p> : null}
      </div>
    </section>
  );
}
