import { describe, expect, it } from 'vitest';
import { labColumns, readLabTable, readMedicationTable } from '../../../lib/reading/lab-table';

const table = (html: string) => {
  const doc = new DOMParser().parseFromString(`<table>${html}</table>`, 'text/html');
  return doc.querySelector('table')!;
};

describe('lab tables', () => {
  it('maps columns by header words, whatever their order', () => {
    const t = table(
      '<thead><tr><th>Abnormal Flag</th><th>Observation Date</th><th>Value</th><th>Name</th><th>Reference Range</th></tr></thead>',
    );
    expect(labColumns(t)).toEqual(['flag', 'date', 'value', 'test', 'range']);
  });

  it('is not a lab table without a test and a value column', () => {
    expect(labColumns(table('<thead><tr><th>Date</th><th>Provider</th></tr></thead>'))).toBeUndefined();
  });

  it('never attaches a value to the wrong test: short or split rows stay unparsed', () => {
    const rows = readLabTable(
      table(`<thead><tr><th>Test</th><th>Value</th><th>Range</th></tr></thead><tbody>
        <tr><td>Sodium</td><td>140 mmol/L</td><td>136-145</td></tr>
        <tr><td>Potassium</td><td>4.1</td></tr>
        <tr><td colspan="2">Chloride 101</td><td>98-107</td></tr>
        <tr><td></td><td>99</td><td>70-99</td></tr></tbody>`),
    );
    expect(rows[0]).toMatchObject({ test: 'Sodium', numericValue: 140, low: 136, high: 145 });
    expect(rows.slice(1).map((r) => [r.unparsed, r.value])).toEqual([
      [true, 'Potassium 4.1'],
      [true, 'Chloride 101 98-107'],
      [true, '99 70-99'],
    ]);
  });

  it('reads a flag carried only by the row class', () => {
    const [row] = readLabTable(
      table(
        '<thead><tr><th>Test</th><th>Value</th></tr></thead><tbody><tr class="critical"><td>Platelets</td><td>18</td></tr></tbody>',
      ),
    );
    expect(row?.flag).toBe('critical');
  });

  it('reads medication tables', () => {
    const meds = readMedicationTable(
      table(
        '<thead><tr><th>Medication</th><th>Dose</th><th>Route</th><th>Start Date</th></tr></thead><tbody><tr><td>Metformin 500 mg</td><td>500 mg twice daily</td><td>Oral</td><td>2025-01-04</td></tr></tbody>',
      ),
    );
    expect(meds).toEqual([
      { name: 'Metformin 500 mg', dose: '500 mg twice daily', route: 'Oral', startDate: '2025-01-04' },
    ]);
  });
});

describe('older and status-bearing tables', () => {
  it('accepts a header row written with td cells when every cell names a column', () => {
    const rows = readLabTable(
      table('<tr><td>Test</td><td>Result</td><td>Units</td></tr><tr><td>TSH</td><td>2.1</td><td>uIU/mL</td></tr>'),
    );
    expect(rows).toEqual([{ test: 'TSH', value: '2.1', numericValue: 2.1, unit: 'uIU/mL' }]);
  });

  it('says when a result is corrected or preliminary', () => {
    const [row] = readLabTable(
      table(
        '<thead><tr><th>Test</th><th>Value</th><th>Status</th></tr></thead><tbody><tr><td>Hemoglobin</td><td>9.1 g/dL</td><td>corrected</td></tr></tbody>',
      ),
    );
    expect(row?.notes).toBe('Status: corrected');
  });
});
