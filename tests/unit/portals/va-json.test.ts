import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import { CapturedRecord } from '../../../lib/core/model';
import { importFiles } from '../../../lib/import/files';
import { vaRecordsFromJson } from '../../../lib/portals';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';

/**
 * VA.gov's own data shapes (vets-website test fixtures, read in place). Every expected value below was
 * written by hand from the JSON's fields: the DiagnosticReport's contained Observations (code.text,
 * valueQuantity, referenceRange.text, interpretation.text, note, effectiveDateTime, LOINC coding), its
 * specimen, lab, order and practitioner; the radiology record's procedureName, eventDate and texts.
 */
const VA = `${THIRD_PARTY}/va`;
const json = (name: string): unknown => JSON.parse(readFileSync(`${VA}/${name}`, 'utf8'));

describe('VA chemistry/hematology report (FHIR DiagnosticReport with contained Observations)', () => {
  const [record, ...rest] = vaRecordsFromJson(json('vets-website_chemHem.json')) ?? [];

  it('is one lab record with the report facts', () => {
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      kind: 'lab',
      title: 'CH (Potassium, Sodium)',
      clinicalDate: '2021-01-20T16:38:59-05:00',
    });
    expect(record?.structured).toMatchObject({
      type: 'lab',
      panel: {
        name: 'CH',
        orderingProvider: 'LISA A HALL',
        collected: '2021-01-20T16:38:59-05:00',
        resulted: '2021-01-21T11:32:47-05:00',
        performingLab: 'Lab Site 989',
        status: 'final',
        specimen: 'SERUM',
      },
      notes: ["Lisa's Test 1/20/2021 - Second lab", 'Added Potassium test'],
    });
  });

  it('reads every result with value, unit, range, flag, date, LOINC and note', () => {
    const rows = record?.structured.type === 'lab' ? record.structured.results : [];
    expect(rows).toEqual([
      {
        test: 'POTASSIUM',
        value: '3.5',
        numericValue: 3.5,
        unit: 'mEq/L',
        referenceRange: '3.6-5.1',
        low: 3.6,
        high: 5.1,
        flag: 'L',
        date: '2021-01-20T16:38:59-05:00',
        loinc: '2823-3',
        notes: 'Normal Range Prior to 8-22-02 was: 3.6 - 5.0 mEq/L.',
        readBy: 'coded-entry',
      },
      {
        test: 'SODIUM:SCNC:PT:SER/PLAS:QN:',
        value: '138',
        numericValue: 138,
        unit: 'mEq/L',
        referenceRange: '136-145',
        low: 136,
        high: 145,
        flag: 'L',
        date: '2021-01-20T16:38:59-05:00',
        loinc: '2951-2',
        readBy: 'coded-entry',
      },
    ]);
  });
});

describe('VA radiology record (My HealtheVet)', () => {
  const [record] = vaRecordsFromJson(json('vets-website_radiologyMhv.json')) ?? [];

  it('is an imaging report with the exam, date, people and texts verbatim', () => {
    expect(record).toMatchObject({
      kind: 'imaging',
      title: 'DEXA, PERIPHERAL STUDY',
      clinicalDate: '2004-01-06T19:27:00Z',
    });
    const sections = record?.structured.type === 'report' ? record.structured.sections : [];
    expect(sections.map((s) => s.heading)).toEqual(['Details', 'Clinical history', 'Report', 'Impression']);
    expect(sections[0]?.text).toBe(
      'Requesting provider: DOE,JANE\nRadiologist: DOE,JOHN\nStatus: Verified\nPerforming location: DAYT3',
    );
    expect(sections[1]?.text).toBe(
      'this is 71 yr old pt had ab test in the past so he need to have\nrecheck agin.thanks.',
    );
    // Columnar tables inside the report keep their spacing; CRLF becomes LF.
    expect(sections[2]?.text).toContain('Forearm - left          Radius 33%       0.671 g/cm2    -1.7');
    expect(
      sections[3]?.text.startsWith('1.  Osteopenia of the left forearm.\n\n2.  Osteopenia of the dual femur.'),
    ).toBe(true);
    expect(sections.every((s) => !s.text.includes('\r'))).toBe(true);
  });
});

describe('VA JSON from disk', () => {
  it('imports both files into a case as valid records, and refuses JSON that is neither VA nor FHIR', async () => {
    const db = new CaseDb(`va-${crypto.randomUUID()}`);
    const caseId = (await createCase(db, 'VA')).id;
    const files = ['vets-website_chemHem.json', 'vets-website_radiologyMhv.json'].map(
      (name) => new File([readFileSync(`${VA}/${name}`)], name, { type: 'application/json' }),
    );
    const outcomes = await importFiles(
      db,
      caseId,
      [...files, new File(['{"greeting":"hello"}'], 'notes.json')],
      parseXmlDocument,
    );
    const byName = Object.fromEntries(outcomes.map((o) => [o.name, o.result.ok ? o.result.added : o.result.error]));
    expect(byName).toEqual({
      'vets-website_chemHem.json': 1,
      'vets-website_radiologyMhv.json': 1,
      'notes.json': 'not-fhir',
    });
    const stored = await db.records.toArray();
    for (const r of stored) expect(CapturedRecord.safeParse(r).success).toBe(true);
    expect(stored.map((r) => [r.kind, r.provenance.portal, r.provenance.path]).sort()).toEqual([
      ['imaging', 'va-mhv', 'vets-website_radiologyMhv.json'],
      ['lab', 'va-mhv', 'vets-website_chemHem.json'],
    ]);
  });
});
