import type { AbnormalFlag, CaseRecord } from '../core/model';

export interface LabCell {
  value: string;
  flag?: AbnormalFlag;
}

export interface LabMatrixRow {
  test: string;
  unit: string;
  referenceRange: string;
  /** By column date. */
  cells: Map<string, LabCell>;
}

/** Lab values across dates: one row per test (and unit), one column per date, oldest first. */
export interface LabMatrix {
  dates: string[];
  rows: LabMatrixRow[];
}

/**
 * The trend view a doctor asks for first. Values are shown as captured (never converted or interpreted);
 * a test printed with two different units gets two rows so values are never mixed.
 */
export function labMatrix(records: CaseRecord[]): LabMatrix {
  const rows = new Map<string, LabMatrixRow>();
  const dates = new Set<string>();
  for (const record of records) {
    if (record.structured?.type !== 'lab') continue;
    const panel = record.structured;
    for (const result of panel.results) {
      if (result.unparsed || !result.test.trim()) continue;
      const date = (result.date ?? panel.panel.collected ?? record.clinicalDate ?? record.capturedAt).slice(0, 10);
      const unit = result.unit?.trim() ?? '';
      const key = `${result.test.trim().toLowerCase()}\u0000${unit.toLowerCase()}`;
      let row = rows.get(key);
      if (!row) {
        row = { test: result.test.trim(), unit, referenceRange: result.referenceRange?.trim() ?? '', cells: new Map() };
        rows.set(key, row);
      }
      if (!row.referenceRange && result.referenceRange) row.referenceRange = result.referenceRange.trim();
      const printed = result.value.trim();
      const value =
        result.comparator && !printed.startsWith(result.comparator) ? `${result.comparator}${printed}` : printed;
      const existing = row.cells.get(date);
      // Two results for one test on one day (repeat draws) are both shown rather than one hidden.
      row.cells.set(
        date,
        existing
          ? { value: `${existing.value}; ${value}`, flag: existing.flag ?? result.flag }
          : { value, flag: result.flag },
      );
      dates.add(date);
    }
  }
  return {
    dates: [...dates].sort(),
    rows: [...rows.values()].sort((a, b) => a.test.localeCompare(b.test) || a.unit.localeCompare(b.unit)),
  };
}

export const flagLabel = (flag: AbnormalFlag | undefined): string =>
  !flag || flag === 'N' ? '' : flag === 'critical' ? 'CRIT' : flag;
