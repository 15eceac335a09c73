import type { LabResultRow } from '../core/model';
import type { ReadProblem } from './read-documents';
import { readAttachments } from './read-documents';
import type { ReferenceIndex } from './read-index';
import { recordTag, source, type FhirItem } from './read-model';
import { observationRows, panelOf, reportCategory } from './read-observations';
import { readRecord, type ReadRecord, type Source } from './read-record';
import { reportRecord } from './read-reports';
import { clinicalDate, conceptText, type Json } from './read-values';
import { resourceLine } from './rendered-pdf';

export interface PanelProblem {
  item: FhirItem;
  kind: ReadProblem;
  detail: string;
}

interface Row {
  rows: LabResultRow[];
  source: Source;
  line: string;
}

interface Header {
  build: (rows: Row[]) => ReadRecord;
  /** String references, by row place: those no Observation filled are named as not found. */
  references: (string | undefined)[];
  item: FhirItem;
  lab: boolean;
  /** Problems of the lab-panel reading (its presentedForm). */
  problems: PanelProblem[];
  /** A report whose results are all missing and that is not a lab report is read as a report. */
  asReport?: { record: ReadRecord; problems: PanelProblem[] };
}

/**
 * A DiagnosticReport that lists results: its Observations fill its rows as they arrive, before or
 * after the report itself. Once every resource is read it is a lab panel, or (no Observation found,
 * not a lab report) a report.
 */
export class PendingPanel {
  private header?: Header;
  private readonly rows: (Row | undefined)[] = [];

  /** The report itself; `index` finds its specimens. */
  setReport(item: FhirItem, index: ReferenceIndex): void {
    const r = item.resource;
    const problems: PanelProblem[] = [];
    const panelDate = clinicalDate(r.effectiveDateTime) ?? clinicalDate(r.effectivePeriod?.start);
    const specimen = ((r.specimen as Json[] | undefined) ?? [])
      .map((s) => conceptText(index.resolve(item, s.reference)?.type) || String(s.display ?? ''))
      .filter(Boolean)
      .join(', ');
    const refs = r.result as Json[];
    // Named but not given as an Observation: kept as the text the source wrote.
    const byDisplay: LabResultRow[] = refs
      .filter((ref) => typeof ref?.reference !== 'string' && typeof ref?.display === 'string')
      .map((ref) => ({ test: String(ref.display).slice(0, 500), value: '', unparsed: true, readBy: 'coded-entry' }));
    const title = recordTag(r)?.display ?? (conceptText(r.code) || 'Lab results');
    const category = reportCategory(r);
    const kind = category === 'lab' || category === 'note' ? 'lab' : category;
    const files = readAttachments((r.presentedForm as Json[] | undefined) ?? [], 'report');
    files.invalid.forEach((name) => problems.push({ item, kind: 'invalid-base64', detail: name }));
    const panel = panelOf(r, title, specimen || undefined, !!recordTag(r));
    const notes = r.conclusion ? { notes: [String(r.conclusion)] } : {};
    const line = resourceLine(r);
    let asReport: Header['asReport'];
    if (category !== 'lab') {
      const reportProblems: PanelProblem[] = [];
      const record = reportRecord(item, (from, kind_, detail) =>
        reportProblems.push({ item: from, kind: kind_, detail }),
      );
      asReport = { record, problems: reportProblems };
    }
    this.header = {
      item,
      lab: category === 'lab',
      problems,
      references: refs.map((ref) => (typeof ref?.reference === 'string' ? ref.reference : undefined)),
      ...(asReport ? { asReport } : {}),
      build: (rows) =>
        readRecord(
          kind,
          title,
          panelDate,
          { type: 'lab', panel, results: [...rows.flatMap((row) => row.rows), ...byDisplay], ...notes },
          [source(item), ...rows.map((row) => row.source)],
          [line, ...rows.map((row) => row.line)],
          files.files,
        ),
    };
  }

  /** An Observation the report lists at `slot`; false when that place is taken (a second resource with the same id). */
  fill(slot: number, item: FhirItem, panelDate: string | undefined): boolean {
    if (this.rows[slot]) return false;
    this.rows[slot] = {
      rows: observationRows(item.resource, panelDate),
      source: source(item),
      line: resourceLine(item.resource),
    };
    return true;
  }

  /**
   * What the report became: `panel` (a lab record), or `report`; `found` are the problems of finding
   * its results (named first, as they were met first), `own` those of the chosen reading.
   */
  settle():
    | { as: 'panel' | 'report'; record: ReadRecord; found: PanelProblem[]; own: PanelProblem[]; item: FhirItem }
    | undefined {
    const header = this.header;
    if (!header) return undefined;
    const filled = this.rows.filter((row): row is Row => !!row);
    const found = header.references.flatMap((reference, slot): PanelProblem[] =>
      reference !== undefined && !this.rows[slot]
        ? [{ item: header.item, kind: 'reference-not-found', detail: reference }]
        : [],
    );
    if (!filled.length && header.asReport)
      return { as: 'report', record: header.asReport.record, found, own: header.asReport.problems, item: header.item };
    return { as: 'panel', record: header.build(filled), found, own: header.problems, item: header.item };
  }
}
