import type { AbnormalFlag, CaseRecord } from '../core/model';

export interface LabPoint {
  recordId: string;
  recordTitle: string;
  portal: string;
  /** As precise as the source gave it; undefined when no date was found anywhere. */
  date: string | undefined;
  value: string;
  numericValue: number | undefined;
  referenceRange: string | undefined;
  flag: AbnormalFlag | undefined;
  /** Flagged abnormal by the lab, or outside the numeric low/high the lab gave. Never our own judgement. */
  outOfRange: boolean;
}

export interface LabTrend {
  key: string;
  /** The name as first seen. */
  test: string;
  /** Shown exactly as the lab wrote it; values in different units are never merged or converted. */
  unit: string | undefined;
  loinc: string | undefined;
  points: LabPoint[];
  /** Another row holds the same test in a different unit: the UI marks both. */
  otherUnits: boolean;
}

/** Case, spacing, punctuation and Unicode form do not make a different test. */
export function normalizeTestName(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}%#]+/gu, ' ')
    .trim();
}

/** Units compare case-insensitively ("mg/dL" = "mg/dl"); nothing else is treated as equal. */
export function normalizeUnit(unit: string | undefined): string {
  return (unit ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function isOutOfRange(row: { flag?: AbnormalFlag; numericValue?: number; low?: number; high?: number }): boolean {
  if (row.flag && row.flag !== 'N') return true;
  if (row.numericValue === undefined) return false;
  return (
    (row.low !== undefined && row.numericValue < row.low) || (row.high !== undefined && row.numericValue > row.high)
  );
}

type LabRecord = Pick<CaseRecord, 'id' | 'title' | 'clinicalDate' | 'structured' | 'provenance'>;

/**
 * The same test across records, dates and portals, one trend per test and unit. Rows merge by LOINC
 * when they carry one, else by normalised name; a row without LOINC joins a LOINC trend of the same
 * name and unit. Each trend is sorted by date, undated points last.
 */
export function labTrends(records: LabRecord[]): LabTrend[] {
  const rows = records.flatMap((record) =>
    record.structured?.type === 'lab'
      ? record.structured.results
          .filter((row) => !row.unparsed && row.test.trim())
          .map((row) => {
            const panel = record.structured?.type === 'lab' ? record.structured.panel : undefined;
            return { record, row, date: row.date ?? panel?.collected ?? record.clinicalDate };
          })
      : [],
  );

  // Names that some row ties to a LOINC code, per unit, so rows without one can join it.
  const loincByName = new Map<string, string>();
  for (const { row } of rows) {
    if (row.loinc) loincByName.set(`${normalizeTestName(row.test)}|${normalizeUnit(row.unit)}`, row.loinc.trim());
  }

  const trends = new Map<string, LabTrend>();
  for (const { record, row, date } of rows) {
    const unitKey = normalizeUnit(row.unit);
    const loinc = row.loinc?.trim() || loincByName.get(`${normalizeTestName(row.test)}|${unitKey}`);
    const key = `${loinc ? `loinc:${loinc}` : `name:${normalizeTestName(row.test)}`}|unit:${unitKey}`;
    let trend = trends.get(key);
    if (!trend) {
      trend = { key, test: row.test.trim(), unit: row.unit?.trim() || undefined, loinc, points: [], otherUnits: false };
      trends.set(key, trend);
    }
    trend.points.push({
      recordId: record.id,
      recordTitle: record.title,
      portal: record.provenance.portal,
      date,
      value: row.value,
      numericValue: row.numericValue,
      referenceRange: row.referenceRange,
      flag: row.flag,
      outOfRange: isOutOfRange(row),
    });
  }

  const all = [...trends.values()];
  const unitsPerTest = new Map<string, Set<string>>();
  for (const trend of all) {
    const test = trend.loinc ?? normalizeTestName(trend.test);
    unitsPerTest.set(test, (unitsPerTest.get(test) ?? new Set()).add(normalizeUnit(trend.unit)));
  }
  for (const trend of all) {
    trend.otherUnits = (unitsPerTest.get(trend.loinc ?? normalizeTestName(trend.test))?.size ?? 0) > 1;
    trend.points.sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'));
  }
  return all.sort((a, b) => a.test.localeCompare(b.test) || (a.unit ?? '').localeCompare(b.unit ?? ''));
}

/** Polyline coordinates for a sparkline of the numeric points, in a width x height box. */
export function sparklinePoints(values: number[], width: number, height: number, pad = 2): { x: number; y: number }[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  return values.map((v, i) => ({
    x: Math.round((pad + i * step) * 10) / 10,
    y: Math.round((max === min ? height / 2 : pad + (1 - (v - min) / span) * (height - 2 * pad)) * 10) / 10,
  }));
}
