import { describe, expect, it } from 'vitest';
import { ImportReport } from '../../../components/ImportReport';
import { StructuredSummary } from '../../../components/StructuredSummary';
import { mount } from './render';

describe('StructuredSummary for the coded lists', () => {
  it('shows allergies with substance, reaction, severity, status and code, as text', () => {
    const host = mount(
      <StructuredSummary
        data={{
          type: 'allergies',
          allergies: [
            {
              substance: 'Codeine <script>',
              reaction: 'Nausea',
              severity: 'Moderate',
              status: 'Active',
              code: { system: 'RxNorm', code: '2670', display: 'Codeine' },
            },
          ],
        }}
      />,
    );
    expect([...host.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Substance',
      'Reaction',
      'Severity',
      'Status',
      'Onset',
      'Code',
    ]);
    expect([...host.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual([
      'Codeine <script>',
      'Nausea',
      'Moderate',
      'Active',
      '',
      'RxNorm 2670',
    ]);
    expect(host.querySelector('tbody script')).toBeNull();
  });

  it('shows family history with the relative, the condition and whether they died of it', () => {
    const host = mount(
      <StructuredSummary
        data={{
          type: 'family-history',
          members: [
            { relationship: 'Father', condition: 'Myocardial infarction', onsetAge: '57 years', deceased: true },
          ],
        }}
      />,
    );
    expect([...host.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual([
      'Father',
      'Myocardial infarction',
      '57 years',
      'yes',
      '',
    ]);
  });

  it('names the section a verbatim note keeps', () => {
    const host = mount(
      <StructuredSummary
        data={{
          type: 'note',
          noteType: 'Insurance Providers',
          paragraphs: ['Good Health Insurance'],
          section: { code: '48768-6', title: 'Insurance Providers' },
        }}
      />,
    );
    expect(host.querySelector('[data-testid="structured-section"]')?.textContent).toContain(
      'Insurance Providers (LOINC 48768-6)',
    );
  });
});

describe('ImportReport', () => {
  it('lists every section with what became of it, and the documents the zip lacked', () => {
    const host = mount(
      <ImportReport
        missing={['IHE_XDM/SUBSET01/DOC0002.XML']}
        reports={[
          {
            source: 'summary.xml',
            title: 'Health Summary',
            sections: [
              { title: 'Allergies', code: '48765-2', outcome: 'structured', kind: 'allergy', records: 1, entries: 3 },
              { title: 'Plan of Care', code: '18776-5', outcome: 'structured', kind: 'plan', records: 1 },
              { title: 'Insurance Providers', code: '48768-6', outcome: 'verbatim', kind: 'other', records: 1 },
              { title: 'Assessment', outcome: 'verbatim', kind: 'note', records: 1, partOf: 'Progress Note' },
              { title: 'Functional Status', outcome: 'empty', records: 0 },
            ],
          },
        ]}
      />,
    );
    expect(host.querySelector('[data-testid="import-missing"]')?.textContent).toContain(
      'IHE_XDM/SUBSET01/DOC0002.XML is listed',
    );
    expect(host.querySelector('summary')?.textContent).toBe('What the file held: 1 document(s), 5 section(s)');
    expect([...host.querySelectorAll('[data-testid="import-report-section"]')].map((li) => li.textContent)).toEqual([
      'Allergies: 3 item(s) in 1 record(s) of “Allergies” · LOINC 48765-2',
      'Plan of Care: 1 record(s) of “Treatment plans” · LOINC 18776-5',
      'Insurance Providers: kept as written, in “Other” · LOINC 48768-6',
      'Assessment: kept as written in the record “Progress Note”',
      'Functional Status: empty in the file',
    ]);
  });

  it('names a document of the zip that could not be read, with the reason', () => {
    const host = mount(
      <ImportReport
        reports={[]}
        unreadable={[{ path: 'IHE_XDM/SUBSET01/DOC0002.XML', error: 'not-xml', detail: 'line 1' }]}
      />,
    );
    expect(host.querySelector('[data-testid="import-unreadable"]')?.textContent).toBe(
      'IHE_XDM/SUBSET01/DOC0002.XML in the zip could not be read: the file is not XML (it may be damaged, or another kind of file with an .xml name). The other documents were imported. (line 1)',
    );
  });
});
