import { useEffect, useMemo, useState } from 'preact/hooks';
import { TimelineView } from '../../components/TimelineView';
import { VisitSheetPanel, type VisitSheetState } from '../../components/VisitSheetPanel';
import { caseTimeline } from '../../lib/case/timeline';
import { ChecklistView } from '../../components/ChecklistView';
import { useT } from '../../components/i18n';
import { LabTrendsView } from '../../components/LabTrendsView';
import { OpinionsView } from '../../components/OpinionsView';
import { PatientForm } from '../../components/PatientForm';
import { QuestionsView } from '../../components/QuestionsView';
import { StoryForm } from '../../components/StoryForm';
import type { View } from '../../components/ViewTabs';
import { emptyDetails, getDetails, setNotApplicable } from '../../lib/case/case-details';
import { saveEdit } from '../../lib/case/pending-edits';
import { checklistFromSummary, imageFiles, recordFamily } from '../../lib/case/completeness';
import { getSummary } from '../../lib/case/case-write';
import { listRecords } from '../../lib/case/records';
import { emptySummary, type CaseSummary } from '../../lib/core/case-summary';
import { isTitleOnly } from '../../lib/case/title-only';
import type { CaseDb } from '../../lib/core/db';
import { labTrends } from '../../lib/labs/lab-trends';
import { medicationOffers } from '../../lib/case/medication-offers';
import type { CaseId, CaseRecord } from '../../lib/core/model';
import { addOpinion, deleteOpinion, listOpinions } from '../../lib/case/opinions';
import {
  addQuestion,
  deleteQuestion,
  editQuestion,
  listQuestions,
  moveQuestion,
  setQuestionLink,
} from '../../lib/case/questions';
import type { RecordFamily } from '../../lib/core/workspace-model';
import { useLive } from './use-live';

export interface WorkspaceProps {
  db: CaseDb;
  caseId: CaseId;
  /** The case's kept summary; read here when not given. */
  summary?: CaseSummary | null;
  view: Exclude<View, 'records'>;
}

/** Views that show something of every record (titles, results, medications); the others need only the summary. */
const READS_RECORDS: ReadonlySet<View> = new Set(['story', 'labs', 'checklist', 'timeline']);
/** Up to this many records, the questions view reads their titles at once; past it, when links are opened. */
const EAGER_TITLES = 50;

/**
 * Wiring for the workspace views of one case: live queries in, lib calls out. Mounted with
 * `key={caseId}` so a field's pending save can never land in another case after a switch.
 */
export function Workspace({ db, caseId, summary: given, view }: WorkspaceProps) {
  const t = useT();
  const [saveFailed, setSaveFailed] = useState(false);
  const read = useLive(() => (given ? Promise.resolve(null) : getSummary(db, caseId)), [caseId, !given], null);
  const summary = (given?.caseId === caseId ? given : read) ?? emptySummary(caseId);
  // The questions view needs every record's id (to tell a deleted record's link) but its title only to link
  // one: ids are index keys, titles are read when a question's links are opened (or at once for a small case).
  const [titlesWanted, setTitlesWanted] = useState(false);
  const wantsRecords =
    READS_RECORDS.has(view) || (view === 'questions' && (titlesWanted || summary.records <= EAGER_TITLES));
  const recordIds = useLive(
    async () =>
      view === 'questions'
        ? new Set((await db.records.where('caseId').equals(caseId).primaryKeys()).map(String))
        : null,
    [caseId, view === 'questions'],
    null,
  );
  const records = useLive(
    () => (wantsRecords ? listRecords(db, caseId) : Promise.resolve([] as CaseRecord[])),
    [caseId, wantsRecords],
    [] as CaseRecord[],
  );
  const details = useLive(() => getDetails(db, caseId), [caseId], emptyDetails(caseId));
  const questions = useLive(() => listQuestions(db, caseId), [caseId], []);
  const opinions = useLive(() => listOpinions(db, caseId), [caseId], []);
  const attachments = useLive(
    async () =>
      view === 'checklist'
        ? (await db.attachments.where('caseId').equals(caseId).toArray()).map(({ recordId, mediaType, name }) => ({
            recordId,
            mediaType,
            name,
          }))
        : [],
    [caseId, view === 'checklist'],
    [],
  );
  // The checklist's statuses and counts come from the summary; the titles under each family from the records.
  const checklist = useMemo(
    () => checklistFromSummary(summary, details.notApplicable),
    [summary, details.notApplicable],
  );
  const holdings = useMemo(() => {
    const byFamily: Partial<Record<RecordFamily, string[]>> = {
      'imaging-images': imageFiles(records, attachments).map((a) => a.name),
    };
    const withFiles = new Set(attachments.map((a) => a.recordId));
    for (const record of records) {
      // As in the checklist: a record that kept only its title does not hold its family.
      if (isTitleOnly(record, withFiles.has(record.id) ? 1 : 0)) continue;
      const family = recordFamily(record);
      if (family) (byFamily[family] ??= []).push(record.title);
    }
    return byFamily;
  }, [records, attachments]);
  // Only the labs view shows them: other views do not pay for reading every result.
  const trends = useMemo(() => (view === 'labs' ? labTrends(records) : []), [records, view]);
  const offers = useMemo(() => medicationOffers(records), [records]);
  const recordTitles = useMemo(() => records.map(({ id, title }) => ({ id, title })), [records]);
  // Built only while the timeline is shown: other views do not pay for sorting every record.
  const timeline = useMemo(
    () => (view === 'timeline' ? caseTimeline(records, opinions) : []),
    [records, opinions, view],
  );
  const [visitSheet, setVisitSheet] = useState<VisitSheetState>({ phase: 'idle' });
  const makeVisitSheet = (language: 'en' | 'es') => {
    setVisitSheet({ phase: 'making' });
    // The PDF writer loads on first use, not with the panel.
    import('./visit-sheet-run')
      .then(({ downloadVisitSheet }) => downloadVisitSheet(db, caseId, language))
      .then(
        (fileName) => setVisitSheet({ phase: 'done', fileName }),
        (error: unknown) =>
          setVisitSheet({ phase: 'failed', detail: error instanceof Error ? error.message : String(error) }),
      );
  };

  // The requests and letters load with the first view that shows them, not with the panel.
  const [letters, setLetters] = useState<typeof import('./Letters') | null>(null);
  useEffect(() => {
    if (!letters && (view === 'checklist' || view === 'opinions')) void import('./Letters').then(setLetters);
  }, [view]);

  const run = (write: Promise<unknown>) =>
    void write.then(
      () => setSaveFailed(false),
      () => setSaveFailed(true),
    );

  return (
    <>
      {saveFailed ? (
        <div role="alert" class="banner" data-testid="save-failed">
          {t('saveFailed')}
        </div>
      ) : null}
      {view === 'checklist' ? (
        <ChecklistView
          items={checklist}
          holdings={holdings}
          onNotApplicable={(family, value) => run(setNotApplicable(db, caseId, family, value))}
        />
      ) : null}
      {view === 'checklist' && letters ? (
        <letters.RequestsSection
          db={db}
          caseId={caseId}
          records={records}
          checklist={checklist}
          details={details}
          run={run}
        />
      ) : null}
      {view === 'story' ? (
        <PatientForm
          patient={details.patient ?? {}}
          onField={(field, value) => run(saveEdit(db, localStorage, { kind: 'patient', caseId, field, value }))}
        />
      ) : null}
      {view === 'story' ? (
        <StoryForm
          story={details.story}
          medicationOffers={offers}
          onField={(field, value) => run(saveEdit(db, localStorage, { kind: 'story', caseId, field, value }))}
        />
      ) : null}
      {view === 'questions' ? (
        <QuestionsView
          questions={questions}
          records={recordTitles}
          {...(recordIds && !wantsRecords ? { recordIds } : {})}
          onWantRecords={() => setTitlesWanted(true)}
          onAdd={(family, text) => run(addQuestion(db, caseId, family, text))}
          onEdit={(id, edit) => run(editQuestion(db, id, edit))}
          onMove={(id, direction) => run(moveQuestion(db, id, direction))}
          onDelete={(id) => run(deleteQuestion(db, id))}
          onLink={(id, recordId, linked) => run(setQuestionLink(db, id, recordId, linked))}
        />
      ) : null}
      {view === 'questions' ? (
        <VisitSheetPanel
          state={visitSheet}
          hasQuestions={questions.length > 0}
          defaultLanguage={t('langCode') === 'es' ? 'es' : 'en'}
          onMake={makeVisitSheet}
        />
      ) : null}
      {view === 'labs' ? <LabTrendsView trends={trends} /> : null}
      {view === 'timeline' ? <TimelineView entries={timeline} /> : null}
      {view === 'opinions' ? (
        <OpinionsView
          opinions={opinions}
          decision={details.decision}
          onAdd={() =>
            addOpinion(db, caseId).then(
              (o) => o.id,
              () => {
                setSaveFailed(true);
                return undefined;
              },
            )
          }
          onField={(id, field, value) => run(saveEdit(db, localStorage, { kind: 'opinion', id, field, value }))}
          onDelete={(id) => run(deleteOpinion(db, id))}
          onDecision={(field, value) => run(saveEdit(db, localStorage, { kind: 'decision', caseId, field, value }))}
        />
      ) : null}
      {view === 'opinions' && letters ? (
        <letters.DecisionLetterSection db={db} caseId={caseId} opinions={opinions} details={details} />
      ) : null}
    </>
  );
}
