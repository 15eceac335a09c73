import type { Case, CaseRecord } from '../core/model';
import { sortRecords } from '../case';
import { byPriority } from './cover-sheet';
import { KIND_LABELS } from './kind-labels';
import { cellText, flagLabel, labMatrix, rowRangeText, UNDATED } from '../labs';
import { isGap, type CaseStory, type CompletenessItem, type PackageQuestion, type PageSize } from './package-input';
import { deflateZlib } from '../zip';
import { PdfFlow } from './pdf-flow';
import { PACKAGE_DISCLAIMER } from './disclaimer';

export interface SummaryInput {
  caseData: Case;
  records: CaseRecord[];
  generatedAt: Date;
  pageSize?: PageSize;
  story?: CaseStory;
  questions?: PackageQuestion[];
  completeness?: CompletenessItem[];
}

/** How many date columns fit beside test, unit and range on one table. */
const DATES_PER_TABLE = 4;

function coverSheet(flow: PdfFlow, input: SummaryInput): void {
  const { caseData, generatedAt, story } = input;
  flow.text(caseData.title, { size: 20, bold: true });
  flow.text(
    `Records for a second opinion, prepared ${generatedAt.toISOString().slice(0, 10)}. ${input.records.length} record(s).`,
    { color: 'grey' },
  );
  flow.text(
    'Patient-collected copies of portal records; each record page in the package names its source and capture time.',
    { color: 'grey' },
  );
  flow.text(PACKAGE_DISCLAIMER, { bold: true });
  if (story?.timeSensitive) {
    flow.space(6);
    flow.text('The patient marked this decision as time-sensitive.', { bold: true, color: 'red' });
  }
  if (story?.reason?.trim()) {
    flow.heading('Reason for the second opinion');
    flow.text(story.reason);
  }
  const sections = (story?.sections ?? []).filter((s) => s.text.trim());
  if (story?.summary?.trim() || sections.length) {
    flow.heading("The patient's story");
    if (story?.summary?.trim()) flow.text(story.summary);
    for (const section of sections) {
      flow.text(section.label, { bold: true });
      flow.text(section.text);
    }
  }
  const questions = byPriority(input.questions);
  if (questions.length) {
    flow.heading("The patient's questions, most important first");
    questions.forEach((q, i) => flow.text(`${i + 1}. ${q.text}`, { indent: 8 }));
  }
  if (input.completeness?.length) {
    flow.heading('Completeness');
    const gaps = input.completeness.filter(isGap);
    flow.text(
      gaps.length
        ? `Known gaps: ${gaps.map((g) => g.family).join(', ')}.`
        : 'Every checklist family has at least one record.',
      {
        bold: gaps.length > 0,
      },
    );
    flow.table(
      [
        { header: 'Records', width: 0.3 },
        { header: 'Status', width: 0.15 },
        { header: 'Count', width: 0.1 },
        { header: 'Gap', width: 0.45 },
      ],
      input.completeness.map((item) => ({
        cells: [item.family, item.status, String(item.count), isGap(item) ? item.hint : ''],
        red: [false, isGap(item)],
      })),
      9,
    );
  }
}

function labTables(flow: PdfFlow, records: CaseRecord[]): void {
  const matrix = labMatrix(records);
  if (!matrix.rows.length) return;
  flow.heading('Lab results across dates');
  flow.text(
    'Values as captured from the portals, oldest date first, each with its own flag (the portal\'s) and time. A value in another unit is converted to the row\'s unit, the printed value beside it; a result found in several records is shown once; "sources differ" marks records that disagree for the same test and time.',
    {
      color: 'grey',
      size: 9,
    },
  );
  for (let start = 0; start < matrix.dates.length; start += DATES_PER_TABLE) {
    const dates = matrix.dates.slice(start, start + DATES_PER_TABLE);
    if (matrix.dates.length > DATES_PER_TABLE) {
      flow.space(6);
      flow.text(`Dates ${start + 1}-${start + dates.length} of ${matrix.dates.length}`, { bold: true, size: 9 });
    }
    const share = 0.48 / DATES_PER_TABLE;
    const rows = matrix.rows
      .filter((row) => dates.some((d) => row.cells.has(d)))
      .map((row) => {
        const cells = dates.map((d) => row.cells.get(d) ?? []);
        return {
          cells: [
            row.alsoNamed.length ? `${row.test}\n(also ${row.alsoNamed.join('; ')})` : row.test,
            row.unit,
            rowRangeText(row),
            ...cells.map((c) => cellText(row, c).join('\n')),
          ],
          red: [false, false, false, ...cells.map((c) => c.some((v) => !!flagLabel(v.flag) || v.conflict))],
        };
      });
    flow.table(
      [
        { header: 'Test', width: 0.28 },
        { header: 'Unit', width: 0.1 },
        { header: 'Range', width: 0.14 },
        ...dates.map((d) => ({ header: d === UNDATED ? 'Undated' : d, width: share })),
      ],
      rows,
    );
  }
}

function recordIndex(flow: PdfFlow, records: CaseRecord[]): void {
  flow.heading('Record index');
  if (!records.length) {
    flow.text('No records in this case yet.');
    return;
  }
  flow.table(
    [
      { header: '#', width: 0.06 },
      { header: 'Date', width: 0.13 },
      { header: 'Kind', width: 0.2 },
      { header: 'Record', width: 0.36 },
      { header: 'Portal', width: 0.25 },
    ],
    records.map((r, i) => ({
      cells: [
        String(i + 1).padStart(4, '0'),
        r.clinicalDate?.slice(0, 10) ?? 'undated',
        KIND_LABELS[r.kind],
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
  coverSheet(flow, input);
  labTables(flow, records);
  recordIndex(flow, records);
  return flow.save(
    {
      title: `${input.caseData.title}: records for a second opinion`,
      creator: 'Second Look',
      producer: 'Second Look',
      created: input.generatedAt,
    },
    deflateZlib,
  );
}
