import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Autosave, createAutosaveRegistry } from '../../components/autosave';
import { CaseBar } from '../../components/CaseBar';
import { ClipPanel } from '../../components/ClipPanel';
import { ExportPanel, type ExportState } from '../../components/ExportPanel';
import { useT } from '../../components/i18n';
import { RecordDetail } from '../../components/RecordDetail';
import { RecordList } from '../../components/RecordList';
import { SiteAccess } from '../../components/SiteAccess';
import { panelId, tabId, ViewTabs, type View } from '../../components/ViewTabs';
import { originPattern } from '../../lib/capture/clean-url';
import { createCase, deleteCase, listCases, renameCase } from '../../lib/cases';
import { checkDbHealth, type CaseDb, type DbHealth } from '../../lib/db';
import { send } from '../../lib/messaging';
import { deleteRecord, editRecord, listRecords } from '../../lib/records';
import { activeCaseStore, clipStatusStore, ClipStatus, dbWitnessStore } from '../../lib/settings';
import { useCurrentTab, useSiteAccess } from './current-tab';
import { runExport } from './export-run';
import { useLive } from './use-live';
import { Workspace } from './Workspace';

const activeCase = activeCaseStore(browser.storage.local);
const clipStatus = clipStatusStore(browser.storage.session);
const dbWitness = dbWitnessStore(browser.storage.local);

export function App({ db }: { db: CaseDb }) {
  const t = useT();
  const [health, setHealth] = useState<DbHealth | null>(null);
  const [activeCaseId, setActiveCaseId] = useState<string | undefined>(undefined);
  const [openRecordId, setOpenRecordId] = useState<string | null>(null);
  const [status, setStatus] = useState<ClipStatus | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [exportState, setExportState] = useState<ExportState>({ phase: 'idle' });
  const [revokeFailed, setRevokeFailed] = useState<string | null>(null);
  const exportAbort = useRef<AbortController | null>(null);
  const [view, setView] = useState<View>('records');
  const autosave = useMemo(createAutosaveRegistry, []);
  const tab = useCurrentTab();
  const [accessOrigins, refreshAccess] = useSiteAccess();

  const cases = useLive(() => listCases(db), [], []);
  const records = useLive(() => (activeCaseId ? listRecords(db, activeCaseId) : Promise.resolve([])), [activeCaseId], []);
  const openRecord = records.find((r) => r.id === openRecordId);

  useEffect(() => {
    void checkDbHealth(db, dbWitness).then(setHealth);
    void navigator.storage?.persist?.();
    void activeCase.get().then(setActiveCaseId);
    void clipStatus.get().then(setStatus);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && 'clipStatus' in changes) {
        const parsed = ClipStatus.safeParse(changes.clipStatus?.newValue);
        if (parsed.success) setStatus(parsed.data);
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

  // Keep a valid active case: the remembered one if it still exists, else the most recent.
  useEffect(() => {
    if (cases.length > 0 && !cases.some((c) => c.id === activeCaseId)) void activeCase.set(cases[0]!.id);
  }, [cases, activeCaseId]);

  const onClip = (selectionOnly: boolean) => {
    if (tab.tabId === null) return;
    const pattern = tab.url ? originPattern(tab.url) : null;
    // Asked synchronously inside the click: the permission prompt needs the user gesture. Declining
    // still lets this one clip go through on the toolbar-click grant, if there is one.
    const asked =
      pattern && !accessOrigins.includes(pattern)
        ? browser.permissions.request({ origins: [pattern] }).catch(() => false)
        : Promise.resolve(true);
    setBusy(true);
    void asked
      .then(() => send((m) => browser.runtime.sendMessage(m), 'clip/tab', { tabId: tab.tabId!, selectionOnly }))
      .finally(() => {
        setBusy(false);
        refreshAccess();
      });
  };

  const onExport = () => {
    if (!activeCaseId) return;
    const controller = new AbortController();
    exportAbort.current = controller;
    setExportState({ phase: 'running', done: 0, total: 1 });
    runExport(db, activeCaseId, (done, total) => setExportState({ phase: 'running', done, total }), controller.signal)
      .then((fileName) => setExportState({ phase: 'done', fileName }))
      .catch((error: unknown) =>
        setExportState(
          error instanceof DOMException && error.name === 'AbortError'
            ? { phase: 'cancelled' }
            : { phase: 'failed', detail: error instanceof Error ? error.message : String(error) },
        ),
      );
  };

  return (
    <Autosave.Provider value={autosave}>
      <main>
        <header>
          <h1>{t('appTitle')}</h1>
          <p class="muted">{t('disclaimer')}</p>
        </header>
        {health && !health.ok ? (
          <div role="alert" class="banner" data-testid="db-problem">
            {t(health.reason === 'replaced' ? 'dbReplaced' : 'dbProblem', [health.detail])}
          </div>
        ) : null}
        <CaseBar
          cases={cases}
          activeCaseId={activeCaseId}
          recordCount={records.length}
          onSelect={(id) => void activeCase.set(id)}
          onCreate={(title) => void createCase(db, title).then((c) => activeCase.set(c.id))}
          onRename={(id, title) => void renameCase(db, id, title)}
          onDelete={(id) => void deleteCase(db, id).then(() => activeCase.clear())}
        />
        <ViewTabs active={view} onSelect={setView} />
        <div role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} class="stack">
          {view !== 'records' && activeCaseId ? (
            <Workspace key={activeCaseId} db={db} caseId={activeCaseId} records={records} view={view} />
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
              />
              {openRecord ? (
                <RecordDetail
                  record={openRecord}
                  onBack={() => setOpenRecordId(null)}
                  onSave={(edit) => void editRecord(db, openRecord.id, edit)}
                  onDelete={() => void deleteRecord(db, openRecord.id).then(() => setOpenRecordId(null))}
                />
              ) : (
                <RecordList records={records} onOpen={setOpenRecordId} />
              )}
              <ExportPanel state={exportState} disabled={!activeCaseId} onExport={onExport} onCancel={() => exportAbort.current?.abort()} />
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
