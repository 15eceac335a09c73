import { describe, expect, it } from 'vitest';
import type { CaseRecord, LabResultRow } from '../../../lib/core/model';
import { labTableHtml } from '../../../lib/export/cover-sheet';
import { summaryPdf } from '../../../lib/export/summary-pdf';
import { labMatrix } from '../../../lib/labs';
import { caseRecord } from '../fixtures/records';
import { pdftotext } from '../helpers/poppler';
import { CASE } from '../helpers/synthetic-case';

/**
 * The doctor's lab table (INDEX.HTM and summary.pdf). Every expected string below was written by hand
 * from the rows given here; none is produced by the code under test.
 */
function lab(id: string, results: LabResultRow[], extra: Partial<CaseRecord> = {}): CaseRecord {
  return caseRecord({
    id,
    kind: 'lab',
    title: `Panel ${id}`,
    capturedAt: '2026-11-20T10:00:00.000Z',
    provenance: { portal: 'epic-mychart', origin: 'https://portal.example', path: `/labs/${id}`, pageTitle: 'Labs' },
    structured: { type: 'lab', panel: { name: 'Chemistry' }, results },
    ...extra,
  });
}

const potassium = (value: string, more: Partial<LabResultRow>): LabResultRow => ({
  test: 'Potassium',
  value,
  numericValue: Number(value),
  unit: 'mmol/L',
  ...more,
});

const RECORDS: CaseRecord[] = [
  // Two draws on one day: normal in the morning, high in the afternoon.
  lab('a', [
    potassium('4.0', { flag: 'N', referenceRange: '3.5-5.1', date: '2026-10-01T08:10:00-05:00' }),
    potassium('6.2', { flag: 'H', referenceRange: '3.5-5.1', date: '2026-10-01T14:10:00-05:00' }),
  ]),
  // Another lab with its own range on another day.
  lab('b', [potassium('4.4', { referenceRange: '3.6-5.2', date: '2026-10-05' })]),
  // No date anywhere: not the row, not the panel, not the record (only the clip time, which is not clinical).
  lab('c', [potassium('4.8', {})], { clinicalDate: undefined }),
];

function table(records: CaseRecord[]) {
  const html = labTableHtml(labMatrix(records));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const header = Array.from(doc.querySelectorAll('thead th'), (th) => th.textContent!.trim());
  const row = (test: string) => {
    const tr = Array.from(doc.querySelectorAll('tbody tr')).find((r) => r.querySelector('th')!.textContent === test);
    if (!tr) throw new Error(`no row for ${test}`);
    return Array.from(tr.querySelectorAll('td'));
  };
  return { header, row };
}

const items = (cell: Element | undefined) =>
  Array.from(cell?.querySelectorAll('.lab-value') ?? [], (v) => ({
    text: v.textContent!.trim(),
    flagged: v.classList.contains('flag'),
  }));

describe("the doctor's lab table", () => {
  it('puts an undated result under "Undated", never under the clip date', () => {
    const { header } = table(RECORDS);
    expect(header).toEqual(['Test', 'Unit', 'Reference range', '2026-10-01', '2026-10-05', 'Undated']);
  });

  it('shows two results of one day as separate times, each with its own flag', () => {
    const cells = table(RECORDS).row('Potassium');
    expect(cells[2]!.textContent).toBe('08:10 4.0 (ref 3.5-5.1) · 14:10 6.2 H (ref 3.5-5.1)');
    expect(items(cells[2])).toEqual([
      { text: '08:10 4.0 (ref 3.5-5.1)', flagged: false },
      { text: '14:10 6.2 H (ref 3.5-5.1)', flagged: true },
    ]);
  });

  it("keeps each value's own reference range instead of the first one for every date", () => {
    const cells = table(RECORDS).row('Potassium');
    expect(cells[0]!.textContent).toBe('mmol/L');
    // The ranges differ between labs: the range column says so and each value carries its own.
    expect(cells[1]!.textContent).toBe('see each value');
    expect(items(cells[3])).toEqual([{ text: '4.4 (ref 3.6-5.2)', flagged: false }]);
    expect(items(cells[4])).toEqual([{ text: '4.8', flagged: false }]);
  });

  it('shows one shared range once, in the range column', () => {
    const cells = table([RECORDS[0]!]).row('Potassium');
    expect(cells[1]!.textContent).toBe('3.5-5.1');
    expect(items(cells[2])).toEqual([
      { text: '08:10 4.0', flagged: false },
      { text: '14:10 6.2 H', flagged: true },
    ]);
  });

  it('summary.pdf prints the same: both times with their own flag, and the undated column', async () => {
    const pdf = await summaryPdf({ caseData: CASE, records: RECORDS, generatedAt: new Date('2026-11-21T00:00:00Z') });
    const text = pdftotext(pdf).stdout;
    expect(text).toContain('Undated');
    expect(text).not.toContain('2026-11-20');
    expect(text).toMatch(/^ +14:10 6\.2 H\b/m);
    expect(text).toMatch(/see each value +08:10 4\.0\b/);
    expect(text).toContain('see each value');
  });
});
