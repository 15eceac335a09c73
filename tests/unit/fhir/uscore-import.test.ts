// Every resource of every file in the third-party US Core corpus (fixtures/third-party/fhir-uscore) imports
// as a structured record or a verbatim one. Expected values are copied by hand from the fixtures' own fields.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { getDetails } from '../../../lib/case/case-details';
import { CaseDb } from '../../../lib/core/db';
import { sha256Hex } from '../../../lib/core/hash';
import type { CaseRecord, StructuredData } from '../../../lib/core/model';
import { importFiles } from '../../../lib/import/files';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';

const ROOT = `${THIRD_PARTY}/fhir-uscore`;
const resourceFiles = readdirSync(ROOT)
  .filter((d) => statSync(join(ROOT, d)).isDirectory())
  .flatMap((d) => readdirSync(join(ROOT, d)).map((f) => `${d}/${f}`))
  .filter((p) => p.endsWith('.json') && !p.endsWith('/coverage.json'));
const asFile = (path: string) => new File([readFileSync(join(ROOT, path))], path);

let db: CaseDb;
let caseId: string;
let records: CaseRecord[];
let outcomes: Awaited<ReturnType<typeof importFiles>>;
beforeEach(async () => {
  db = new CaseDb(`uscore-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'US Core')).id;
  outcomes = await importFiles(db, caseId, resourceFiles.map(asFile), parseXmlDocument);
  records = await db.records.where('caseId').equals(caseId).toArray();
});

const structured = <T extends StructuredData['type']>(type: T, kind?: string) =>
  records
    .filter((r) => r.structured?.type === type && (!kind || r.kind === kind))
    .map((r) => r.structured as Extract<StructuredData, { type: T }>);
const labRows = () => structured('lab').flatMap((s) => s.results);

describe('FHIR import of the US Core corpus', () => {
  it('accounts for all 131 resources: the report lists every type with what became of it', () => {
    expect(resourceFiles).toHaveLength(131);
    const summary = outcomes.find((o) => o.result.ok)!.result as Extract<(typeof outcomes)[0]['result'], { ok: true }>;
    const total = summary.fhir!.report.reduce((n, line) => n + line.count, 0);
    expect(total).toBe(131);
    const verbatim = (type: string) =>
      summary.fhir!.report.find((l) => l.resourceType === type && l.outcome === 'verbatim')?.count;
    const structuredCount = (type: string) =>
      summary.fhir!.report.find((l) => l.resourceType === type && l.outcome === 'structured')?.count;
    expect(structuredCount('Condition')).toBe(7);
    expect(structuredCount('AllergyIntolerance')).toBe(7);
    expect(structuredCount('Immunization')).toBe(5);
    expect(structuredCount('FamilyMemberHistory')).toBe(5);
    expect(structuredCount('DocumentReference')).toBe(5);
    expect(structuredCount('CarePlan')).toBe(2);
    expect(verbatim('Practitioner')).toBe(3);
    expect(verbatim('Coverage')).toBe(3);
    expect(verbatim('Specimen')).toBe(2);
    expect(summary.fhir!.report.find((l) => l.resourceType === 'Patient' && l.outcome === 'patient')?.count).toBe(1);
    expect(verbatim('Patient')).toBe(4);
    // Nothing failed: no file refused.
    expect(outcomes.filter((o) => !o.result.ok)).toEqual([]);
  });

  it('names the file and resource id in each record provenance', () => {
    const hb = records.find((r) =>
      r.provenance.path.includes('labs/observation-hemoglobin-low.json#Observation/observation-hemoglobin-low'),
    );
    expect(hb).toBeDefined();
    expect(hb!.provenance.portal).toBe('fhir');
    const pacemaker = records.find(
      (r) => r.provenance.path === 'coverage-devices/device-pacemaker-active.json#Device/device-pacemaker-active',
    )!;
    expect(pacemaker.title).toBe('Device: Cardiac pacemaker');
  });

  it('labs: CBC report rows with LOINC, UCUM units, ranges and flags, read as coded entries', () => {
    const hb = labRows().find((r) => r.loinc === '718-7')!;
    expect(hb).toMatchObject({
      test: 'Hemoglobin',
      value: '10.8',
      numericValue: 10.8,
      unit: 'g/dL',
      low: 12.0,
      high: 15.5,
      referenceRange: '12.0 - 15.5 g/dL',
      flag: 'L',
      readBy: 'coded-entry',
    });
    const k = labRows().find((r) => r.loinc === '2823-3')!;
    expect(k).toMatchObject({
      test: 'Potassium Level',
      numericValue: 5.9,
      unit: 'mmol/L',
      low: 3.5,
      high: 5.1,
      flag: 'H',
    });
    expect(k.notes).toContain('Status: preliminary');
    const cbc = structured('lab').find((s) => s.panel.name === 'Complete Blood Count (CBC)')!;
    expect(cbc.panel).toMatchObject({
      collected: '2025-03-10T08:20:00-05:00',
      resulted: '2025-03-10T14:25:00Z',
      performingLab: 'Breadth Test Laboratory',
      status: 'final',
    });
    expect(labRows().every((r) => r.readBy === 'coded-entry')).toBe(true);
  });

  it('vital signs: blood pressure components become rows', () => {
    const rows = structured('lab', 'vital-signs').flatMap((s) => s.results);
    expect(rows.find((r) => r.loinc === '8480-6')).toMatchObject({
      test: 'Systolic blood pressure',
      numericValue: 132,
      unit: 'mm[Hg]',
    });
  });

  it('problems, medications, allergies, immunizations, procedures, encounters, family history', () => {
    const problems = structured('problems').flatMap((s) => s.problems);
    expect(problems.find((p) => p.name === 'Essential hypertension')).toMatchObject({
      code: { system: 'http://snomed.info/sct', code: '59621000', display: 'Essential hypertension (disorder)' },
      status: 'Active',
      onset: '2024-05-02',
    });
    const meds = structured('medications').flatMap((s) => s.medications);
    expect(meds.find((m) => m.name === 'lisinopril (PRINIVIL, ZESTRIL) 10 mg tablet')).toMatchObject({
      dose: 'Take 1 tablet (10 mg total) by mouth once daily.',
      frequency: 'Daily',
      status: 'active',
      startDate: '2025-03-15T14:32:00-07:00',
    });
    // A medicationReference to the Medication resource resolves to its name.
    expect(meds.map((m) => m.name)).toContain('metFORMIN HCl 24 hr ER (GLUCOPHAGE XR) 500 mg tablet');
    const allergies = structured('allergies').flatMap((s) => s.allergies);
    expect(allergies.find((a) => a.substance === 'Penicillin')).toMatchObject({
      status: 'Active',
      onset: '2024-03-15T09:30:00-05:00',
    });
    expect(allergies.find((a) => a.substance === 'Penicillin')!.reaction).toContain('Anaphylaxis');
    const shots = structured('immunizations').flatMap((s) => s.immunizations);
    expect(shots.find((i) => i.lotNumber === 'FLU24-AB1234')).toMatchObject({
      vaccine: 'Influenza vaccine, quadrivalent, injectable (2024-2025 season)',
      code: { system: 'http://hl7.org/fhir/sid/cvx', code: '158' },
      date: '2024-10-03T10:15:00-05:00',
      status: 'completed',
    });
    const procedures = structured('procedures').flatMap((s) => s.procedures);
    expect(procedures.find((p) => p.name === 'Screening colonoscopy')).toMatchObject({
      date: '2024-09-17T09:42:00-05:00',
      status: 'completed',
      performer: 'Dr. Sample Renderer, MD',
    });
    const encounters = structured('encounters').flatMap((s) => s.encounters);
    expect(encounters.find((e) => e.type === 'Office visit, established patient')).toMatchObject({
      date: '2024-09-12T09:00:00-07:00',
      end: '2024-09-12T09:30:00-07:00',
      location: 'Breadth Test Family Medicine Clinic',
      provider: 'Dr. Sample Renderer, MD',
      reason: 'Hypertension follow-up',
    });
    const family = structured('family-history').flatMap((s) => s.members);
    expect(family.filter((m) => m.relationship === 'Father').map((m) => m.condition)).toEqual([
      'Heart attack',
      'Type 2 diabetes',
    ]);
    expect(family.find((m) => m.condition === 'Heart attack')!.deceased).toBe(true);
  });

  it('documents: inline attachments byte-exact; the patient from the constant Patient', async () => {
    const discharge = records.find((r) => r.provenance.path.includes('documentreference-discharge-summary-pdf'))!;
    const files = await db.attachments.where('recordId').equals(discharge.id).toArray();
    const source = JSON.parse(
      readFileSync(join(ROOT, 'documents/documentreference-discharge-summary-pdf.json'), 'utf8'),
    );
    const inline = source.content.find((c: { attachment: { data?: string } }) => c.attachment.data).attachment;
    const expected = Buffer.from(inline.data, 'base64');
    expect(files).toHaveLength(1);
    // fake-indexeddb keeps Blobs without their methods: the stored hash and size stand for the bytes.
    expect(files[0]!.size).toBe(expected.byteLength);
    expect(files[0]!.sha256).toBe(await sha256Hex(new Uint8Array(expected)));
    expect(files[0]!.mediaType).toBe('application/pdf');
    const details = await getDetails(db, caseId);
    expect(details.patient).toEqual({ name: 'Casey Breadth-Tester', birthDate: '1980-02-29', sex: 'female' });
  });

  it('other resources are kept verbatim: their JSON as a file, their narrative as the text', async () => {
    const goal = records.find((r) => r.title === 'Goal: Hemoglobin A1c below 7.0%')!;
    expect(goal.kind).toBe('plan');
    const [json] = await db.attachments.where('recordId').equals(goal.id).toArray();
    const source = JSON.parse(readFileSync(join(ROOT, 'care-coordination/goal-a1c-active.json'), 'utf8'));
    expect(json!.sha256).toBe(await sha256Hex(JSON.stringify(source, null, 2)));
    expect(goal.text).toContain('"lifecycleStatus": "active"');
  });

  it('importing the same files again adds nothing', async () => {
    const again = await importFiles(db, caseId, resourceFiles.map(asFile), parseXmlDocument);
    expect(again[0]!.result).toMatchObject({ ok: true, added: 0 });
  });

  it('a zip of the folder imports the same way (coverage manifests named as not FHIR)', async () => {
    const zip = zipSync(
      Object.fromEntries(
        readdirSync(ROOT)
          .filter((d) => statSync(join(ROOT, d)).isDirectory())
          .flatMap((d) =>
            readdirSync(join(ROOT, d)).map((f) => [
              `fhir-uscore/${d}/${f}`,
              new Uint8Array(readFileSync(join(ROOT, d, f))),
            ]),
          ),
      ),
    );
    const own = (await createCase(db, 'Zipped')).id;
    const zipped = await importFiles(db, own, [new File([zip as BlobPart], 'fhir-uscore.zip')], parseXmlDocument);
    const ok = zipped.find((o) => o.result.ok)!.result as Extract<(typeof zipped)[0]['result'], { ok: true }>;
    expect(ok.fhir!.report.reduce((n, line) => n + line.count, 0)).toBe(131);
    expect(zipped.filter((o) => !o.result.ok).map((o) => o.name)).toHaveLength(15);
    expect(zipped.filter((o) => !o.result.ok).every((o) => /coverage\.json$/.test(o.name))).toBe(true);
    expect(ok.added).toBe(records.length);
  });
});
