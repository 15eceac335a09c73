import { useState } from 'preact/hooks';
import type { FileImportOutcome } from '../lib/import/files';
import { useT, type MessageKey } from './i18n';
import { FhirReport } from './FhirReport';

export type FileImportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress?: { done: number; total: number } }
  | { phase: 'done'; outcomes: FileImportOutcome[] }
  | { phase: 'no-case' };

export interface FileImportProps {
  state: FileImportState;
  onFiles: (files: File[]) => void;
}

const errorKey = (code: string) => `fileError_${code.replace(/-/g, '_')}` as MessageKey;

/** Issue 3, records from files: a picker and a drop zone; what each file gave, or why it gave nothing. */
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
        const files = Array.from(e.dataTransfer?.files ?? []);
        if (files.length > 0 && !running) onFiles(files);
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
          accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.xml,.zip,.json,.ndjson,application/json,application/fhir+json,application/pdf,image/*,text/xml,application/xml,application/zip"
          disabled={running}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
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
            {t('fhirReading', [state.progress.done, state.progress.total])}
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
                  {result.fhir ? <FhirReport summary={result.fhir} /> : null}
                </div>
              ) : (
                <p key={i} class="error">
                  {t('fileError', [name, t(errorKey(result.error), [result.detail ?? ''])])}
                </p>
              ),
            )
          : null}
      </div>
    </section>
  );
}
