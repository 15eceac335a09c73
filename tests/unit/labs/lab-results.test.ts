import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { listRecords } from '../../../lib/case/records';
import { CaseDb } from '../../../lib/core/db';
import type { CaseRecord, LabResultRow } from '../../../lib/core/model';
import { labTableHtml } from '../../../lib/export/cover-sheet';
import { fhirBundle } from '../../../lib/export/fhir-bundle';
import { importFiles } from '../../../lib/import/files';
import { labMatrix, labSeries } from '../../../lib/labs';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';
import { labRecord } from '../fixtures/records';

const row = (test: string, value: string, unit: string, more: Partial<LabResultRow> = {}): LabResultRow => ({
  test,
  value,
  numericValue: Number(value),
  unit,
  ...more,
});

describe('the same result twice is one result', () => {
  it('two portals, same test, time and value: one observation naming both sources', () => {
    const series = labSeries([
      labRecord('a', '2026-10-21', [row('Glucose, Random', '185', 'mg/dL', { flag: 'H' })], 'cerner-healthelife'),
      labRecord('b', '2026-10-21', [row('GLU', '185', 'mg/dL', { flag: 'H' })], 'epic-mychart'),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]!.observations).toHaveLength(1);
    expect(series[0]!.observations[0]!.sources.map((s) => [s.recordId, s.portal])).toEqual([
      ['a', 'cerner-healthelife'],
      ['b', 'epic-mychart'],
    ]);
    expect(series[0]!.observations[0]!.conflict).toBe(false);
    expect(series[0]!.names).toEqual(['Glucose, Random', 'GLU']);
  });

  it('the same value printed in mg/dL by one portal and mmol/L by another is one result (within the printed rounding)', () => {
    // 104 mg/dL / 18.016 = 5.77 mmol/L; printed as 5.8 by the other lab.
    const series = labSeries([
      labRecord('a', '2026-10-28', [row('Glucose', '104', 'mg/dL')]),
      labRecord('b', '2026-10-28', [row('Glucose', '5.8', 'mmol/L')], 'ccda'),
    ]);
    expect(series[0]!.observations).toHaveLength(1);
    expect(series[0]!.observations[0]!.sources).toHaveLength(2);
  });

  it('a different value for the same test at the same time is a conflict: both kept, both marked, nothing averaged', () => {
    const records = [
      labRecord('a', '2026-10-28', [row('Glucose', '104', 'mg/dL')]),
      labRecord('b', '2026-10-28', [row('Glucose', '6.9', 'mmol/L')], 'ccda'),
    ];
    const [glucose] = labSeries(records);
    expect(glucose!.observations.map((o) => [o.row.value, o.conflict, o.disagreeing.map((d) => d.value)])).toEqual([
      ['104', true, ['6.9 mmol/L']],
      ['6.9', true, ['104 mg/dL']],
    ]);
    const doc = new DOMParser().parseFromString(labTableHtml(labMatrix(records)), 'text/html');
    const values = Array.from(doc.querySelectorAll('.lab-value'), (v) => v.textContent);
    // 6.9 mmol/L x 18.016 = 124.3 mg/dL: converted to the row's unit, the printed value beside it.
    expect(values).toEqual(['104 (sources differ)', '124 (from 6.9 mmol/L) (sources differ)']);
  });

  it('two values of one day in one record are two draws, not a conflict', () => {
    const [k] = labSeries([
      labRecord('a', '2026-10-28', [row('Potassium', '4.0', 'mmol/L'), row('Potassium', '6.2', 'mmol/L')]),
    ]);
    expect(k!.observations.map((o) => [o.row.value, o.conflict])).toEqual([
      ['4.0', false],
      ['6.2', false],
    ]);
  });

  it('an XDM zip with two documents holding the same results: each result once, in the table and the FHIR bundle', async () => {
    const ccd = readFileSync(`${THIRD_PARTY}/ccda/sample_ccdas_HL7_Samples_CCD.sample.xml`, 'utf8');
    // A second document of the same download (a visit summary) repeating the results, its section text
    // worded a little differently (so the import keeps it as a record of its own, as it does today).
    const summary = ccd.replace(
      '<td colspan="2">LABORATORY INFORMATION</td>',
      '<td colspan="2">Labs (visit summary)</td>',
    );
    expect(summary).not.toBe(ccd);
    const zip = zipSync({
      'IHE_XDM/SUBSET01/METADATA.XML': strToU8('<x/>'),
      'IHE_XDM/SUBSET01/DOC0001.XML': strToU8(ccd),
      'IHE_XDM/SUBSET01/DOC0002.XML': strToU8(summary),
    });
    const db = new CaseDb(`xdm-${crypto.randomUUID()}`);
    const caseId = (await createCase(db, 'XDM')).id;
    const [outcome] = await importFiles(
      db,
      caseId,
      [new File([zip as BlobPart], 'HealthSummary.zip')],
      parseXmlDocument,
    );
    expect(outcome!.result.ok).toBe(true);
    const records: CaseRecord[] = await listRecords(db, caseId);
    // Lab results only: vital signs (also read as rows) are identical in both documents and imported once.
    const labs = records.filter((r) => r.kind === 'lab' && r.structured?.type === 'lab');
    const rows = labs.flatMap((r) => (r.structured?.type === 'lab' ? r.structured.results : []));
    // The import keeps both documents' records (that is the patient's evidence) ...
    expect(new Set(labs.map((r) => r.provenance.path.split('!')[1])).size).toBe(2);
    const perDocument = rows.length / 2;
    expect(perDocument).toBeGreaterThan(0);
    // ... and every lab view shows each result once, with both documents as its sources.
    const observations = labSeries(labs).flatMap((s) => s.observations);
    expect(observations).toHaveLength(perDocument);
    for (const obs of observations) expect(obs.sources.map((s) => s.recordId)).toHaveLength(2);
    const matrix = labMatrix(labs);
    for (const r of matrix.rows) for (const values of r.cells.values()) expect(values).toHaveLength(1);

    const bundle = fhirBundle(
      labs.map((record) => ({ record, pages: [], attachments: [] })),
      { generatedAt: new Date('2026-11-01T00:00:00Z'), agent: 'test' },
    ) as unknown as { entry: { fullUrl: string; resource: Record<string, any> }[] };
    const resources = bundle.entry.map((e) => e.resource);
    const obsEntries = bundle.entry.filter((e) => e.resource.resourceType === 'Observation');
    expect(obsEntries).toHaveLength(perDocument);
    // Both documents' reports point at the one Observation, and both Provenances name it.
    const reports = resources.filter((r) => r.resourceType === 'DiagnosticReport');
    const provenances = resources.filter((r) => r.resourceType === 'Provenance');
    for (const { fullUrl } of obsEntries) {
      expect(reports.filter((r) => r.result?.some((x: any) => x.reference === fullUrl))).toHaveLength(2);
      expect(provenances.filter((p) => p.target.some((x: any) => x.reference === fullUrl))).toHaveLength(2);
    }
    expect(obsEntries[0]!.resource.note.at(-1).text).toMatch(/^The same result is in 2 records; /);
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    for (const ref of JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [])
      expect(urls.has(ref.slice(13, -1))).toBe(true);
    db.close();
  });
});
