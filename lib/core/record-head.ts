import type { CaseRecord } from './model';
import { isTitleOnly } from './title-only';

/**
 * What the records list shows of a record, kept in its own table (`recordHeads`) beside the record: a list
 * reads these few fields, never the record's snapshot, text or result rows (a 50,000-row lab panel is ~10 MB
 * to read back, and reading it blocked the panel for a quarter of a second). Written only by the one writer
 * (lib/case/case-write.ts) in the same transaction as the record.
 */
export interface RecordHead {
  id: CaseRecord['id'];
  caseId: CaseRecord['caseId'];
  kind: CaseRecord['kind'];
  title: CaseRecord['title'];
  clinicalDate?: CaseRecord['clinicalDate'];
  capturedAt: CaseRecord['capturedAt'];
  /** The record holds nothing but its title, files aside (the list adds the files: `isTitleOnly`). */
  bare: boolean;
}

export function recordHead(record: CaseRecord): RecordHead {
  return {
    id: record.id,
    caseId: record.caseId,
    kind: record.kind,
    title: record.title,
    ...(record.clinicalDate ? { clinicalDate: record.clinicalDate } : {}),
    capturedAt: record.capturedAt,
    bare: isTitleOnly(record, 0),
  };
}
