import type { Case, CaseRecord } from '../core/model';
import { sortRecords } from '../case';
import { byPriority } from './cover-sheet';
import { cellText, flagLabel, labMatrix, rowRangeText, UNDATED } from '../labs';
import { isGap, type CaseStory, type CompletenessItem, type PackageQuestion, type PageSize } from './package-input';
import { deflateZlib } from '../zip';
import { PdfFlow } from './pdf-flow';
import { packageText, type DocumentLanguage, type PackageText } from './package-text';

export interface SummaryInput {
  caseData: Case;
  records: CaseRecord[];
  generatedAt: Date;
  pageSize?: PageSize;
  story?: CaseStory;
  questions?: PackageQuestion[];
  completeness?: CompletenessItem[];
  /** The package language (English unless told). */
  language?: DocumentLanguage;
}

/** How many date columns fit beside test, unit and range on one table. */
const DATES_PER_TABLE = 4;

function coverSheet(flow: PdfFlow, input: SummaryInput, text: PackageText): void {
  const { caseData, generatedAt, story } = input;
  const { cover } = text;
  flow.text(caseData.title, { size: 20, bold: true });
  flow.text(text.pdf.intro(generatedAt.toISOString().slice(0, 10), input.records.length), { color: 'grey' });
  flow.text(text.pdf.copies, { color: 'grey' });
  flow.text(text.disclaimer, { bold: true });
  if (story?.timeSensitive) {
    flow.space(6);
    flow.text(cover.timeSensitive, { bold: true, color: 'red' });
  }
  if (story?.reason?.trim()) {
    flow.heading(cover.reasonHeading);
    flow.text(story.reason);
  }
  const sections = (story?.sections ?? []).filter((s) => s.text.trim());
  if (story?.summary?.trim() || sections.length) {
    flow.heading(cover.storyHeading);
    if (story?.summary?.trim()) flow.text(story.summary);
    for (const section of sections) {
      flow.text(section.label, { bold: true });
      flow.text(section.text);
    }
  }
  const questions = byPriority(input.questions);
  if (questions.length) {
    flow.heading(cover.questionsHeading);
    questions.forEach((q, i) => flow.text(`${i + 1}. ${q.text}`, { indent: 8 }));
  }
  if (input.completeness?.length) {
    flow.heading(cover.completenessHeading);
    const gaps = input.completeness.filter(isGap);
    flow.text(gaps.length ? `${cover.knownGaps} ${gaps.map((g) => g.family).join(', ')}.` : cover.noGaps, {
      bold: gaps.length > 0,
    });
    const [records, status, count, gap] = cover.completenessColumns;
    flow.table(
      [
        { header: records, width: 0.3 },
        { header: status, width: 0.15 },
        { header: count, width: 0.1 },
        { header: gap, width: 0.45 },
      ],
      input.completeness.map((item) => ({
        cells: [item.family, cover.status(item.status), String(item.count), isGap(item) ? item.hint : ''],
        red: [false, isGap(item)],
      })),
      9,
    );
  }
}

function labTables(flow: PdfFlow, records: CaseRecord[], text: PackageText): void {
  const matrix = labMatrix(records);
  if (!matrix.rows.length) return;
  const { labs } = text;
  flow.heading(labs.heading);
  flow.text(labs.pdfNotice, { color: 'grey', size: 9 });
  const undated = text.undated.charAt(0).toUpperCase() + text.undated.slice(1);
  for (let start = 0; start < matrix.dates.length; start += DATES_PER_TABLE) {
    const dates = matrix.dates.slice(start, start + DATES_PER_TABLE);
    if (matrix.dates.length > DATES_PER_TABLE) {
      flow.space(6);
      flow.text(labs.datesOf(start + 1, start + dates.length, matrix.dates.length), { bold: true, size: 9 });
    }
    const share = 0.48 / DATES_PER_TABLE;
    const rows = matrix.rows
      .filter((row) => dates.some((d) => row.cells.has(d)))
      .map((row) => {
        const cells = dates.map((d) => row.cells.get(d) ?? []);
        return {
          cells: [
            row.alsoNamed.length ? `${row.test}\n(${labs.pdfAlso} ${row.alsoNamed.join('; ')})` : row.test,
            row.unit,
            rowRangeText(row, labs.cell),
            ...cells.map((c) => cellText(row, c, labs.cell).join('\n')),
          ],
          red: [false, false, false, ...cells.map((c) => c.some((v) => !!flagLabel(v.flag) || v.conflict))],
        };
      });
    flow.table(
      [
        { header: labs.columns[0], width: 0.28 },
        { header: labs.columns[1], width: 0.1 },
        { header: labs.pdfRange, width: 0.14 },
        ...dates.map((d) => ({ header: d === UNDATED ? undated : d, width: share })),
      ],
      rows,
    );
  }
}

function recordIndex(flow: PdfFlow, records: CaseRecord[], text: PackageText): void {
  flow.heading(text.pdf.recordIndex);
  if (!records.length) {
    flow.text(text.index.noRecords);
    return;
  }
  const [n, date, kind, record, portal] = text.pdf.indexColumns;
  flow.table(
    [
      { header: n, width: 0.06 },
      { header: date, width: 0.13 },
      { header: kind, width: 0.2 },
      { header: record, width: 0.36 },
      { header: portal, width: 0.25 },
    ],
    records.map((r, i) => ({
      cells: [
        String(i + 1).padStart(4, '0'),
        r.clinicalDate?.slice(0, 10) ?? text.undated,
        text.kinds[r.kind],
        r.title,
        r.provenance.portalName ?? r.provenance.origin.replace(/^[a-z]+:\/\//, ''),
      ],
    })),
  );
}

/** summary.pdf: printable cover sheet, questions, lab table and record index; the same input gives the same bytes. */
export async function summaryPdf(input: SummaryInput): Promise<Uint8Array> {
  const flow = new PdfFlow(input.pageSize ?? 'letter');
  const records = sortRecords(input.records);
  const text = packageText(input.language);
  coverSheet(flow, input, text);
  labTables(flow, records, text);
  recordIndex(flow, records, text);
  return flow.save(
    {
      title: text.index.title(input.caseData.title),
      creator: 'Second Look',
      producer: 'Second Look',
      created: input.generatedAt,
    },
    deflateZlib,
  );
}
