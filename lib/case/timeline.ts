import { portalLabel, type CaseRecord, type RecordKind } from '../core/model';
import type { Opinion } from '../core/workspace-model';

/**
 * What the timeline filters by: the families a patient and a doctor think in, across record kinds and
 * portals. Lab results and vital signs are results; imaging, pathology and operative reports are reports.
 */
export const TIMELINE_KINDS = [
  'result',
  'report',
  'note',
  'image',
  'medication',
  'encounter',
  'opinion',
  'other',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What happened: a record, a medication started, stopped or listed (no date of its own), an encounter, an opinion received. */
export type TimelineEvent =
  'record' | 'medication-started' | 'medication-stopped' | 'medication-listed' | 'encounter' | 'opinion';

export interface TimelineEntry {
  /** Unique within one timeline; stable for the same case. */
  key: string;
  /** As precise as the source gave it (`YYYY-MM-DD` or an ISO date-time); undefined when nothing dated it. */
  date: string | undefined;
  kind: TimelineKind;
  event: TimelineEvent;
  title: string;
  /** A dose, a place, a clinician: one short line, when there is one. */
  detail: string | undefined;
  /** The portal the record came from (name and origin), or undefined for an opinion. */
  source: string | undefined;
  /** The record this entry comes from; undefined for an opinion. */
  recordId: string | undefined;
}

export type TimelineRecord = Pick<
  CaseRecord,
  'id' | 'kind' | 'title' | 'clinicalDate' | 'provenance' | 'structured' | 'capturedAt' | 'contentHash'
>;
export type TimelineOpinion = Pick<Opinion, 'id' | 'clinician' | 'institution' | 'date' | 'recommendedTreatment'>;

const KIND_OF_RECORD: Record<RecordKind, TimelineKind> = {
  lab: 'result',
  'vital-signs': 'result',
  imaging: 'report',
  pathology: 'report',
  surgical: 'report',
  procedure: 'report',
  note: 'note',
  plan: 'note',
  medication: 'medication',
  encounter: 'encounter',
  allergy: 'other',
  problem: 'other',
  immunization: 'other',
  'family-history': 'other',
  'social-history': 'other',
  other: 'other',
};

/** A medication's status as the source wrote it says it was stopped (never inferred from anything else). */
const STOPPED = /^(stopped|discontinued|completed|inactive|ended|suspended|cancell?ed|entered-in-error)$/i;

const kindOf = (record: TimelineRecord): TimelineKind =>
  record.structured?.type === 'imaging-study' ? 'image' : KIND_OF_RECORD[record.kind];

const joined = (...parts: (string | undefined)[]) => parts.filter((p) => p?.trim()).join(', ') || undefined;

function recordEntries(record: TimelineRecord): TimelineEntry[] {
  const base = { source: portalLabel(record.provenance), recordId: record.id };
  const whole: TimelineEntry = {
    ...base,
    key: `r:${record.id}`,
    date: record.clinicalDate,
    kind: kindOf(record),
    event: 'record',
    title: record.title,
    detail: undefined,
  };
  const structured = record.structured;
  if (structured?.type === 'medications' && structured.medications.length) {
    // A start is dated by the medication's own start date; a stop (the source's status says so) and a
    // medication listed without either by the date of the list it was read from.
    return structured.medications.flatMap((m, i) => {
      const detail = joined(m.dose, m.frequency);
      const stoppedByStatus = m.status !== undefined && STOPPED.test(m.status.trim());
      const entry = (suffix: string, event: TimelineEvent, date: string | undefined, more?: string): TimelineEntry => ({
        ...base,
        key: `r:${record.id}:m${i}${suffix}`,
        date,
        kind: 'medication',
        event,
        title: m.name,
        detail: joined(more, detail),
      });
      const out: TimelineEntry[] = [];
      if (m.startDate) out.push(entry('', 'medication-started', m.startDate));
      if (stoppedByStatus) out.push(entry(':stop', 'medication-stopped', record.clinicalDate, m.status));
      if (!out.length) out.push(entry('', 'medication-listed', record.clinicalDate, m.status));
      return out;
    });
  }
  if (structured?.type === 'encounters' && structured.encounters.length) {
    return structured.encounters.map((e, i) => ({
      ...base,
      key: `r:${record.id}:e${i}`,
      date: e.date ?? record.clinicalDate,
      kind: 'encounter',
      event: 'encounter',
      title: e.type,
      detail: joined(e.provider, e.location, e.reason),
    }));
  }
  return [whole];
}

function opinionEntry(opinion: TimelineOpinion): TimelineEntry {
  return {
    key: `o:${opinion.id}`,
    date: opinion.date || undefined,
    kind: 'opinion',
    event: 'opinion',
    title: joined(opinion.clinician, opinion.institution) ?? '',
    detail: opinion.recommendedTreatment.trim().split('\n')[0]?.slice(0, 200) || undefined,
    source: undefined,
    recordId: undefined,
  };
}

/**
 * Everything in the case in the order it happened: oldest first by clinical date (a date-only entry
 * sorts before the timed entries of that day), undated entries last. Ties keep a fixed order (kind,
 * title, key) so the panel and INDEX.HTM show the same sequence for the same case.
 */
export function caseTimeline(
  records: readonly TimelineRecord[],
  opinions: readonly TimelineOpinion[] = [],
): TimelineEntry[] {
  const entries = records.flatMap(recordEntries);
  for (const opinion of opinions) entries.push(opinionEntry(opinion));
  const order = new Map(TIMELINE_KINDS.map((k, i) => [k, i]));
  return entries.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === undefined) return 1;
      if (b.date === undefined) return -1;
      if (a.date < b.date) return -1;
      if (a.date > b.date) return 1;
    }
    return (
      order.get(a.kind)! - order.get(b.kind)! ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
    );
  });
}

/** The entries of the chosen kinds; every kind when `kinds` is empty. */
export function filterTimeline(entries: readonly TimelineEntry[], kinds: ReadonlySet<TimelineKind>): TimelineEntry[] {
  return kinds.size === 0 ? [...entries] : entries.filter((e) => kinds.has(e.kind));
}

/** How many entries of each kind, for the filter's labels. */
export function timelineCounts(entries: readonly TimelineEntry[]): Record<TimelineKind, number> {
  const counts = Object.fromEntries(TIMELINE_KINDS.map((k) => [k, 0])) as Record<TimelineKind, number>;
  for (const e of entries) counts[e.kind]++;
  return counts;
}

/** One page of a long timeline: pages are `size` entries, numbered from 0, clamped to the last page. */
export function timelinePage<T>(
  entries: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(entries.length / size));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: entries.slice(at * size, (at + 1) * size), page: at, pages };
}
