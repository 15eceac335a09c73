import { useMemo, useState } from 'preact/hooks';
import { RecordList } from '../../components/RecordList';
import { listRecordPage, recordsWithFiles } from '../../lib/case/records';
import { isTitleOnly } from '../../lib/case/title-only';
import type { CaseSummary } from '../../lib/core/case-summary';
import type { CaseDb } from '../../lib/core/db';
import { RecordKind, type CaseId, type CaseRecord } from '../../lib/core/model';
import { useLive } from './use-live';

/** Records shown per kind at first, and how many more each "Show more" adds. */
export const RECORD_PAGE = 20;
const RECORD_MORE = 100;

/**
 * The records view of one case: the summary gives the counts, and only a page of each kind is read, so
 * opening a case of 10,000 records reads about as much as opening one of 50. Mounted with `key={caseId}`.
 */
export function RecordPages({
  db,
  caseId,
  summary,
  onOpen,
}: {
  db: CaseDb;
  caseId: CaseId;
  summary: CaseSummary;
  onOpen: (id: string) => void;
}) {
  const [limits, setLimits] = useState<Partial<Record<RecordKind, number>>>({});
  const wanted = RecordKind.options
    .filter((kind) => (summary.kinds[kind]?.count ?? 0) > 0)
    .map((kind) => ({ kind, limit: limits[kind] ?? RECORD_PAGE, undated: summary.kinds[kind]!.undated }));
  const { records, withFiles } = useLive(
    async () => {
      const pages: CaseRecord[] = [];
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
  return (
    <RecordList
      records={records}
      kinds={summary.kinds}
      titleOnly={titleOnly}
      onOpen={onOpen}
      onMore={(kind) => setLimits((current) => ({ ...current, [kind]: (current[kind] ?? RECORD_PAGE) + RECORD_MORE }))}
    />
  );
}
