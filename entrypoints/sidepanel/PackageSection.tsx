import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  defaultExportOptions,
  passwordProblem,
  typedNames,
  type ExportOptionsValue,
} from '../../components/export-choices';
import { ExportOptions } from '../../components/ExportOptions';
import { ExportPanel, type ExportState } from '../../components/ExportPanel';
import { useT } from '../../components/i18n';
import { ImportPanel, type ImportState } from '../../components/ImportPanel';
import type { RedactionPreviewView } from '../../components/RedactionOptions';
import { getDetails, setRedactionChoices } from '../../lib/case/case-details';
import type { CaseDb } from '../../lib/core/db';
import type { CaseId } from '../../lib/core/model';
import type { ExportChoices } from './export-run';
import type { DocumentLanguage } from '../../lib/core/document-language';
import { emptyDetails } from '../../lib/case/case-details';
import { missingPatientFields } from '../../lib/fhir';
import { useLive } from './use-live';
import { SentLogView } from '../../components/SentLogView';
import { confirmArrival, listSentPackages } from '../../lib/case/sent-log';
import { listRecordHeads } from '../../lib/case/records';
import type { RecordHead } from '../../lib/core/record-head';
import type { CaseSummary } from '../../lib/core/case-summary';

export const exportChoices = (o: ExportOptionsValue): ExportChoices => ({
  excludedRecordIds: o.excluded,
  pageSize: o.pageSize,
  language: o.language,
  patientShared: o.patientShared,
  ...(o.redact
    ? {
        redaction: {
          names: typedNames(o.names),
          datesOfBirth: o.dateOfBirth ? [o.dateOfBirth] : [],
          rejected: o.rejected,
        },
      }
    : {}),
  ...(o.protect ? { password: o.password } : {}),
});

const panelLanguage = (t: ReturnType<typeof useT>): DocumentLanguage => (t('langCode') === 'es' ? 'es' : 'en');
/** Cases up to this many records have their export list read with the panel. */
const EAGER_EXPORT_LIST = 200;

/** Export of one case: options, redaction preview, progress and cancel. Mounted with `key={caseId}`. */
export function ExportSection({ db, caseId, summary }: { db: CaseDb; caseId: CaseId; summary: CaseSummary | null }) {
  const t = useT();
  // The list of records to tick: read at once for a case of up to EAGER_EXPORT_LIST records (cheap, and
  // ready when the options open), otherwise only once the options are opened: a big case's panel opens
  // without reading every record (the count comes from the case summary).
  const [listWanted, setListWanted] = useState(false);
  const small = summary?.caseId === caseId && summary.records <= EAGER_EXPORT_LIST;
  const records = useLive(
    () => (listWanted || small ? listRecordHeads(db, caseId) : Promise.resolve([] as RecordHead[])),
    [listWanted || small, caseId],
    [] as RecordHead[],
  );
  const recordCount = summary?.caseId === caseId ? summary.records : records.length;
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  // Read at the click like the options: the last keystroke before Export is logged.
  const recipient = useRef('');
  const [recipientText, setRecipientText] = useState('');
  const sentLog = useLive(() => listSentPackages(db, caseId), [caseId], []);
  // The package is written in the panel's language unless the patient picks another (the reader may not share it).
  const [options, setOptions] = useState<ExportOptionsValue>(() => defaultExportOptions(panelLanguage(t)));
  // Applied at once, not at the next render: a click on Export right after a change exports that change.
  const latest = useRef(options);
  const update = (change: (current: ExportOptionsValue) => ExportOptionsValue) => {
    latest.current = change(latest.current);
    setOptions(latest.current);
  };
  // The redaction choices belong to the case (they travel with it through export and import):
  // loaded once, then saved a moment after each change.
  const [choicesLoaded, setChoicesLoaded] = useState(false);
  const savedChoices = useRef('');
  useEffect(() => {
    let current = true;
    void getDetails(db, caseId).then((details) => {
      if (!current) return;
      const stored = details.redaction;
      const { redact, names, dateOfBirth, rejected } = defaultExportOptions();
      savedChoices.current = JSON.stringify(stored ?? { enabled: redact, names, dateOfBirth, rejected });
      if (stored)
        update((o) => ({
          ...o,
          redact: stored.enabled,
          names: stored.names,
          dateOfBirth: stored.dateOfBirth,
          rejected: stored.rejected,
        }));
      setChoicesLoaded(true);
    });
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => {
    if (!choicesLoaded) return;
    const timer = setTimeout(() => {
      const { redact, names, dateOfBirth, rejected } = latest.current;
      const choices = { enabled: redact, names, dateOfBirth, rejected };
      if (JSON.stringify(choices) === savedChoices.current) return;
      savedChoices.current = JSON.stringify(choices);
      void setRedactionChoices(db, caseId, choices).catch(() => undefined);
    }, 400);
    return () => clearTimeout(timer);
  }, [choicesLoaded, options.redact, options.names, options.dateOfBirth, options.rejected.join('\n')]);
  const [preview, setPreview] = useState<RedactionPreviewView>({ state: 'off' });
  const details = useLive(() => getDetails(db, caseId), [caseId], emptyDetails(caseId));
  const patientMissing = missingPatientFields(details.patient).length > 0;
  const abort = useRef<AbortController | null>(null);
  // Closing the panel or switching case mid-export: stop, and nothing is handed to the downloads API.
  useEffect(() => () => abort.current?.abort(), []);

  // Changes whenever a record is added, removed or changes kind or date: the preview is made again.
  const recordKey = summary?.caseId === caseId ? JSON.stringify(summary.kinds) : '';
  useEffect(() => {
    // Kept as is when already off: a new object would re-render every record's checkbox for nothing.
    if (!options.redact) return setPreview((current) => (current.state === 'off' ? current : { state: 'off' }));
    let current = true;
    setPreview({ state: 'loading' });
    const timer = setTimeout(() => {
      // The exporter (package builder, PDF writer, zip) loads on first use, not with the panel.
      import('./export-run')
        .then(({ redactionPreview }) => redactionPreview(db, caseId, exportChoices(options), t))
        .then(
          (summary) => current && setPreview({ state: 'ready', ...summary }),
          () => current && setPreview({ state: 'failed' }),
        );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [options.redact, options.names, options.dateOfBirth, options.excluded.join(','), recordKey]);

  const listed = useMemo(() => records.map(({ id, title, kind }) => ({ id, title, kind })), [records]);
  // An empty case still exports (a cover sheet); a case whose every record was unticked does not.
  const allUnticked = (o: ExportOptionsValue) =>
    recordCount > 0 && records.length === recordCount && records.every((r) => o.excluded.includes(r.id));
  const noneChosen = allUnticked(options);
  const problem = passwordProblem(options);

  const onExport = () => {
    if (passwordProblem(latest.current) || allUnticked(latest.current)) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'running', done: 0, total: 1 });
    import('./export-run')
      .then(({ runExport }) =>
        runExport(
          db,
          caseId,
          { ...exportChoices(latest.current), recipient: recipient.current },
          t,
          (done, total) => setState({ phase: 'running', done, total }),
          controller.signal,
        ),
      )
      .then((fileName) => setState({ phase: 'done', fileName }))
      .catch((error: unknown) =>
        setState(
          error instanceof DOMException && error.name === 'AbortError'
            ? { phase: 'cancelled' }
            : { phase: 'failed', detail: error instanceof Error ? error.message : String(error) },
        ),
      );
  };

  return (
    <>
      <ExportPanel
        state={state}
        disabled={noneChosen || problem !== null}
        onExport={onExport}
        onCancel={() => abort.current?.abort()}
      >
        <label class="field">
          {t('exportRecipient')}
          <input
            type="text"
            data-testid="export-recipient"
            maxLength={500}
            value={recipientText}
            onInput={(e) => {
              recipient.current = e.currentTarget.value;
              setRecipientText(recipient.current);
            }}
          />
        </label>
        <ExportOptions
          records={listed}
          recordCount={recordCount}
          onOpen={() => setListWanted(true)}
          value={options}
          onChange={update}
          preview={preview}
          patientMissing={patientMissing}
        />
        {noneChosen ? <p class="warn">{t('exportNoRecords')}</p> : null}
      </ExportPanel>
      <SentLogView
        log={sentLog}
        onConfirm={(id, arrived) => void confirmArrival(db, id, arrived).catch(() => undefined)}
      />
    </>
  );
}

/** "Import a Second Look package": keeps the chosen file while asking for a password. */
export function ImportSection({ db, onImported }: { db: CaseDb; onImported: (caseId: CaseId) => void }) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const file = useRef<File | null>(null);
  const start = (password?: string) => {
    if (!file.current) return;
    setState({ phase: 'reading' });
    // The package reader loads on first use, like the exporter.
    void import('./import-run')
      .then(({ runImport }) => runImport(db, file.current!, password))
      .then((outcome) => {
        if (outcome.ok) {
          file.current = null;
          setState({
            phase: 'done',
            title: outcome.title,
            count: outcome.count,
            altered: outcome.altered,
            sentLogDropped: outcome.sentLogDropped,
          });
          onImported(outcome.caseId);
        } else if (outcome.code === 'encrypted' || (outcome.code === 'wrong-password' && password !== undefined)) {
          setState({ phase: 'password', wrong: outcome.code === 'wrong-password' });
        } else {
          file.current = null;
          setState({ phase: 'failed', code: outcome.code, detail: outcome.detail });
        }
      });
  };
  return (
    <ImportPanel
      state={state}
      onFile={(chosen) => {
        file.current = chosen;
        start();
      }}
      onPassword={start}
      onCancelPassword={() => {
        file.current = null;
        setState({ phase: 'idle' });
      }}
    />
  );
}
