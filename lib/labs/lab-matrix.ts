import type { AbnormalFlag, CaseRecord } from '../core/model';
import { labSeries, type LabObservation, type LabSource } from './lab-results';

/** One result in a cell: its own time, flag and range. */
export interface LabCellValue {
  /** HH:MM as the source wrote it, when it gave a time. */
  time: string | undefined;
  /** In the row's unit (converted when the lab printed another unit). */
  value: string;
  /** What the lab printed, when `value` was converted. */
  original: string | undefined;
  flag: AbnormalFlag | undefined;
  referenceRange: string | undefined;
  conflict: boolean;
  sources: LabSource[];
}

export interface LabMatrixRow {
  test: string;
  /** The other names its results were printed under. */
  alsoNamed: string[];
  unit: string;
  /** The range every value shares, or undefined when they differ (each value then carries its own). */
  referenceRange: string | undefined;
  /** By column (a date, or `UNDATED`). */
  cells: Map<string, LabCellValue[]>;
}

/** The column of results without any clinical date. */
export const UNDATED = 'undated';

/** Lab values across dates: one row per test (by the lab identity) and unit family, one column per day, oldest first. */
export interface LabMatrix {
  /** Days, oldest first, then `UNDATED` when some result has no date. */
  dates: string[];
  rows: LabMatrixRow[];
}

const timeOf = (date: string | undefined) => (date && date.length > 10 ? date.slice(11, 16) : undefined);
const rangeKey = (range: string | undefined) => (range ?? '').replace(/\s+/g, '').toLowerCase();

function cellValue(obs: LabObservation): LabCellValue {
  const { row } = obs;
  const printed = row.value.trim();
  const withComparator =
    row.comparator && !printed.startsWith(row.comparator) ? `${row.comparator}${printed}` : printed;
  return {
    time: timeOf(obs.date),
    value: obs.converted?.value ?? withComparator,
    original: obs.converted ? `${withComparator} ${row.unit?.trim() ?? ''}`.trim() : undefined,
    flag: row.flag,
    referenceRange: row.referenceRange?.trim() || undefined,
    conflict: obs.conflict,
    sources: obs.sources,
  };
}

/**
 * The trend view a doctor asks for first. Each value keeps its own flag, range and time; results of one
 * day stay separate; undated results go to their own column, never under the date they were clipped.
 */
export function labMatrix(records: CaseRecord[]): LabMatrix {
  const dates = new Set<string>();
  let undated = false;
  const rows = labSeries(records).map((series): LabMatrixRow => {
    const cells = new Map<string, LabCellValue[]>();
    for (const obs of series.observations) {
      const column = obs.date ? obs.date.slice(0, 10) : UNDATED;
      if (obs.date) dates.add(column);
      else undated = true;
      const values = cells.get(column);
      if (values) values.push(cellValue(obs));
      else cells.set(column, [cellValue(obs)]);
    }
    for (const values of cells.values())
      values.sort((a, b) => ((a.time ?? '') < (b.time ?? '') ? -1 : (a.time ?? '') > (b.time ?? '') ? 1 : 0));
    const ranges = new Set(series.observations.map((o) => rangeKey(o.row.referenceRange)));
    return {
      test: series.test,
      alsoNamed: series.names.slice(1),
      unit: series.unit ?? '',
      referenceRange: ranges.size === 1 ? series.observations[0]!.row.referenceRange?.trim() || '' : undefined,
      cells,
    };
  });
  return { dates: [...[...dates].sort(), ...(undated ? [UNDATED] : [])], rows };
}

export const flagLabel = (flag: AbnormalFlag | undefined): string =>
  !flag || flag === 'N' ? '' : flag === 'critical' ? 'CRIT' : flag;

/**
 * A cell's values as text: time (when the cell holds several), value, flag, the printed original of a
 * converted value, the value's own range when the row has none shared, and a disagreement between sources.
 */
/** The words a cell adds around its values, in the language of the page that shows them. */
export interface LabCellWords {
  from: string;
  ref: string;
  sourcesDiffer: string;
  seeEachValue: string;
}

const ENGLISH_CELL_WORDS: LabCellWords = {
  from: 'from',
  ref: 'ref',
  sourcesDiffer: 'sources differ',
  seeEachValue: 'see each value',
};

export function cellText(row: LabMatrixRow, values: LabCellValue[], words = ENGLISH_CELL_WORDS): string[] {
  return values.map((v) =>
    [
      values.length > 1 ? v.time : undefined,
      v.value,
      flagLabel(v.flag) || undefined,
      v.original ? `(${words.from} ${v.original})` : undefined,
      row.referenceRange === undefined && v.referenceRange ? `(${words.ref} ${v.referenceRange})` : undefined,
      v.conflict ? `(${words.sourcesDiffer})` : undefined,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** The range column: the shared range, or a pointer to the values' own. */
export const rowRangeText = (row: LabMatrixRow, words = ENGLISH_CELL_WORDS): string =>
  row.referenceRange ?? words.seeEachValue;
