import { bodyPartOf, modalityOf } from '../reading';
import type { LabPanel, LabResultRow, Medication, RecordKind, ReportSection } from '../core/model';
import type { ExtractedRecord } from './types';

type PanelInfo = LabPanel['panel'];

const defined = <T extends object>(obj: T): T =>
  Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== '')) as T;

/** The newest row date: a results list spans several dates and its record is filed under the latest. */
const latest = (rows: LabResultRow[]) =>
  rows
    .map((r) => r.date)
    .filter((d): d is string => !!d)
    .sort()
    .pop();

export function labRecord(
  element: Element,
  panel: PanelInfo,
  results: LabResultRow[],
  notes: string[] = [],
): ExtractedRecord {
  const name = panel.name.trim() || 'Lab results';
  return defined({
    kind: 'lab' as const,
    title: name.slice(0, 1000),
    clinicalDate: panel.collected ?? panel.resulted ?? latest(results),
    element,
    structured: defined({
      type: 'lab' as const,
      panel: defined({ ...panel, name }),
      results,
      notes: notes.length ? notes : undefined,
    }),
  });
}

export interface ReportInfo {
  kind: Extract<RecordKind, 'imaging' | 'pathology'>;
  exam: string;
  date?: string;
  specimen?: string;
  sections: ReportSection[];
}

export function reportRecord(element: Element, info: ReportInfo): ExtractedRecord {
  const exam = info.exam.trim() || (info.kind === 'pathology' ? 'Pathology report' : 'Imaging report');
  return defined({
    kind: info.kind,
    title: exam.slice(0, 1000),
    clinicalDate: info.date,
    element,
    structured: defined({
      type: 'report' as const,
      exam,
      modality: info.kind === 'imaging' ? modalityOf(exam) : undefined,
      bodyPart: bodyPartOf(exam),
      specimen: info.specimen,
      sections: info.sections,
    }),
  });
}

export interface NoteInfo {
  kind: Extract<RecordKind, 'note' | 'plan' | 'surgical' | 'family-history'>;
  title: string;
  date?: string;
  author?: string;
  noteType?: string;
  paragraphs: string[];
}

export function noteRecord(element: Element, info: NoteInfo): ExtractedRecord {
  return defined({
    kind: info.kind,
    title: (info.title.trim() || 'Note').slice(0, 1000),
    clinicalDate: info.date,
    element,
    structured: defined({
      type: 'note' as const,
      author: info.author,
      noteType: info.noteType,
      paragraphs: info.paragraphs,
    }),
  });
}

export function medicationRecord(
  element: Element,
  title: string,
  medications: Medication[],
  date?: string,
): ExtractedRecord {
  return defined({
    kind: 'medication' as const,
    title: (title.trim() || 'Medications').slice(0, 1000),
    clinicalDate: date,
    element,
    structured: { type: 'medications' as const, medications },
  });
}
