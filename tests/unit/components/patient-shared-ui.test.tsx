import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultExportOptions, type ExportOptionsValue } from '../../../components/export-choices';
import { ExportOptions } from '../../../components/ExportOptions';
import { FhirReport } from '../../../components/FhirReport';
import { PatientForm } from '../../../components/PatientForm';
import { fire, mount } from './render';

// happy-dom has no requestIdleCallback; the record list waits for it (not needed here).
beforeEach(() => {
  vi.stubGlobal('requestIdleCallback', () => 0);
  vi.stubGlobal('cancelIdleCallback', () => undefined);
});
afterAll(() => vi.unstubAllGlobals());

const show = (value: Partial<ExportOptionsValue>, patientMissing = false, onChange = vi.fn()) => {
  const host = mount(
    <ExportOptions
      records={[]}
      value={{ ...defaultExportOptions(), ...value }}
      onChange={onChange}
      preview={{ state: 'off' }}
      patientMissing={patientMissing}
    />,
  );
  return { host, onChange, box: host.querySelector<HTMLInputElement>('[data-testid="export-patient-shared-box"]')! };
};

describe('the patient-shared bundle in the export screen', () => {
  it('is ticked by default, and the patient can untick it', () => {
    const { box, onChange } = show({});
    expect(box.checked).toBe(true);
    box.checked = false;
    fire(box, new Event('change', { bubbles: true }));
    const next = (onChange.mock.lastCall![0] as (v: ExportOptionsValue) => ExportOptionsValue)(defaultExportOptions());
    expect(next.patientShared).toBe(false);
  });

  it('says why when redaction leaves it out, and when About the patient is not filled', () => {
    const redacted = show({ redact: true });
    expect(redacted.box.disabled).toBe(true);
    expect(redacted.box.checked).toBe(false);
    expect(redacted.host.querySelector('[data-testid="patient-shared-why"]')!.textContent).toContain(
      'A redacted package has no patient-shared bundle',
    );
    const nameless = show({}, true);
    expect(nameless.host.querySelector('[data-testid="patient-shared-why"]')!.textContent).toContain(
      'About the patient',
    );
  });

  it('About the patient shows what was saved and offers the four sexes FHIR knows', () => {
    const host = mount(
      <PatientForm
        patient={{ name: 'Robin Demo-Patient', birthDate: '1961-04-12', sex: 'female' }}
        onField={vi.fn()}
      />,
    );
    expect(host.querySelector<HTMLInputElement>('[data-testid="patient-name"]')!.value).toBe('Robin Demo-Patient');
    expect(host.querySelector<HTMLInputElement>('[data-testid="patient-birth-date"]')!.value).toBe('1961-04-12');
    expect(host.querySelector<HTMLInputElement>('[data-testid="patient-sex-female"]')!.checked).toBe(true);
    expect(host.querySelectorAll('input[name="patient-sex"]')).toHaveLength(4);
  });

  it('the FHIR import report lists each type with what became of it, and each problem', () => {
    const host = mount(
      <FhirReport
        summary={{
          files: ['a.json'],
          report: [
            { resourceType: 'Condition', outcome: 'structured', count: 7 },
            { resourceType: 'Frobnicator', outcome: 'verbatim', count: 1 },
          ],
          problems: [
            {
              file: 'a.json',
              resource: 'DocumentReference/d1',
              problem: 'not-fetched',
              detail: 'https://example.org/x.pdf',
            },
          ],
          refused: [],
          patientFilled: true,
          storyRestored: false,
        }}
      />,
    );
    const text = host.textContent ?? '';
    expect(text).toContain('Condition: 7 became records with their structure');
    expect(text).toContain('Frobnicator: 1 kept as they came, with their text');
    expect(text).toContain(
      'a.json, DocumentReference/d1: an attachment is only an address and was not fetched: https://example.org/x.pdf',
    );
    expect(text).toContain('About the patient was filled in from the file.');
  });
});
