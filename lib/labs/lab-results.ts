import type { CaseRecord, LabResultRow, ReadBy } from '../core/model';
import { caseIdentities, type LabTestIdentity } from './lab-identity';
import { conversionFactor, labUnit, printedHalfStep, roundConverted, significantDigits, type LabUnit } from './units';

/** One place a result was read from. */
export interface LabSource {
  recordId: string;
  recordTitle: string;
  portal: string;
  /** Where in the record: the row's index in its panel. */
  row: number;
  readBy: ReadBy | undefined;
}

/** One result of one test at one time, however many records carried it. */
export interface LabObservation {
  identity: LabTestIdentity;
  /** The first source's row, exactly as read. */
  row: LabResultRow;
  /** As precise as the best source gave it; undefined when no date was found anywhere. */
  date: string | undefined;
  sources: LabSource[];
  /** Another source gives a different value for the same test at the same recorded time. */
  conflict: boolean;
  /** Those other values, as printed, with their source. */
  disagreeing: { value: string; source: LabSource }[];
  /** The value in the series' unit, when the lab printed another commensurable unit. */
  converted?: { value: string; numericValue: number };
}

/** One test in one family of units, across records and dates, oldest first (undated last). */
export interface LabSeries {
  key: string;
  /** The name as first seen. */
  test: string;
  /** Every name the results were printed under, first seen first ("Glucose", "Glucose, Random"). */
  names: string[];
  /** The unit values are shown in: the one most results were printed in. */
  unit: string | undefined;
  loinc: string | undefined;
  observations: LabObservation[];
  /** The same test also appears in a unit that cannot be converted to this one (e.g. % and mmol/mol). */
  otherUnits: boolean;
}

type LabRecord = Pick<CaseRecord, 'id' | 'title' | 'clinicalDate' | 'structured' | 'provenance'>;

interface Entry {
  row: LabResultRow;
  date: string | undefined;
  source: LabSource;
  identity: LabTestIdentity;
  unit: LabUnit | undefined;
}

const printedUnit = (unit: string | undefined) => (unit ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const printed = (row: LabResultRow) => `${row.value.trim()} ${row.unit?.trim() ?? ''}`.trim();
/** Oldest first, undated last; plain code-unit order (ISO strings sort by time within one offset). */
const byDate = (a: string | undefined, b: string | undefined) => {
  const x = a ?? '\uffff';
  const y = b ?? '\uffff';
  return x < y ? -1 : x > y ? 1 : 0;
};
const hasTime = (date: string) => date.length > 10;
const day = (date: string) => date.slice(0, 10);

/** Two recorded times that may be the same moment: equal instants, or one known only to the day of the other. */
function sameMoment(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (hasTime(a) && hasTime(b)) return Date.parse(a) === Date.parse(b);
  return day(a) === day(b);
}

/** Equally precise and equal: only then can two different values be a conflict rather than two draws. */
function identicalMoment(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || hasTime(a) !== hasTime(b)) return false;
  return hasTime(a) ? Date.parse(a) === Date.parse(b) : a === b;
}

/** The same value, allowing for the rounding of each printed number after conversion. */
function sameValue(a: Entry, b: Entry): boolean {
  const x = a.row;
  const y = b.row;
  if ((x.comparator ?? '') !== (y.comparator ?? '')) return false;
  if (x.numericValue === undefined || y.numericValue === undefined) {
    return (
      x.numericValue === y.numericValue &&
      x.value.trim().toLowerCase() === y.value.trim().toLowerCase() &&
      printedUnit(x.unit) === printedUnit(y.unit)
    );
  }
  if (printedUnit(x.unit) === printedUnit(y.unit)) return x.numericValue === y.numericValue;
  const factor = a.unit && b.unit ? conversionFactor(b.unit, a.unit, a.identity.chemistry) : undefined;
  if (factor === undefined) return false;
  const tolerance = printedHalfStep(x.value) + printedHalfStep(y.value) * factor;
  return Math.abs(x.numericValue - y.numericValue * factor) <= tolerance + 1e-12;
}

function entries(records: LabRecord[]): Entry[] {
  const raw: Omit<Entry, 'identity'>[] = [];
  const inputs = [];
  for (const record of records) {
    const s = record.structured;
    if (s?.type !== 'lab') continue;
    for (const [index, row] of s.results.entries()) {
      if (row.unparsed || !row.test.trim()) continue;
      raw.push({
        row,
        date: row.date ?? s.panel.collected ?? record.clinicalDate,
        unit: labUnit(row.unit),
        source: {
          recordId: record.id,
          recordTitle: record.title,
          portal: record.provenance.portal,
          row: index,
          readBy: row.readBy,
        },
      });
      inputs.push({ test: row.test, loinc: row.loinc, panelName: s.panel.name, panelSpecimen: s.panel.specimen });
    }
  }
  const identities = caseIdentities(inputs);
  return raw.map((entry, i) => ({ ...entry, identity: identities[i]! }));
}

/** Units that line up for this test: convertible through UCUM, or printed alike. */
function commensurable(a: Entry, b: Entry): boolean {
  if (printedUnit(a.row.unit) === printedUnit(b.row.unit)) return true;
  return !!a.unit && !!b.unit && conversionFactor(b.unit, a.unit, a.identity.chemistry) !== undefined;
}

interface Bucket {
  first: Entry;
  names: Set<string>;
  observations: { obs: LabObservation; entry: Entry }[];
  /** The same observations by the day their date names: only those can be the same moment. */
  byDay: Map<string, { obs: LabObservation; entry: Entry }[]>;
}

/**
 * Every lab result of the case, once: results of the same test (by `labTestIdentity`) at the same time
 * with the same value are one observation with all their sources; the same test at the same time with
 * a different value from another source is kept twice and marked as a conflict, never averaged.
 */
export function labSeries(records: LabRecord[]): LabSeries[] {
  const byTest = new Map<string, Bucket[]>();
  for (const entry of entries(records)) {
    const buckets = byTest.get(entry.identity.key) ?? [];
    byTest.set(entry.identity.key, buckets);
    let bucket = buckets.find((b) => commensurable(b.first, entry));
    if (!bucket) {
      bucket = { first: entry, names: new Set(), observations: [], byDay: new Map() };
      buckets.push(bucket);
    }
    bucket.names.add(entry.row.test.trim());
    // Undated results are never the same moment as anything; dated ones only within their day.
    const sameDay = entry.date ? (bucket.byDay.get(day(entry.date)) ?? []) : [];
    const same = sameDay.find(
      (o) =>
        sameMoment(o.obs.date, entry.date) &&
        sameValue(o.entry, entry) &&
        (o.obs.row.flag ?? 'N') === (entry.row.flag ?? 'N'),
    );
    if (same) {
      if (!same.obs.sources.some((s) => s.recordId === entry.source.recordId && s.row === entry.source.row))
        same.obs.sources.push(entry.source);
      // Keep the more precise time.
      if (entry.date && (!same.obs.date || (hasTime(entry.date) && !hasTime(same.obs.date))))
        same.obs.date = entry.date;
      continue;
    }
    const obs: LabObservation = {
      identity: entry.identity,
      row: entry.row,
      date: entry.date,
      sources: [entry.source],
      conflict: false,
      disagreeing: [],
    };
    for (const other of sameDay) {
      const otherRecords = other.obs.sources.map((s) => s.recordId);
      if (
        identicalMoment(other.obs.date, entry.date) &&
        !otherRecords.includes(entry.source.recordId) &&
        !sameValue(other.entry, entry)
      ) {
        other.obs.conflict = true;
        obs.conflict = true;
        other.obs.disagreeing.push({ value: printed(entry.row), source: entry.source });
        obs.disagreeing.push({ value: printed(other.entry.row), source: other.obs.sources[0]! });
      }
    }
    bucket.observations.push({ obs, entry });
    if (entry.date) {
      if (!bucket.byDay.has(day(entry.date))) bucket.byDay.set(day(entry.date), sameDay);
      sameDay.push({ obs, entry });
    }
  }

  const series: (LabSeries & { group: string })[] = [];
  for (const [key, buckets] of byTest) {
    buckets.forEach((bucket, index) => {
      const unit = seriesUnit(bucket);
      const target = bucket.observations.find((o) => o.obs.row.unit?.trim() === unit)?.entry;
      for (const { obs, entry } of bucket.observations) {
        if (!target || printedUnit(entry.row.unit) === printedUnit(unit)) continue;
        const factor =
          entry.unit && target.unit ? conversionFactor(entry.unit, target.unit, entry.identity.chemistry) : undefined;
        if (factor === undefined || entry.row.numericValue === undefined) continue;
        const value = roundConverted(entry.row.numericValue * factor, significantDigits(entry.row.value));
        obs.converted = { value: `${entry.row.comparator ?? ''}${value}`, numericValue: value };
      }
      series.push({
        group: buckets[0]!.first.row.test.trim(),
        key: buckets.length > 1 ? `${key}|${index}` : key,
        test: bucket.first.row.test.trim(),
        names: [...bucket.names],
        unit,
        loinc: bucket.observations.map((o) => o.obs.row.loinc?.trim()).find(Boolean),
        observations: bucket.observations.map((o) => o.obs).sort((a, b) => byDate(a.date, b.date)),
        otherUnits: buckets.length > 1,
      });
    });
  }
  // One test's unit families stay together, under the name it was first seen by.
  return series
    .sort((a, b) => a.group.localeCompare(b.group) || (a.unit ?? '').localeCompare(b.unit ?? ''))
    .map(({ group: _group, ...rest }) => rest);
}

/** The unit most of the bucket's results were printed in (the first seen on a tie). */
function seriesUnit(bucket: Bucket): string | undefined {
  const counts = new Map<string, { unit: string; count: number }>();
  for (const { entry } of bucket.observations) {
    const unit = entry.row.unit?.trim() ?? '';
    const key = printedUnit(unit);
    const seen = counts.get(key) ?? { unit, count: 0 };
    seen.count += 1;
    counts.set(key, seen);
  }
  let best: { unit: string; count: number } | undefined;
  for (const c of counts.values()) if (!best || c.count > best.count) best = c;
  return best?.unit || undefined;
}
