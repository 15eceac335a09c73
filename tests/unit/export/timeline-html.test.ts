import { describe, expect, it } from 'vitest';
import { indexPageHtml } from '../../../lib/export/index-page';
import { caseRecord, labRecord } from '../fixtures/records';

const caseData = {
  id: 'c1',
  title: 'Lung nodule',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('INDEX.HTM timeline', () => {
  const records = [
    labRecord('lab', '2026-10-02', [{ test: 'Glucose', value: '131', unit: 'mg/dL', flag: 'H' }]),
    caseRecord({ id: 'ct', kind: 'imaging', title: 'CT CHEST <b>', clinicalDate: '2026-09-20' }),
  ];
  const html = indexPageHtml(
    caseData,
    records.map((record, i) => ({ record, href: `records/000${i + 1}/record.html` })),
    new Date('2026-11-25T10:00:00Z'),
    {
      opinions: [
        {
          id: 'o1',
          clinician: 'Dr. Okafor',
          institution: 'University Hospital',
          date: '2026-11-02',
          recommendedTreatment: 'Biopsy first',
        },
      ],
    },
  );
  const section = html.slice(html.indexOf('<h2 id="timeline">'));

  it('lists every entry oldest first, linked to its record page, from the nav', () => {
    expect(html).toContain('<a href="#timeline">Timeline</a>');
    const rows = [...section.matchAll(/<tr class="tl-(\w+)"><td>([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['report', '2026-09-20'],
      ['result', '2026-10-02'],
      ['opinion', '2026-11-02'],
    ]);
    expect(section).toContain('<a href="records/0001/record.html">CBC 2026-10-02</a>');
    expect(section).toContain('CT CHEST &lt;b&gt;');
    expect(section).toContain('Opinions (opinion received)');
  });

  it('filters by kind without script: a link per kind present and a :target rule hiding the others', () => {
    expect(html).not.toMatch(/<script/i);
    expect(section).toContain('<a href="#tl-result">Results (1)</a>');
    expect(section).toContain('#tl-result:target~table tbody tr:not(.tl-result){display:none}');
    expect(section).toContain('<span id="tl-result"></span>');
    expect(section).not.toContain('#tl-medication');
  });

  it('an empty case has no timeline section', () => {
    const empty = indexPageHtml(caseData, [], new Date('2026-11-25T10:00:00Z'));
    expect(empty).not.toContain('id="timeline"');
  });
});
