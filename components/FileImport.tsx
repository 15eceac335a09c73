import { useState } from 'preact/hooks';
import { pickedFromDrop, pickedFromInput, type PickedFile } from './dropped-files';
import { useT, type MessageKey } from './i18n';
import { ImportReport } from './ImportReport';
import { FhirReport } from './FhirReport';
import type { FileImportOutcome } from '../lib/import/files';

export type { PickedFile } from './dropped-files';

/**
 * What one file (or one imaging study) gave: the import room's outcome of a file, whose refusals the panel also
 * uses for studies and storage problems; `detail` fills the message's placeholder where it has one.
 */
export interface ImportOutcome {
  name: string;
  result: Extract<FileImportOutcome['result'], { ok: true }> | { ok: false; error: string; detail?: string };
}

export type FileImportState =
  | { phase: 'idle' }
  /** `checking`: bytes of the FHIR files checked (first pass); otherwise resources read. */
  | { phase: 'running'; progress?: { done: number; total: number; checking?: boolean } }
  | { phase: 'done'; outcomes: ImportOutcome[] }
  | { phase: 'no-case' };

export interface FileImportProps {
  state: FileImportState;
  onFiles: (files: PickedFile[]) => void;
}

/** Bytes as megabytes with one decimal, for the first pass over FHIR files. */
const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

const errorKey = (code: string) => `fileError_${code.replace(/-/g, '_')}` as MessageKey;

/** Records from files: a picker and a drop zone; what each file gave, or why it gave nothing. */
export function FileImport({ state, onFiles }: FileImportProps) {
  const t = useT();
  const [over, setOver] = useState(false);
  const running = state.phase === 'running';
  return (
    <section
      aria-labelledby="files-heading"
      class={`card${over ? ' dropping' : ''}`}
      data-testid="file-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (running) return;
        void pickedFromDrop(e.dataTransfer).then((files) => files.length > 0 && onFiles(files));
      }}
    >
      <h2 id="files-heading">{t('filesHeading')}</h2>
      <p class="muted">{t('filesHint')}</p>
      <label class="field">
        {t('filesChoose')}
        <input
          type="file"
          multiple
          data-testid="file-input"
          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.xml,.zip,.json,.ndjson,.dcm,.dicom,application/pdf,image/*,text/xml,application/xml,application/zip,application/json,application/fhir+json,application/dicom"
          disabled={running}
          onChange={(e) => {
            const files = pickedFromInput(e.currentTarget.files);
            e.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </label>
      <label class="field">
        {t('filesChooseFolder')}
        <input
          type="file"
          // A CD or a download of imaging studies is a folder tree (DICOMDIR and series folders).
          {...{ webkitdirectory: '' }}
          data-testid="folder-input"
          disabled={running}
          onChange={(e) => {
            const files = pickedFromInput(e.currentTarget.files);
            e.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </label>
      <div role="status" aria-live="polite" data-testid="file-status">
        {running ? <p>{t('filesImporting')}</p> : null}
        {state.phase === 'running' && state.progress ? (
          <p>
            <progress max={state.progress.total} value={state.progress.done} />{' '}
            {state.progress.checking
              ? t('fhirChecking', [megabytes(state.progress.done), megabytes(state.progress.total)])
              : t('fhirReading', [state.progress.done, state.progress.total])}
          </p>
        ) : null}
        {state.phase === 'no-case' ? <p class="error">{t('fileNeedsCase')}</p> : null}
        {state.phase === 'done'
          ? state.outcomes.map(({ name, result }, i) =>
              result.ok ? (
                <div key={i}>
                  <p class={result.added > 0 ? 'ok' : 'warn'}>
                    {result.added > 0 ? t('filesAdded', [name, result.added]) : t('filesDuplicate', [name])}
                  </p>
                  {result.report || result.missing || result.unreadable ? (
                    <ImportReport
                      reports={result.report ?? []}
                      missing={result.missing}
                      unreadable={result.unreadable}
                    />
                  ) : null}
                  {result.fhir ? <FhirReport summary={result.fhir} /> : null}
                </div>
              ) : (
                <p key={i} class="error">
                  {(() => {
                    // A message with a placeholder takes the detail; otherwise the detail follows it.
                    const message = t(errorKey(result.error), result.detail ? [result.detail] : undefined);
                    return t('fileError', [name, message]);
                  })()}
                  {result.detail && !t(errorKey(result.error), [result.detail]).includes(result.detail) ? (
                    <span class="muted"> ({result.detail})</span>
                  ) : null}
                </p>
              ),
            )
          : null}
      </div>
    </section>
  );
}
