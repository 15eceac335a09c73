import { useEffect, useMemo, useState } from 'preact/hooks';
import { listRecordPage, recordsWithFiles } from '../../lib/case/records';
import { isTitleOnly } from '../../lib/case/title-only';
import type { CaseSummary } from '../../lib/core/case-summary';
import type { CaseDb } from '../../lib/core/db';
import { RecordKind, type CaseId, type CaseRecord } from '../../lib/core/model';
import { useLive } from './use-live';

/** Records shown per kind at first, and how many more each "Show more" adds. */
export const RECORD_PAGE = 20;
const RECORD_MORE = 100;

export interface RecordPages {
  records: CaseRecord[];
  titleOnly: ReadonlySet<string>;
  onMore: (kind: RecordKind) => void;
}

/**
 * The records the list shows for the active case: the summary gives the counts, and only a page of each
 * kind is read, so opening a case of 10,000 records reads about as much as one of 60. Kept by the panel
 * itself (not the records view), so coming back to the view shows the list at once.
 */
export function useRecordPages(db: CaseDb, caseId: CaseId | undefined, summary: CaseSummary | null): RecordPages {
  const [limits, setLimits] = useState<Partial<Record<RecordKind, number>>>({});
  useEffect(() => setLimits({}), [caseId]);
  const current = summary && summary.caseId === caseId ? summary : null;
  const wanted = current
    ? RecordKind.options
        .filter((kind) => (current.kinds[kind]?.count ?? 0) > 0)
        .map((kind) => ({ kind, limit: limits[kind] ?? RECORD_PAGE, undated: current.kinds[kind]!.undated }))
    : [];
  const { records, withFiles } = useLive(
    async () => {
      const pages: CaseRecord[] = [];
      if (caseId)
        for (const { kind, limit, undated } of wanted)
          pages.push(...(await listRecordPage(db, caseId, kind, limit, undated)));
      return {
        records: pages,
        withFiles: await recordsWithFiles(
          db,
          pages.map((r) => r.id),
        ),
      };
    },
    [caseId, JSON.stringify(wanted)],
    { records: [] as CaseRecord[], withFiles: new Set<string>() },
  );
  const titleOnly = useMemo(
    () => new Set(records.filter((r) => isTitleOnly(r, withFiles.has(r.id) ? 1 : 0)).map((r) => r.id)),
    [records, withFiles],
  );
  const onMore = (kind: RecordKind) =>
    setLimits((now) => ({ ...now, [kind]: (now[kind] ?? RECORD_PAGE) + RECORD_MORE }));
  return { records: records.filter((r) => r.caseId === caseId), titleOnly, onMore };
}
