import type { AbnormalFlag, CaseRecord } from '../core/model';
import { labSeries, type LabObservation, type LabSeries, type LabSource } from './lab-results';

export interface LabPoint {
  /** The first source; `sources` lists every record that carried this result. */
  recordId: string;
  recordTitle: string;
  portal: string;
  sources: LabSource[];
  /** As precise as the source gave it; undefined when no date was found anywhere. */
  date: string | undefined;
  /** In the trend's unit: converted when the lab printed another unit (then `original` holds what it printed). */
  value: string;
  numericValue: number | undefined;
  original: { value: string; unit: string } | undefined;
  referenceRange: string | undefined;
  flag: AbnormalFlag | undefined;
  /** Flagged abnormal by the lab, or outside the numeric low/high the lab gave. Never our own judgement. */
  outOfRange: boolean;
  /** Another source gives a different value for this test at the same recorded time. */
  conflict: boolean;
}

/** A series as the panel draws it: each observation as a point in the series' unit. */
export interface LabTrend extends Omit<LabSeries, 'observations'> {
  points: LabPoint[];
}

/** Case, spacing, punctuation and Unicode form do not make a different test. */
export function normalizeTestName(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}%#]+/gu, ' ')
    .trim();
}

function isOutOfRange(row: { flag?: AbnormalFlag; numericValue?: number; low?: number; high?: number }): boolean {
  if (row.flag && row.flag !== 'N') return true;
  if (row.numericValue === undefined) return false;
  return (
    (row.low !== undefined && row.numericValue < row.low) || (row.high !== undefined && row.numericValue > row.high)
  );
}

type LabRecord = Pick<CaseRecord, 'id' | 'title' | 'clinicalDate' | 'structured' | 'provenance'>;

function point(obs: LabObservation): LabPoint {
  const first = obs.sources[0]!;
  const { row } = obs;
  return {
    recordId: first.recordId,
    recordTitle: first.recordTitle,
    portal: first.portal,
    sources: obs.sources,
    date: obs.date,
    value: obs.converted?.value ?? row.value,
    numericValue: obs.converted?.numericValue ?? row.numericValue,
    original: obs.converted ? { value: row.value, unit: row.unit?.trim() ?? '' } : undefined,
    referenceRange: row.referenceRange,
    flag: row.flag,
    outOfRange: isOutOfRange(row),
    conflict: obs.conflict,
  };
}

/**
 * The same test across records, dates and portals: one trend per test (by the lab identity) and family
 * of units, each result once, sorted by date with undated points last.
 */
export function labTrends(records: LabRecord[]): LabTrend[] {
  return labSeries(records).map(({ observations, ...series }) => ({ ...series, points: observations.map(point) }));
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
