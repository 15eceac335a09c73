// The streaming FHIR reader: every resource comes out with its values, references forward and across
// files resolve, and a file that breaks part-way stores nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import { FhirItemScanner } from '../../../lib/fhir';
import { importFiles } from '../../../lib/import/files';
import { parseXmlDocument } from '../../tools/xml-parser';

const subject = { reference: 'Patient/p1' };
const lab = [
  { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
];

/** A varied resource for place i: values written here, checked against what the reader gives back. */
function resourceAt(i: number): Record<string, unknown> {
  switch (i % 4) {
    case 0:
      return {
        resourceType: 'Observation',
        id: `o${i}`,
        status: 'final',
        category: lab,
        code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }], text: `Glucose "${i}"` },
        subject,
        effectiveDateTime: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
        valueQuantity: { value: i / 10, unit: 'mg/dL' },
      };
    case 1:
      return {
        resourceType: 'Condition',
        id: `c${i}`,
        code: { text: `Condition \\ ${i} [x] {y}` },
        subject,
        note: [{ text: 'caf\u00e9 \ud83d\ude00\nline two' }],
      };
    case 2:
      return { resourceType: 'Basic', id: `b${i}`, code: { text: `Basic ${i}` }, extension: [[], {}, null, true] };
    default:
      return {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ fullUrl: `urn:uuid:inner-${i}`, resource: { resourceType: 'Basic', id: `inner${i}` } }],
      };
  }
}

const file = (name: string, text: string) => new File([text], name);
const json = (value: unknown) => JSON.stringify(value);

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`fhir-stream-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Streaming')).id;
});
const stored = () => db.records.where('caseId').equals(caseId).toArray();

describe('streaming FHIR reader', () => {
  it('yields every resource of a 20,000-entry Bundle with its values, chunk by chunk', () => {
    const count = 20_000;
    const text = json({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: Array.from({ length: count }, (_, i) => ({ fullUrl: `urn:uuid:e${i}`, resource: resourceAt(i) })),
    });
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const scanner = new FhirItemScanner('big.json');
    let seen = 0;
    const check = (items: ReturnType<FhirItemScanner['push']>) => {
      for (const item of items) {
        const i = seen++;
        // A nested Bundle gives its own entry; everything else is the resource written at that place.
        if (i % 4 === 3)
          expect(item).toEqual({
            file: 'big.json',
            fullUrl: `urn:uuid:inner-${i}`,
            resource: { resourceType: 'Basic', id: `inner${i}` },
          });
        else expect(item).toEqual({ file: 'big.json', fullUrl: `urn:uuid:e${i}`, resource: resourceAt(i) });
      }
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    };
    // An odd chunk size splits strings, escapes and surrogate pairs' neighbours anywhere.
    for (let at = 0; at < text.length; at += 65_521) check(scanner.push(text.slice(at, at + 65_521)));
    check(scanner.end());
    expect(seen).toBe(count);
    console.log(
      `streaming ${count} entries (${(text.length / 1024 / 1024).toFixed(1)} MB): heap +${((peak - before) / 1024 / 1024).toFixed(1)} MB at peak while reading`,
    );
  });

  it('references resolve forward and across files: report before or after its Observations, Medication after its use', async () => {
    const obs = (id: string, test: string, value: number) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      category: lab,
      code: { text: test },
      subject,
      effectiveDateTime: '2026-03-02',
      valueQuantity: { value, unit: 'mmol/L' },
    });
    const report = {
      resourceType: 'DiagnosticReport',
      id: 'r1',
      status: 'final',
      category: [{ coding: [{ code: 'LAB' }] }],
      code: { text: 'Electrolytes' },
      subject,
      effectiveDateTime: '2026-03-02',
      result: [
        { reference: 'Observation/na' },
        { reference: 'urn:uuid:k' },
        { reference: 'http://example.org/fhir/Observation/cl' },
      ],
    };
    // The report comes first; sodium and potassium follow it in the same Bundle, chloride in another file.
    const first = json({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:r1', resource: report },
        {
          resource: {
            resourceType: 'MedicationRequest',
            id: 'm1',
            status: 'active',
            medicationReference: { reference: 'Medication/med1' },
            subject,
          },
        },
        { resource: obs('na', 'Sodium', 139) },
        { fullUrl: 'urn:uuid:k', resource: obs('k', 'Potassium', 4.1) },
      ],
    });
    const second = [
      json(obs('cl', 'Chloride', 101)),
      json({ resourceType: 'Medication', id: 'med1', code: { text: 'Metformin 500 mg tablet' } }),
    ].join('\n');
    const outcomes = await importFiles(
      db,
      caseId,
      [file('first.json', first), file('second.ndjson', second)],
      parseXmlDocument,
    );
    const result = outcomes[0]!.result as Extract<(typeof outcomes)[0]['result'], { ok: true }>;
    expect(result.fhir!.problems).toEqual([]);
    const records = await stored();
    const panel = records.find((r) => r.title === 'Electrolytes')!;
    expect(panel.structured).toMatchObject({
      type: 'lab',
      panel: { name: 'Electrolytes', collected: '2026-03-02' },
      results: [
        { test: 'Sodium', numericValue: 139, unit: 'mmol/L' },
        { test: 'Potassium', numericValue: 4.1, unit: 'mmol/L' },
        { test: 'Chloride', numericValue: 101, unit: 'mmol/L' },
      ],
    });
    // Rows dated as their panel carry no date of their own.
    expect(panel.structured?.type === 'lab' && panel.structured.results.some((r) => r.date)).toBe(false);
    const medications = records.find((r) => r.kind === 'medication')!;
    expect(medications.structured).toMatchObject({
      medications: [{ name: 'Metformin 500 mg tablet', status: 'active' }],
    });
    // The three Observations are the panel's rows, not a record of their own.
    expect(records.filter((r) => r.kind === 'lab')).toHaveLength(1);
  });

  it('a Bundle that breaks after 3,000 good entries is refused by line and stores nothing; the other file imports', async () => {
    const good = Array.from({ length: 3_000 }, (_, i) =>
      json({
        fullUrl: `urn:uuid:g${i}`,
        resource: { resourceType: 'Condition', id: `c${i}`, code: { text: `Condition ${i}` }, subject },
      }),
    );
    const broken = `{"resourceType": "Bundle", "type": "collection", "entry": [\n${good.join(',\n')},\n{"resource": {"resourceType": "Condition", "id": "bad" "code": {}}}\n]}`;
    const report = {
      resourceType: 'DiagnosticReport',
      id: 'r2',
      status: 'final',
      category: [{ coding: [{ code: 'LAB' }] }],
      code: { text: 'Panel' },
      subject,
      result: [{ reference: 'Condition/c1' }],
    };
    const outcomes = await importFiles(
      db,
      caseId,
      [file('broken.json', broken), file('report.json', json(report))],
      parseXmlDocument,
    );
    expect(outcomes.find((o) => o.name === 'broken.json')!.result).toMatchObject({
      ok: false,
      error: 'bad-json',
      detail: expect.stringMatching(/^line 3002: /),
    });
    const ok = outcomes.find((o) => o.name === 'report.json')!.result as Extract<
      (typeof outcomes)[0]['result'],
      { ok: true }
    >;
    // The refused file was not read at all: what the report lists there is not found.
    expect(ok.fhir!.problems).toEqual([
      { file: 'report.json', resource: 'DiagnosticReport/r2', problem: 'reference-not-found', detail: 'Condition/c1' },
    ]);
    const records = await stored();
    expect(records.map((r) => r.title)).toEqual(['Panel']);
    expect(records.some((r) => r.text.includes('Condition 1'))).toBe(false);
  });
});
