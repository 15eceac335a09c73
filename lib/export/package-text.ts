import type { DocumentLanguage } from '../core/document-language';
import type { RecordKind } from '../core/model';
import type { TimelineEntry, TimelineKind } from '../case';
import type { LabCellWords } from '../labs';
import type { PatientSharedState } from './package-input';
import { PACKAGE_TEXT_EN } from './package-text-en';
import { PACKAGE_TEXT_ES } from './package-text-es';

export type { DocumentLanguage };

/** Columns of the coded-list tables on a record page (lib/export/structured-html.ts). */
export interface StructuredTableText {
  caption: string;
  headers: string[];
}

/**
 * Every word the package itself writes (INDEX.HTM, record pages, README.TXT, summary.pdf), in one language.
 * The package language is chosen at export and need not be the panel's, so these are tables here, not the
 * browser's catalogue. What the records say stays as the portal wrote it.
 */
export interface PackageText {
  lang: DocumentLanguage;
  disclaimer: string;
  kinds: Record<RecordKind, string>;
  undated: string;
  yes: string;
  /** Joins the two ends of a date span ("2024-01-02 to 2024-01-05"). */
  dateSpan: string;
  index: {
    title: (caseTitle: string) => string;
    intro: (date: string, count: number) => string;
    nav: {
      reason: string;
      questions: string;
      completeness: string;
      records: string;
      labs: string;
      attachments: string;
    };
    recordsHeading: string;
    noRecords: string;
    recordColumns: [date: string, record: string, files: string, portal: string];
    titleOnly: string;
    attachmentsHeading: (count: number) => string;
    attachmentsNotice: string;
    attachmentColumns: [file: string, type: string, size: string, record: string];
    patientShared: Record<PatientSharedState, (path: string) => string>;
  };
  /** INDEX.HTM's timeline of the case, filterable by kind without script. */
  timeline: {
    nav: string;
    heading: (count: number) => string;
    showOnly: string;
    all: string;
    undatedLast: string;
    columns: [date: string, kind: string, what: string, portal: string];
    kinds: Record<TimelineKind, string>;
    events: Record<TimelineEntry['event'], string>;
  };
  /** INDEX.HTM's list of the packages sent before this one. */
  sentLog: {
    nav: string;
    heading: (count: number) => string;
    notice: (path: string) => string;
    columns: [
      sent: string,
      recipient: string,
      file: string,
      records: string,
      redacted: string,
      password: string,
      arrived: string,
      sha256: string,
    ];
    notSaid: string;
    no: string;
    arrived: (date: string) => string;
    notConfirmed: string;
  };
  cover: {
    timeSensitive: string;
    reasonHeading: string;
    storyHeading: string;
    questionsHeading: string;
    recordLink: (n: number) => string;
    see: string;
    answerNoted: string;
    completenessHeading: string;
    knownGaps: string;
    stillRequesting: string;
    noGaps: string;
    completenessColumns: [records: string, status: string, count: string, gap: string];
    status: (status: string) => string;
  };
  labs: {
    heading: string;
    notice: string;
    pdfNotice: string;
    columns: [test: string, unit: string, range: string];
    pdfRange: string;
    alsoPrintedAs: string;
    /** " (also ...)" in the PDF's narrow test column. */
    pdfAlso: string;
    sameResultIn: (count: number) => string;
    datesOf: (from: number, to: number, total: number) => string;
    cell: LabCellWords;
  };
  record: {
    labels: {
      record: string;
      kind: string;
      clinicalDate: string;
      portal: string;
      sourceAddress: string;
      pageTitle: string;
      capturedAt: string;
      sha256: string;
      note: string;
    };
    notStated: string;
    /** Names the scrollable region holding the captured page (keyboard users scroll it). */
    snapshotLabel: string;
    back: string;
    copyNotice: string;
    filesWithRecord: string;
    section: (title: string, code: string | undefined) => string;
    tables: {
      allergies: StructuredTableText;
      problems: StructuredTableText;
      procedures: StructuredTableText;
      immunizations: StructuredTableText;
      encounters: StructuredTableText;
      familyHistory: StructuredTableText;
      entries: StructuredTableText;
      medications: StructuredTableText;
    };
  };
  readme: (v: { title: string; date: string; generator: string; disclaimer: string }) => string[];
  pdf: {
    intro: (date: string, count: number) => string;
    copies: string;
    recordIndex: string;
    indexColumns: [n: string, date: string, kind: string, record: string, portal: string];
  };
}

export const PACKAGE_TEXT: Record<DocumentLanguage, PackageText> = { en: PACKAGE_TEXT_EN, es: PACKAGE_TEXT_ES };

export const packageText = (language: DocumentLanguage | undefined): PackageText => PACKAGE_TEXT[language ?? 'en'];
