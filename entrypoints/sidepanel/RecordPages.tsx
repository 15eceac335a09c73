import { useEffect, useMemo, useState } from 'preact/hooks';
import { getSummary } from '../../lib/case/case-write';
import { listRecordPage, recordsWithFiles } from '../../lib/case/records';
import type { KindSummary } from '../../lib/core/case-summary';
import type { CaseDb } from '../../lib/core/db';
import { RecordKind, type CaseId } from '../../lib/core/model';
import type { RecordHead } from '../../lib/core/record-head';
import { useLive } from './use-live';

/** Records shown per kind at first, and how many more each "Show more" adds. */
export const RECORD_PAGE = 20;
const RECORD_MORE = 100;

export interface RecordPages {
  records: RecordHead[];
  /** The case's counts per kind, read with the pages (so the two always agree). */
  kinds: Partial<Record<RecordKind, KindSummary>>;
  titleOnly: ReadonlySet<string>;
  onMore: (kind: RecordKind) => void;
}

const EMPTY = { caseId: undefined as CaseId | undefined, kinds: {}, records: [] as RecordHead[], withFiles: new Set() };

async function readPages(db: CaseDb, caseId: CaseId, limits: Partial<Record<RecordKind, number>>) {
  const summary = await getSummary(db, caseId);
  // Each kind's page read at once rather than one after another.
  const pages = await Promise.all(
    RecordKind.options
      .filter((kind) => (summary.kinds[kind]?.count ?? 0) > 0)
      .map((kind) => listRecordPage(db, caseId, kind, limits[kind] ?? RECORD_PAGE, summary.kinds[kind]!.undated)),
  );
  const records = pages.flat();
  const withFiles = await recordsWithFiles(
    db,
    records.map((r) => r.id),
  );
  return { caseId, kinds: summary.kinds, records, withFiles };
}

/**
 * The records the list shows for the active case: the summary gives the counts, and only a page of each
 * kind is read, as heads (lib/core/record-head: never a record's snapshot or results), so opening a case of
 * 10,000 records reads about as much as one of 60, and a 50,000-row clip costs the list no more than a small
 * one. The summary is read in the same live query as the pages: a clip's write then shows in one query
 * rather than two in a row (the summary's, then the pages' for the kinds it names). Kept by the panel itself
 * (not the records view), so coming back to the view shows the list at once.
 */
export function useRecordPages(db: CaseDb, caseId: CaseId | undefined): RecordPages {
  const [limits, setLimits] = useState<Partial<Record<RecordKind, number>>>({});
  useEffect(() => setLimits({}), [caseId]);
  const shown = useLive(
    () =>
      caseId
        ? // One read transaction for the summary, the pages and their files, not one each.
          db.transaction('r', [db.caseSummaries, db.recordHeads, db.attachments], () => readPages(db, caseId, limits))
        : Promise.resolve(EMPTY),
    [caseId, JSON.stringify(limits)],
    EMPTY,
  );
  const current = shown.caseId === caseId ? shown : EMPTY;
  const titleOnly = useMemo(
    () => new Set(current.records.filter((r) => r.bare && !current.withFiles.has(r.id)).map((r) => r.id)),
    [current],
  );
  const onMore = (kind: RecordKind) =>
    setLimits((now) => ({ ...now, [kind]: (now[kind] ?? RECORD_PAGE) + RECORD_MORE }));
  return { records: current.records, kinds: current.kinds, titleOnly, onMore };
}
