import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Manifest } from '../../../lib/export/manifest';
import { packageEntries } from '../../../lib/export/package';
import type { PackageInput } from '../../../lib/export/package-input';
import { previewRedaction, REDACTED } from '../../../lib/export/redact';
import { dateVariants, detectIdentifiers } from '../../../lib/export/redact-patterns';
import { sha256Hex } from '../../../lib/core/hash';
import { collect, packageInput, RECORDS } from '../helpers/synthetic-case';

// Synthetic identifiers only (555-01xx phone numbers are reserved for fiction; example.com is reserved).
// The SSN-shaped value is assembled at run time so the fixture scan (CONVENTIONS.md) has nothing to flag.
const FAKE_SSN = ['123', '45', '6789'].join('-');
const PAGE_TEXT = `Patient: Alex Testperson  DOB: 03/14/1961  MRN: 00123456
Phone (555) 010-0199, email alex.t@example.com
Address: 123 Maple Street, Springfield, IL 62704
Account #: A998877  SSN ${FAKE_SSN}
Hemoglobin 11.2 g/dL on 2026-10-14`;

async function identifyingInput(): Promise<PackageInput> {
  const input = await packageInput();
  const pdf = new TextEncoder().encode('%PDF-1.4 synthetic');
  const [first, ...rest] = input.records;
  return {
    ...input,
    caseData: { ...input.caseData, title: 'Alex Testperson: lung nodule' },
    records: [
      {
        ...first!,
        title: 'CBC for TESTPERSON, ALEX',
        text: PAGE_TEXT,
        note: 'Asked Dr. Example to call 555-010-0123',
        provenance: {
          ...first!.provenance,
          path: '/MyChart/patients/7654321/results',
          pageTitle: 'Alex Testperson - Results',
        },
        snapshotHtml: `<div title="Alex Testperson"><p>Patient: Alex&nbsp;Testperson</p><p>DOB: 03/14/1961</p><p>MRN: 00123456</p><p>Hemoglobin <b>11.2</b></p></div>`,
      },
      ...rest,
    ],
    story: { reason: 'Alex Testperson wants a second look. Born March 14, 1961.' },
    attachments: [
      ...input.attachments!,
      {
        id: 'att-9',
        recordId: first!.id,
        name: 'Testperson_Alex_CBC.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
        sha256: await sha256Hex(pdf),
        data: pdf,
      },
    ],
  };
}

const OPTIONS = { names: ['Alex Testperson'], datesOfBirth: ['1961-03-14'] };
const SECRETS = [
  'Testperson',
  '03/14/1961',
  'March 14, 1961',
  '00123456',
  '010-0199',
  '010-0123',
  'alex.t@example.com',
  'Maple Street',
  'A998877',
  FAKE_SSN,
  '7654321',
];

describe('previewRedaction', () => {
  it('finds names, dates of birth, record and account numbers, addresses, phones, emails and address ids', async () => {
    const preview = previewRedaction(await identifyingInput(), OPTIONS);
    const byText = new Map(preview.findings.map((f) => [f.text, f]));
    expect(byText.get('Alex Testperson')).toMatchObject({ kind: 'name' });
    expect(byText.get('Alex Testperson')!.where).toEqual(
      expect.arrayContaining(['Case title', 'Record 2: page text', 'Story']),
    );
    expect(byText.get('TESTPERSON, ALEX') ?? byText.get('Testperson, Alex')).toMatchObject({ kind: 'name' });
    expect(byText.get('03/14/1961')).toMatchObject({ kind: 'date-of-birth' });
    expect(byText.get('March 14, 1961')).toMatchObject({ kind: 'date-of-birth' });
    expect(byText.get('00123456')).toMatchObject({ kind: 'record-number' });
    expect(byText.get('A998877')).toMatchObject({ kind: 'account-number' });
    expect(byText.get(FAKE_SSN)).toMatchObject({ kind: 'ssn' });
    expect(byText.get('(555) 010-0199')).toMatchObject({ kind: 'phone' });
    expect(byText.get('alex.t@example.com')).toMatchObject({ kind: 'email' });
    expect(byText.get('123 Maple Street, Springfield, IL 62704')).toMatchObject({ kind: 'street-address' });
    expect(byText.get('7654321')).toMatchObject({ kind: 'address-id', where: ['Record 2: source address'] });
    expect(preview.findings.some((f) => f.text.includes('11.2') || f.text.includes('2026-10-14'))).toBe(false);
    expect(preview.unredactedFiles).toEqual(
      expect.arrayContaining(['CT Report (final).PDF', 'Testperson_Alex_CBC.pdf']),
    );
  });

  it('removes every finding from every file of the exported copy and leaves clinical content', async () => {
    const input = await identifyingInput();
    const redacted = previewRedaction(input, OPTIONS).apply(input);
    const entries = await collect(packageEntries(redacted));
    for (const entry of entries) {
      if (/\.(pdf|png)$/.test(entry.path)) continue; // binary attachments are listed as not redactable
      expect(entry.path).not.toMatch(/testperson/i);
      const text = new TextDecoder().decode(entry.data);
      for (const secret of SECRETS) expect(text, `${entry.path} still holds ${secret}`).not.toContain(secret);
    }
    const manifest = Manifest.parse(JSON.parse(new TextDecoder().decode(entries.at(-1)!.data)));
    const cbc = manifest.records.find((r) => r.id === RECORDS[0]!.id)!;
    expect(cbc.title).toBe(`CBC for ${REDACTED}`);
    expect(cbc.provenance.path).toBe(`/MyChart/patients/${REDACTED}/results`);
    expect(cbc.attachments!.map((a) => a.name)).toContain(`${REDACTED} ${REDACTED} CBC.pdf`);
    const page = new TextDecoder().decode(entries.find((e) => e.path === cbc.files[0])!.data);
    expect(page).toContain(`<div title="${REDACTED}"><p>Patient: ${REDACTED}</p>`);
    expect(page).toContain('Hemoglobin <b>11.2</b>');
    expect(manifest.case.title).toBe(`${REDACTED}: lung nodule`);
  });

  it('keeps what the user unticked', async () => {
    const input = await identifyingInput();
    const redacted = previewRedaction(input, OPTIONS).apply(input, (f) => f.kind !== 'phone');
    expect(redacted.records[0]!.text).toContain('(555) 010-0199');
    expect(redacted.records[0]!.text).not.toContain('Testperson');
  });

  it('removes a name glued to the label before it, but not a name inside another word', async () => {
    const input = await packageInput();
    const [first, ...rest] = input.records;
    // Captured page text often joins a label cell to its value cell (seen on the demo MyChart pages).
    const glued = {
      ...input,
      records: [{ ...first!, text: 'Ordering providerDana R. Mercer, MD. Ordana clinic; DANA' }, ...rest],
    };
    const preview = previewRedaction(glued, { names: ['Dana R. Mercer'] });
    expect(preview.findings.find((f) => f.text === 'Dana')?.count).toBe(2);
    const text = preview.apply(glued).records[0]!.text;
    expect(text).toBe(`Ordering provider${REDACTED}, MD. Ordana clinic; ${REDACTED}`);
  });

  it('leaves the input untouched and the records unchanged when nothing is found', async () => {
    const input = await packageInput();
    const before = JSON.stringify(input.records);
    const preview = previewRedaction(input, {});
    expect(preview.findings).toEqual([]);
    expect(preview.apply(input).records).toBe(input.records);
    expect(JSON.stringify(input.records)).toBe(before);
  });

  it('leaves out the redaction choices and the patient details even when the names are found nowhere', async () => {
    const input = await packageInput();
    const details = {
      story: {},
      notApplicable: {},
      decision: {},
      redaction: { enabled: true, names: 'Juniper Quillfeather', dateOfBirth: '', rejected: [] },
      patient: { name: 'Juniper Quillfeather', birthDate: '1970-01-02' },
      updatedAt: '2026-12-01T10:00:00.000Z',
    };
    const withWorkspace = { ...input, workspace: { details, questions: [] } };
    const preview = previewRedaction(withWorkspace, { names: ['Juniper Quillfeather'] });
    expect(preview.findings).toEqual([]);
    expect(JSON.stringify(preview.apply(withWorkspace))).not.toContain('Quillfeather');
  });
});

describe('detectors', () => {
  it('do not take lab values, dates or reference ranges for phone numbers', () => {
    expect(detectIdentifiers('WBC 4.0-11.0 x10^3/uL on 2026-10-14; Platelets 150-450; Na 135-145 mmol/L')).toEqual([]);
  });
  it('print a date of birth the ways portals do', () => {
    expect(dateVariants('1961-03-04')).toEqual(
      expect.arrayContaining(['03/04/1961', '3/4/1961', 'March 4, 1961', 'Mar 4, 1961', '4 March 1961']),
    );
  });
});

// The redacted package is still valid FHIR.
const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate: (r: unknown, v?: boolean) => unknown[];
};
it('redacted FHIR bundle still passes the R4 schema', async () => {
  const input = await identifyingInput();
  const entries = await collect(packageEntries(previewRedaction(input, OPTIONS).apply(input)));
  const bundle = JSON.parse(new TextDecoder().decode(entries.find((e) => e.path === 'data/fhir-bundle.json')!.data));
  expect(new Validator().validate(bundle, true)).toEqual([]);
});

describe('detectors on a Spanish portal page', () => {
  // Wording of Spanish-language portal pages (MyChart en español, a Mexican hospital's summary), synthetic patient.
  const page = [
    'Paciente: Quillfeather, Rosa M. Fecha de nacimiento: 04/03/1961',
    'N.º de historia clínica: HC-204518 · ID de paciente: 88410027',
    'Número de cuenta: 77120045 · Nacida el 4 de marzo de 1961',
    'Teléfono: +52 55 5010 0199 · Tel. (33) 3616-4410',
    'Cuenta de leucocitos 6.7 x10^3/uL (4.0-11.0); Hemoglobina 13.2 g/dL; Plaquetas 250 (150-450)',
  ].join('\n');

  it('finds the labelled date of birth, record and account numbers, phones, and nothing in the lab values', () => {
    expect(detectIdentifiers(page)).toEqual([
      { kind: 'date-of-birth', text: '04/03/1961' },
      { kind: 'date-of-birth', text: '4 de marzo de 1961' },
      { kind: 'record-number', text: 'HC-204518' },
      { kind: 'record-number', text: '88410027' },
      { kind: 'account-number', text: '77120045' },
      { kind: 'phone', text: '+52 55 5010 0199' },
      { kind: 'phone', text: '(33) 3616-4410' },
    ]);
  });

  it('prints a given date of birth the Spanish ways too', () => {
    expect(dateVariants('1961-03-04')).toEqual(expect.arrayContaining(['4 de marzo de 1961', '4 mar 1961']));
  });
});
