import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../lib/core/model';
import { recordPageHtml } from '../../../lib/export/record-page';

const record = (overrides: Partial<CaseRecord>): CaseRecord => ({
  id: 'r1',
  caseId: 'c1',
  kind: 'allergy',
  title: 'Allergies',
  provenance: { portal: 'ccda', origin: 'file://', path: 'summary.xml', pageTitle: 'Health Summary' },
  snapshotHtml: '<pre>x</pre>',
  text: 'x',
  capturedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  contentHash: 'a'.repeat(64),
  note: '',
  ...overrides,
});

describe('record page: structured tables first', () => {
  it('puts an allergy table with every field before the snapshot, escaped', () => {
    const html = recordPageHtml(
      record({
        structured: {
          type: 'allergies',
          allergies: [
            {
              substance: 'Penicillin <img src=x onerror=alert(1)>',
              reaction: 'Hives',
              severity: 'Moderate to severe',
              status: 'Active',
              onset: '2011-02-15',
              code: { system: 'RxNorm', code: '314422' },
            },
          ],
        },
      }),
      '<pre>x</pre>',
    );
    const table = html.slice(
      html.indexOf('<h2>Allergies and intolerances</h2>'),
      html.indexOf('<div class="snapshot"'),
    );
    expect(table).toContain(
      '<th>Substance</th><th>Reaction</th><th>Severity</th><th>Status</th><th>Onset</th><th>Code</th>',
    );
    expect(table).toContain(
      '<td>Penicillin &lt;img src=x onerror=alert(1)&gt;</td><td>Hives</td><td>Moderate to severe</td><td>Active</td><td>2011-02-15</td><td>RxNorm 314422</td>',
    );
    expect(html).not.toContain('<img');
  });

  it('renders procedures, immunizations, visits, family and social history as tables too', () => {
    const page = (structured: CaseRecord['structured']) => recordPageHtml(record({ structured }), '');
    expect(page({ type: 'procedures', procedures: [{ name: 'Colonic polypectomy', date: '2011-02-15' }] })).toContain(
      '<td>Colonic polypectomy</td><td>2011-02-15</td>',
    );
    expect(page({ type: 'immunizations', immunizations: [{ vaccine: 'Influenza', lotNumber: 'A1' }] })).toContain(
      '<td>Influenza</td><td></td><td></td><td>A1</td>',
    );
    expect(
      page({ type: 'encounters', encounters: [{ type: 'Checkup', date: '2000-04-07', reason: 'Bronchitis' }] }),
    ).toContain('<td>Checkup</td><td>2000-04-07</td><td></td><td></td><td>Bronchitis</td>');
    expect(
      page({ type: 'family-history', members: [{ relationship: 'Father', condition: 'MI', deceased: true }] }),
    ).toContain('<td>Father</td><td>MI</td><td></td><td>yes</td>');
    expect(page({ type: 'entries', entries: [{ name: 'Smoking status', value: 'Never smoker' }] })).toContain(
      '<td>Smoking status</td><td>Never smoker</td>',
    );
  });

  it('names the document section a verbatim note keeps', () => {
    const html = recordPageHtml(
      record({
        kind: 'other',
        structured: {
          type: 'note',
          paragraphs: ['Good Health Insurance'],
          section: { code: '48768-6', title: 'Insurance <Providers>' },
        },
      }),
      '',
    );
    expect(html).toContain('Section of the document: Insurance &lt;Providers&gt; (LOINC 48768-6), kept as written.');
  });
});
