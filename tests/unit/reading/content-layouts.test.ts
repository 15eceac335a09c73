import { describe, expect, it } from 'vitest';
import type { LabResultRow } from '../../../lib/core/model';
import { generic } from '../../../lib/portals/generic';
import { parsePage } from '../../tools/load-page';

/**
 * Each layout the "read any results page by its content" issue lists, as small pages written by hand
 * (expected values are written here, from the markup). Markup shapes follow what the issue and
 * PORTALS.md describe of vendor pages; each page says which one it imitates.
 */
const URL_ = new URL('https://records.example.org/summary.html');
const read = (html: string) => generic.extract(parsePage(html), URL_);
const rows = (html: string): LabResultRow[] =>
  read(html).flatMap((r) => (r.structured?.type === 'lab' ? r.structured.results : []));
const pick = (r: LabResultRow) => ({
  test: r.test,
  value: r.value,
  unit: r.unit,
  range: r.referenceRange,
  flag: r.flag,
  date: r.date,
});

describe('results read by content', () => {
  it('lines of "name value unit" in list items, grouped under a date (C-CDA list narrative, LOINC short names)', () => {
    const html = `<html><body><h1>Results</h1><div><p>Collected 03/14/2026</p><ul>
      <li>Hgb Bld-mCnc 13.50 g/dL</li><li>WBC # Bld Auto 6.2 x10E3/uL (3.4-10.8)</li>
      <li>Glucose SerPl-mCnc 112 mg/dL H</li></ul>
      <p>04/02/2026</p><ul><li>Hgb Bld-mCnc 12.9 g/dL</li></ul></div></body></html>`;
    expect(rows(html).map(pick)).toEqual([
      { test: 'Hgb Bld-mCnc', value: '13.50', unit: 'g/dL', date: '2026-03-14' },
      { test: 'WBC # Bld Auto', value: '6.2', unit: 'x10E3/uL', range: '3.4-10.8', date: '2026-03-14' },
      { test: 'Glucose SerPl-mCnc', value: '112', unit: 'mg/dL', flag: 'H', date: '2026-03-14' },
      { test: 'Hgb Bld-mCnc', value: '12.9', unit: 'g/dL', date: '2026-04-02' },
    ]);
    expect(rows(html).every((r) => r.readBy === 'content')).toBe(true);
  });

  it('a table without headers: value in a <p>, unit in its own column, range in parentheses, flag with a gloss (lab-report C-CDA narrative)', () => {
    const html = `<html><body><h2>CBC W/ DIFF</h2><table>
      <tr><td>WBC</td><td><p>6.1</p></td><td>THOUS/MCL</td><td>(3.8-10.8)</td><td>N (Normal)</td></tr>
      <tr><td>HEMOGLOBIN</td><td><p>17.9</p></td><td>g/dL</td><td>(13.2-17.1)</td><td>H (High)</td></tr>
      <tr><td>PLATELET COUNT</td><td><p>&lt;20</p></td><td>K/uL</td><td>(140-400)</td><td>LL</td></tr>
    </table></body></html>`;
    expect(rows(html).map(pick)).toEqual([
      { test: 'WBC', value: '6.1', unit: 'THOUS/MCL', range: '3.8-10.8', flag: 'N' },
      { test: 'HEMOGLOBIN', value: '17.9', unit: 'g/dL', range: '13.2-17.1', flag: 'H' },
      { test: 'PLATELET COUNT', value: '<20', unit: 'K/uL', range: '140-400', flag: 'LL' },
    ]);
  });

  it("the panel's name, ordering doctor and date in a table above the rows, and one panel split across two tables", () => {
    const html = `<html><body><main><h2>Basic Metabolic Panel</h2>
      <table><tr><th>Ordered by</th><td>Dr. Ana Ruiz</td></tr><tr><th>Collected</th><td>2026-02-11</td></tr></table>
      <table><tr><td>Sodium</td><td>139</td><td>mmol/L</td><td>135-145</td></tr></table>
      <table><tr><td>Potassium</td><td>5.4</td><td>mmol/L</td><td>3.5-5.1</td><td>*HI*</td></tr></table>
      </main></body></html>`;
    const [record] = read(html);
    expect(record?.structured?.type === 'lab' && record.structured.panel).toMatchObject({
      name: 'Basic Metabolic Panel',
      orderingProvider: 'Dr. Ana Ruiz',
      collected: '2026-02-11',
    });
    expect(rows(html).map(pick)).toEqual([
      { test: 'Sodium', value: '139', unit: 'mmol/L', range: '135-145' },
      { test: 'Potassium', value: '5.4', unit: 'mmol/L', range: '3.5-5.1', flag: 'H' },
    ]);
  });

  it('cards in a div grid and a definition list (HealtheLife-style cards, PORTALS.md)', () => {
    const html = `<html><body><h1>Lab Results</h1><div class="grid">
      <div class="card"><h3>Creatinine</h3><span>1.4 mg/dL</span><span>High</span><span>0.6-1.3</span></div>
      <div class="card"><h3>eGFR</h3><span>&gt;60</span><span>mL/min/1.73m2</span></div></div>
      <dl><dt>Hemoglobin A1c [4.0-5.6 %]</dt><dd>6.1 % *HI*</dd></dl></body></html>`;
    expect(rows(html).map(pick)).toEqual([
      { test: 'Creatinine', value: '1.4', unit: 'mg/dL', range: '0.6-1.3', flag: 'H' },
      { test: 'eGFR', value: '>60', unit: 'mL/min/1.73m2' },
      { test: 'Hemoglobin A1c', value: '6.1', unit: '%', range: '4.0-5.6 %', flag: 'H' },
    ]);
  });

  it('keeps an ambiguous row as text and says how many values it kept so', () => {
    const html = `<html><body><h1>Lab results</h1><table>
      <tr><td>Sodium</td><td>140</td><td>mmol/L</td></tr>
      <tr><td>Glucose</td><td>98</td><td>104</td><td>mg/dL</td></tr>
      </table><p>Your LDL was 131 mg/dL and HDL 45 mg/dL last year.</p></body></html>`;
    const [record] = read(html);
    const results = record?.structured?.type === 'lab' ? record.structured.results : [];
    expect(results.filter((r) => !r.unparsed).map(pick)).toEqual([{ test: 'Sodium', value: '140', unit: 'mmol/L' }]);
    expect(results.find((r) => r.unparsed)?.value).toBe('Glucose 98 104 mg/dL');
    expect(record?.textOnly).toBe(3);
  });

  it('blood pressure written as "132/86" in a vital-signs table dated by column: systolic and diastolic, mm[Hg] when the page leaves the unit out (C-CDA vital-signs narrative)', () => {
    const html = `<html><body><h2>Vital Signs</h2><table>
      <thead><tr><th>Date / Time:</th><th>Sept 10, 2012</th><th>Sept 1, 2011</th></tr></thead>
      <tbody><tr><th>Height</th><td>177 cm</td><td>177 cm</td></tr>
      <tr><th>Blood Pressure</th><td>132/86 mmHg</td><td>128/80</td></tr></tbody></table></body></html>`;
    const all = rows(html);
    expect(all.filter((r) => /blood pressure/i.test(r.test)).map(pick)).toEqual([
      { test: 'Systolic blood pressure', value: '132', unit: 'mmHg', date: '2012-09-10' },
      { test: 'Diastolic blood pressure', value: '86', unit: 'mmHg', date: '2012-09-10' },
      { test: 'Systolic blood pressure', value: '128', unit: 'mm[Hg]', date: '2011-09-01' },
      { test: 'Diastolic blood pressure', value: '80', unit: 'mm[Hg]', date: '2011-09-01' },
    ]);
    expect(all.find((r) => r.value === '128')?.notes).toMatch(/unit not written on the page/);
    expect(all.find((r) => r.value === '132')?.notes).not.toMatch(/unit not written/);
  });

  it('a card and a line after a table are each read once (the lines left are what the table and cards did not hold)', () => {
    const html = `<html><body><h2>Results</h2><table><tr><td>Sodium</td><td>139</td><td>mmol/L</td><td>135-145</td></tr></table>
      <div class="card"><h3>Potassium</h3><span>5.9 mmol/L</span><span>H</span></div>
      <ul><li>Glucose 112 mg/dL H</li></ul></body></html>`;
    expect(rows(html).map((r) => [r.test, r.value])).toEqual([
      ['Sodium', '139'],
      ['Potassium', '5.9'],
      ['Glucose', '112'],
    ]);
  });

  it('never ties a value to a label that is not a test', () => {
    const html = `<html><body><h1>Results</h1><div><span>Page</span><span>2</span></div>
      <div><span>Date</span><span>5</span></div><p>Room 12 mg/dL</p></body></html>`;
    expect(rows(html).filter((r) => !r.unparsed)).toEqual([]);
  });
});

describe('a page of many sections', () => {
  const section = (n: number, heading = `Lab panel ${n}`) =>
    `<h2>${heading}</h2><table><tr><th>Test</th><th>Value</th></tr><tr><td>Test ${n}</td><td>${n} mg/dL</td></tr></table>`;

  it('500 sections: one record each, every value kept', () => {
    const html = `<html><body><h1>Summary</h1>${Array.from({ length: 500 }, (_, i) => section(i + 1)).join('')}</body></html>`;
    const records = read(html);
    expect(records).toHaveLength(500);
    expect(records.every((r) => r.kind === 'lab')).toBe(true);
    expect(records[499]?.section?.heading).toBe('Lab panel 500');
  }, 60_000);

  it('more than 500 sections: the ones past 499 share the last record, nothing lost', () => {
    const html = `<html><body><h1>Summary</h1>${Array.from({ length: 501 }, (_, i) => section(i + 1)).join('')}</body></html>`;
    const records = read(html);
    expect(records).toHaveLength(500);
    expect(records[499]?.title).toBe('Lab panel 500 (+1)');
    expect(records.flatMap((r) => (r.structured?.type === 'lab' ? r.structured.results : []))).toHaveLength(501);
  }, 60_000);

  it('headings all the same: still one record per section', () => {
    const html = `<html><body>${[1, 2, 3].map((n) => section(n, 'Result')).join('')}</body></html>`;
    const records = read(html);
    expect(records.map((r) => r.title)).toEqual(['Result', 'Result', 'Result']);
    expect(records.map((r) => (r.structured?.type === 'lab' ? r.structured.results[0]?.value : ''))).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('nested sections and a section without a heading: deeper headings stay inside, unheaded content is kept', () => {
    const html = `<html><body>
      <section><h2>Medications</h2><ul><li>Lisinopril 10 mg daily</li></ul></section>
      <section><h2>Results</h2><section><h3>CBC</h3><table><tr><th>Test</th><th>Value</th></tr><tr><td>WBC</td><td>6.1 K/uL</td></tr></table></section>
        <section><h3>BMP</h3><table><tr><th>Test</th><th>Value</th></tr><tr><td>Sodium</td><td>139 mmol/L</td></tr></table></section></section>
      <section><p>Call the clinic with questions.</p></section></body></html>`;
    const records = read(html);
    expect(records.map((r) => [r.kind, r.title])).toEqual([
      ['medication', 'Medications'],
      ['lab', 'Results'],
    ]);
    const lab = records[1]?.structured;
    expect(lab?.type === 'lab' && lab.results.map((r) => r.test)).toEqual(['WBC', 'Sodium']);
  });

  it('headings the sections do not hold (deeper ones under an empty title section) keep the page one record', () => {
    // The trust suite's payload page: a title, then many <h2> sections, some of whose content holds an <h1>.
    // Splitting at <h1> would keep two scraps and drop every <h2> section with its text.
    const payload = (i: number, inner: string) => `<section><h2>Payload ${i} marker</h2><div>${inner}</div></section>`;
    const html = `<html><body><main><h1>Hostile markup test page</h1><div id="payloads">
      ${payload(1, '<p>plain text one</p>')}${payload(2, '<h1>Drop me</h1><p>x</p>')}
      ${payload(3, '<p>plain text three</p>')}${payload(4, '<h1>Movie website</h1><p>y</p>')}</div></main></body></html>`;
    const records = read(html);
    expect(records).toHaveLength(1);
    const text = records[0]!.element.textContent ?? '';
    for (const i of [1, 2, 3, 4]) expect(text).toContain(`Payload ${i} marker`);
  });
});
