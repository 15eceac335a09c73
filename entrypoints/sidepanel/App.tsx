import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Autosave, createAutosaveRegistry } from '../../components/autosave';
import { CaseBar } from '../../components/CaseBar';
import { ClipPanel } from '../../components/ClipPanel';
import { ExportPanel } from '../../components/ExportPanel';
import { FileImport, type FileImportState, type PickedFile } from '../../components/FileImport';
import { useT } from '../../components/i18n';
import { RecordDetail } from '../../components/RecordDetail';
import { RecordList } from '../../components/RecordList';
import { SiteAccess } from '../../components/SiteAccess';
import { panelId, tabId, ViewTabs, type View } from '../../components/ViewTabs';
import { originPattern } from '../../lib/reading/clean-url';
import { createCase, deleteCase, listCases, renameCase } from '../../lib/case/cases';
import { checkDbHealth, type CaseDb, type DbHealth } from '../../lib/core/db';
import { ClipProgress } from '../../lib/core/messaging';
import { replayPendingEdits } from '../../lib/case/pending-edits';
import { deleteRecord, editRecord, namePortal } from '../../lib/case/records';
import { getSummary } from '../../lib/case/case-write';
import { isTitleOnly } from '../../lib/case/title-only';
import {
  activeCaseStore,
  clipProgressStore,
  clipStatusStore,
  ClipStatus,
  dbWitnessStore,
  guideDismissedStore,
  portalNamesStore,
} from '../../lib/core/settings';
import { FirstRunGuide } from '../../components/FirstRunGuide';
import { AlwaysAllow } from '../../components/AlwaysAllow';
import { downloadAttachment } from './attachment-download';
import { useClipActions } from './clip-actions';
import { useCurrentTab, useSiteAccess } from './current-tab';
import { importPickedFiles } from './file-import-run';
import { ExportSection, ImportSection } from './PackageSection';
import { useLive } from './use-live';
import { Workspace } from './Workspace';
import { useRecordPages } from './RecordPages';

const activeCase = activeCaseStore(browser.storage.local);
const clipStatus = clipStatusStore(browser.storage.session);
const clipProgress = clipProgressStore(browser.storage.session);
const sendMessage = (m: unknown) => browser.runtime.sendMessage(m);
const dbWitness = dbWitnessStore(browser.storage.local);
const guideDismissed = guideDismissedStore(browser.storage.local);

export function App({ db }: { db: CaseDb }) {
  const t = useT();
  const [health, setHealth] = useState<DbHealth | null>(null);
  const [activeCaseId, setActiveCaseId] = useState<string | undefined>(undefined);
  const [openRecordId, setOpenRecordId] = useState<string | null>(null);
  const [status, setStatus] = useState<ClipStatus | undefined>(undefined);
  const [fileState, setFileState] = useState<FileImportState>({ phase: 'idle' });
  const [revokeFailed, setRevokeFailed] = useState<string | null>(null);
  const [view, setView] = useState<View>('records');
  // Undefined until storage answers, so the guide never flashes for someone who dismissed it.
  const [showGuide, setShowGuide] = useState<boolean | undefined>(undefined);
  useEffect(() => void guideDismissed.get().then((dismissed) => setShowGuide(dismissed !== true)), []);
  // The dismiss button goes away with the guide: focus moves to Help, which brings the guide back.
  const helpButton = useRef<HTMLButtonElement>(null);
  const dismissGuide = () => {
    setShowGuide(false);
    helpButton.current?.focus();
    void guideDismissed.set(true);
  };
  const autosave = useMemo(createAutosaveRegistry, []);
  const tab = useCurrentTab();
  const [accessOrigins, refreshAccess] = useSiteAccess();
  const { busy, progress, setProgress, preview, onClip, onSavePreview, onCancelPreview } = useClipActions(
    sendMessage,
    tab.tabId,
    refreshAccess,
  );

  const cases = useLive(() => listCases(db), [], []);
  // The case's kept summary (counts per kind, checklist counts): one row, however large the case.
  const summary = useLive(
    () => (activeCaseId ? getSummary(db, activeCaseId) : Promise.resolve(null)),
    [activeCaseId],
    null,
  );
  const pages = useRecordPages(db, activeCaseId);
  // A record of another case is never shown: it is read by id, so the case decides too.
  const openRecord = useLive(
    async () => {
      const record = openRecordId ? await db.records.get(openRecordId) : undefined;
      return record && record.caseId === activeCaseId ? record : undefined;
    },
    [openRecordId, activeCaseId],
    undefined,
  );
  const openAttachments = useLive(
    async () =>
      openRecordId
        ? (await db.attachments.where('recordId').equals(openRecordId).toArray()).map(
            ({ id, name, mediaType, size, sha256 }) => ({ id, name, mediaType, size, sha256 }),
          )
        : [],
    [openRecordId],
    [],
  );
  const openTitleOnly = useMemo(
    () => (openRecord ? isTitleOnly(openRecord, openAttachments.length) : false),
    [openRecord, openAttachments.length],
  );

  useEffect(() => {
    // Edits typed just before the panel last closed, whose durable write may not have finished.
    void replayPendingEdits(db, localStorage);
    void checkDbHealth(db, dbWitness).then(setHealth);
    void navigator.storage?.persist?.();
    void activeCase.get().then(setActiveCaseId);
    void clipStatus.get().then(setStatus);
    void clipProgress.get().then(setProgress);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && 'clipStatus' in changes) {
        const parsed = ClipStatus.safeParse(changes.clipStatus?.newValue);
        if (parsed.success) setStatus(parsed.data);
      }
      if (area === 'session' && 'clipProgress' in changes) {
        const parsed = ClipProgress.safeParse(changes.clipProgress?.newValue);
        setProgress(parsed.success ? parsed.data : undefined);
      }
      if (area === 'local' && 'activeCaseId' in changes) void activeCase.get().then(setActiveCaseId);
    };
    browser.storage.onChanged.addListener(onChanged);
    // Typed text is saved after a short pause; closing or hiding the panel must not lose the last words.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') autosave.flushAll();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', autosave.flushAll);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', autosave.flushAll);
    };
  }, []);

  // Keep a valid active case: the remembered one if it still exists, else the most recent. The list can lag
  // behind a case created a moment ago, so the database decides whether the remembered one is gone.
  useEffect(() => {
    if (cases.length === 0 || cases.some((c) => c.id === activeCaseId)) return;
    void (async () => {
      if (activeCaseId && (await db.cases.get(activeCaseId))) return;
      await activeCase.set(cases[0]!.id);
    })();
  }, [cases, activeCaseId]);

  const tabPattern = tab.url ? originPattern(tab.url) : null;
  const onAllowAlways = () => {
    // Asked synchronously inside the click: the permission prompt needs the user gesture.
    if (tabPattern) void browser.permissions.request({ origins: [tabPattern] }).finally(refreshAccess);
  };

  const onFiles = (picked: PickedFile[]) => {
    if (!activeCaseId) return setFileState({ phase: 'no-case' });
    setFileState({ phase: 'running' });
    void importPickedFiles(db, activeCaseId, picked, (progress) => setFileState({ phase: 'running', progress })).then(
      (outcomes) => setFileState({ phase: 'done', outcomes }),
      () =>
        setFileState({
          phase: 'done',
          // Not known to be the disk: say the import stopped, and where to look for what arrived.
          outcomes: picked.map((f) => ({ name: f.path, result: { ok: false, error: 'stopped' } })),
        }),
    );
  };

  return (
    <Autosave.Provider value={autosave}>
      <main>
        <header>
          <h1>{t('appTitle')}</h1>
          <p class="muted">{t('disclaimer')}</p>
          <button
            type="button"
            aria-expanded={showGuide === true}
            aria-controls="first-run-guide"
            onClick={() => setShowGuide(!showGuide)}
            ref={helpButton}
            data-testid="guide-help"
          >
            {t('guideHelp')}
          </button>
        </header>
        <div id="first-run-guide">{showGuide ? <FirstRunGuide onDismiss={dismissGuide} /> : null}</div>
        {health && !health.ok ? (
          <div role="alert" class="banner" data-testid="db-problem">
            {t(health.reason === 'replaced' ? 'dbReplaced' : 'dbProblem', [health.detail])}
          </div>
        ) : null}
        <CaseBar
          cases={cases}
          activeCaseId={activeCaseId}
          recordCount={summary && summary.caseId === activeCaseId ? summary.records : 0}
          onSelect={(id) => void activeCase.set(id)}
          onCreate={(title) => void createCase(db, title).then((c) => activeCase.set(c.id))}
          onRename={(id, title) => void renameCase(db, id, title)}
          onDelete={(id) => void deleteCase(db, id).then(() => activeCase.clear())}
        />
        <ViewTabs active={view} onSelect={setView} />
        <div role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} class="stack">
          {view !== 'records' && activeCaseId ? (
            <Workspace key={activeCaseId} db={db} caseId={activeCaseId} summary={summary} view={view} />
          ) : null}
          {view !== 'records' && !activeCaseId ? <p class="card muted">{t('caseNone')}</p> : null}
          {view === 'records' ? (
            <>
              <ClipPanel
                tabOrigin={tab.url ? new URL(tab.url).origin : null}
                busy={busy}
                status={status}
                disabled={tab.tabId === null}
                onClip={onClip}
                progress={progress}
                preview={preview?.records ?? null}
                onSavePreview={onSavePreview}
                onCancelPreview={onCancelPreview}
              />
              {tabPattern && !accessOrigins.includes(tabPattern) ? (
                <AlwaysAllow pattern={tabPattern} onAllow={onAllowAlways} />
              ) : null}
              <FileImport state={fileState} onFiles={onFiles} />
              {openRecord ? (
                <RecordDetail
                  record={openRecord}
                  onBack={() => setOpenRecordId(null)}
                  onSave={(edit) => void editRecord(db, openRecord.id, edit)}
                  onDelete={() => void deleteRecord(db, openRecord.id).then(() => setOpenRecordId(null))}
                  attachments={openAttachments}
                  titleOnly={openTitleOnly}
                  onDownloadAttachment={(id) => void downloadAttachment(db, id)}
                  onNamePortal={(name) => {
                    const { origin } = openRecord.provenance;
                    void namePortal(db, openRecord.caseId, origin, name);
                    const names = portalNamesStore(browser.storage.local);
                    void names.get().then((known) => names.set({ ...known, [origin]: name }));
                  }}
                />
              ) : (
                <RecordList
                  records={pages.records}
                  kinds={pages.kinds}
                  titleOnly={pages.titleOnly}
                  onOpen={setOpenRecordId}
                  onMore={pages.onMore}
                />
              )}
              {activeCaseId ? (
                <ExportSection key={activeCaseId} db={db} caseId={activeCaseId} summary={summary} />
              ) : (
                <ExportPanel state={{ phase: 'idle' }} disabled onExport={() => undefined} onCancel={() => undefined} />
              )}
              <ImportSection db={db} onImported={(id) => void activeCase.set(id)} />
              <SiteAccess
                origins={accessOrigins}
                failed={revokeFailed}
                onRevoke={(origin) =>
                  void browser.permissions
                    .remove({ origins: [origin] })
                    .then((removed) => setRevokeFailed(removed ? null : origin))
                    .catch(() => setRevokeFailed(origin))
                }
              />
            </>
          ) : null}
        </div>
      </main>
    </Autosave.Provider>
  );
}
