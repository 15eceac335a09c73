// data/patient-shared-bundle.json: the KTC rules (our checker), the official R4 JSON schema, FHIR.js, and
// the two PDFs read back with poppler.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Fhir } from 'fhir';
import { packageEntries } from '../../../lib/export/package';
import { redactedInput } from '../../../lib/export/redact';
import { collect, packageInput } from '../helpers/synthetic-case';
import { pdftotext } from '../helpers/poppler';
import { checkPatientSharedBundle } from '../../harness/ktc-checker';
import { EVERY_KIND, PATIENT_SHARED } from './every-kind';

const require = createRequire(import.meta.url);
const JsonSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate: (resource: unknown, verbose?: boolean) => unknown[];
};
const schemaValidator = new JsonSchemaValidator();
const structureValidator = new Fhir();

type Json = Record<string, any>;
const PATH = 'data/patient-shared-bundle.json';

async function files(overrides: Parameters<typeof packageInput>[0] = {}) {
  const input = await packageInput({ records: EVERY_KIND, patientShared: PATIENT_SHARED, ...overrides });
  return collect(packageEntries(input));
}
const text = (data: Uint8Array) => new TextDecoder().decode(data);
async function bundle(): Promise<Json> {
  const entry = (await files()).find((e) => e.path === PATH)!;
  expect(entry.mediaType).toBe('application/fhir+json');
  return JSON.parse(text(entry.data)) as Json;
}
const resources = (b: Json) => (b.entry as Json[]).map((e) => e.resource as Json);
const pdfOf = (b: Json, loinc: string) => {
  const doc = resources(b).find((r) => r.resourceType === 'DocumentReference' && r.type.coding[0].code === loinc)!;
  return Uint8Array.from(atob(doc.content[0].attachment.data), (c) => c.charCodeAt(0));
};
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('patient-shared bundle (KTC)', () => {
  it('follows every KTC rule: 0 errors for a case holding every record kind', async () => {
    expect(checkPatientSharedBundle(await bundle())).toEqual([]);
  });

  it('the checker does catch each broken rule', async () => {
    const b = await bundle();
    const story = resources(b).find((r) => r.type?.coding?.[0]?.code === '51855-5')!;
    story.status = 'superseded';
    delete story.meta.security;
    story.content[0].attachment.url = 'http://example.org/x.pdf';
    b.entry.push({
      fullUrl: 'http://example.org/Patient/2',
      resource: { resourceType: 'Patient', meta: { profile: ['x'] } },
    });
    resources(b).find((r) => r.resourceType === 'Condition')!.subject = {
      reference: 'urn:uuid:00000000-0000-0000-0000-000000000000',
    };
    const errors = checkPatientSharedBundle(b).join('\n');
    for (const expected of [
      'not current',
      'PATAST',
      'attachment.url',
      'not a urn:uuid',
      'not exactly one',
      'meta.profile',
      'does not resolve',
    ])
      expect(errors).toContain(expected);
  });

  it('passes the official FHIR R4 JSON schema and the StructureDefinition validator', async () => {
    const b = await bundle();
    expect(schemaValidator.validate(b, true)).toEqual([]);
    const result = structureValidator.validate(b, { errorOnUnexpected: true });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('holds each record kind as its US Core resource', async () => {
    const types = resources(await bundle()).map((r) => r.resourceType);
    for (const type of [
      'Patient',
      'Observation',
      'DiagnosticReport',
      'Condition',
      'MedicationStatement',
      'AllergyIntolerance',
      'Immunization',
      'Procedure',
      'Encounter',
      'FamilyMemberHistory',
      'ImagingStudy',
      'DocumentReference',
    ])
      expect(types).toContain(type);
    const b = await bundle();
    const patient = resources(b).find((r) => r.resourceType === 'Patient')!;
    expect(patient).toMatchObject({
      birthDate: '1970-01-01',
      gender: 'female',
      name: [{ text: 'Alex Testperson', family: 'Testperson', given: ['Alex'] }],
    });
    const hb = resources(b).find(
      (r) => r.code?.text === 'Hemoglobin' && r.effectiveDateTime?.startsWith('2026-10-14'),
    )!;
    expect(hb.code.coding).toEqual([{ system: 'http://loinc.org', code: '718-7' }]);
    expect(hb.valueQuantity).toEqual({ value: 11.2, unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' });
    expect(hb.interpretation[0].coding[0].code).toBe('L');
    expect(hb.referenceRange[0]).toMatchObject({ low: { value: 12 }, high: { value: 16 }, text: '12.0-16.0' });
    const note = resources(b).find((r) => r.description === 'Pulmonology visit')!;
    expect(atob(note.content[0].attachment.data)).toBe('Discussed options.');
  });

  it('the FHIR-rendered PDF shows every non-DocumentReference resource, labs as a table with units, ranges and flags', async () => {
    const b = await bundle();
    const out = pdftotext(pdfOf(b, '60591-5'));
    expect(out.status).toBe(0);
    const page = squash(out.stdout);
    const words = new Set(page.split(' '));
    const shown = (value: string) =>
      expect(
        value.split(/\s+/).filter((w) => !words.has(w)),
        value,
      ).toEqual([]);
    const concept = (cc: Json) => cc.text ?? cc.coding[0].display ?? cc.coding[0].code;
    for (const r of resources(b)) {
      switch (r.resourceType) {
        case 'Patient':
          expect(page).toContain(`Name: ${r.name[0].text}`);
          expect(page).toContain(`Date of birth: ${r.birthDate}`);
          break;
        case 'Observation':
          shown(concept(r.code));
          if (r.valueQuantity)
            shown(`${r.valueQuantity.comparator ?? ''}${r.valueQuantity.value} ${r.valueQuantity.unit ?? ''}`);
          if (r.valueString) shown(r.valueString);
          if (r.referenceRange?.[0]?.text) shown(r.referenceRange[0].text);
          if (r.interpretation) shown(r.interpretation[0].text);
          if (r.effectiveDateTime) shown(r.effectiveDateTime.slice(0, 10));
          break;
        case 'DiagnosticReport':
          shown(concept(r.code));
          break;
        case 'Condition':
        case 'AllergyIntolerance':
        case 'Procedure':
          expect(page).toContain(concept(r.code));
          break;
        case 'MedicationStatement':
          expect(page).toContain(r.medicationCodeableConcept.text);
          break;
        case 'Immunization':
          expect(page).toContain(`${r.vaccineCode.text} - ${r.occurrenceDateTime}`);
          break;
        case 'Encounter':
          expect(page).toContain(r.type[0].text);
          break;
        case 'FamilyMemberHistory':
          expect(page).toContain(`${r.relationship.text} - ${r.condition[0].code.text}`);
          break;
        case 'ImagingStudy':
          expect(page).toContain(r.description);
          break;
        case 'DocumentReference':
          break;
        default:
          throw new Error(`no check for ${r.resourceType}`);
      }
    }
    // A table: header with units, ranges and flags; newest first.
    expect(page).toMatch(/Date Test Value Unit Range Flag/);
    expect(page.indexOf('2026-11-03')).toBeLessThan(page.indexOf('2026-10-14'));
    expect(page.indexOf('Problems')).toBeLessThan(page.indexOf('Lab results'));
  });

  it('the Patient Story PDF holds the story and the questions, in priority order', async () => {
    const out = pdftotext(pdfOf(await bundle(), '51855-5'));
    const page = squash(out.stdout);
    expect(page).toContain('A nodule in the right lung.');
    expect(page).toContain('Avoid surgery if it is safe to wait.');
    expect(page.indexOf('1. Do you agree with the diagnosis?')).toBeLessThan(
      page.indexOf('2. What are the alternatives'),
    );
  });

  it('is left out of a redacted package, and INDEX.HTM says why', async () => {
    const input = await packageInput({ records: EVERY_KIND, patientShared: PATIENT_SHARED });
    const redacted = redactedInput(input, { names: ['Alex Testperson'] });
    const entries = await collect(packageEntries(redacted));
    expect(entries.map((e) => e.path)).not.toContain(PATH);
    expect(text(entries.find((e) => e.path === 'INDEX.HTM')!.data)).toContain('it was redacted');
  });

  it('is left out when the patient unticks it or has not said who they are', async () => {
    const unticked = await files({ patientShared: { ...PATIENT_SHARED, include: false } });
    expect(unticked.map((e) => e.path)).not.toContain(PATH);
    expect(text(unticked.find((e) => e.path === 'INDEX.HTM')!.data)).toContain('chose to leave it out');
    const nameless = await files({ patientShared: { ...PATIENT_SHARED, patient: { birthDate: '1970-01-01' } } });
    expect(nameless.map((e) => e.path)).not.toContain(PATH);
    const manifest = JSON.parse(text((await files()).find((e) => e.path === 'data/manifest.json')!.data)) as Json;
    expect(manifest.files.map((f: Json) => f.path)).toContain(PATH);
  });
});
