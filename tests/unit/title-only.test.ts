import { describe, expect, it } from 'vitest';
import { completeness } from '../../lib/case/completeness';
import { isTitleOnly, snapshotContent } from '../../lib/case/title-only';
import { indexPageHtml } from '../../lib/export/index-page';
import { caseRecord } from './fixtures/records';

const provenance = {
  portal: 'generic',
  origin: 'https://portal.example',
  path: '/docs/1',
  pageTitle: 'Document Viewer',
};
const record = (title: string, snapshotHtml: string) => ({ title, snapshotHtml, provenance });

describe('a record that holds only its title', () => {
  it('is a heading alone, or a heading with the page title, controls and empty frames', () => {
    expect(isTitleOnly(record('Surgical Pathology Report', '<main><h1>Surgical Pathology Report</h1></main>'), 0)).toBe(
      true,
    );
    expect(
      isTitleOnly(
        record(
          'Surgical Pathology Report',
          '<div><h1>Surgical Pathology Report</h1><div role="toolbar"><button>Print</button><span>Zoom</span></div>' +
            '<p>Document Viewer</p><div data-second-look-frame=""> \n </div><!-- frame --></div>',
        ),
        0,
      ),
    ).toBe(true);
    // Text under a second heading level is still only headings.
    expect(isTitleOnly(record('Results', '<h1>Results</h1><h2>Lipid Panel</h2><p> — </p>'), 0)).toBe(true);
  });

  it('is not a record with text, an image, results or a file', () => {
    const heading = '<h1>Surgical Pathology Report</h1>';
    expect(isTitleOnly(record('Surgical Pathology Report', `${heading}<p>Final diagnosis: benign.</p>`), 0)).toBe(
      false,
    );
    expect(
      isTitleOnly(record('Surgical Pathology Report', `${heading}<img src="data:image/png;base64,AAAA">`), 0),
    ).toBe(false);
    expect(isTitleOnly(record('Surgical Pathology Report', heading), 1)).toBe(false);
    expect(
      isTitleOnly(
        {
          ...record('Lipid Panel', '<h1>Lipid Panel</h1>'),
          structured: { type: 'lab', panel: { name: 'Lipid Panel' }, results: [{ test: 'LDL', value: '99' }] },
        },
        0,
      ),
    ).toBe(false);
    // A number alone is content (a value), not a separator.
    expect(isTitleOnly(record('Hemoglobin A1c', '<h1>Hemoglobin A1c</h1><span>6.1</span>'), 0)).toBe(false);
  });

  it('does not take a report "section" read from the bare heading for content', () => {
    expect(
      isTitleOnly(
        {
          ...record('Pathology Report', '<h1>Pathology Report</h1>'),
          structured: { type: 'report', sections: [{ heading: 'Report', text: 'Pathology Report' }] },
        },
        0,
      ),
    ).toBe(true);
  });

  it('reads text outside headings and controls from serialized HTML, entities decoded', () => {
    expect(
      snapshotContent('<h1>A &amp; B</h1><nav><a href="#">Home</a></nav><p>x &lt; 5&nbsp;mg</p><br><img src="a.png">'),
    ).toEqual({ text: expect.stringMatching(/^\s*x < 5 mg\s*$/), hasImage: true });
  });

  it('is not counted by the checklist as its family being present', () => {
    const titleOnly = caseRecord({ id: 'p1', kind: 'pathology', title: 'Biopsy', snapshotHtml: '<h1>Biopsy</h1>' });
    const withFile = caseRecord({ id: 'p2', kind: 'pathology', title: 'Biopsy', snapshotHtml: '<h1>Biopsy</h1>' });
    const pathology = (records: (typeof titleOnly)[], files: string[] = []) =>
      completeness(records, {
        notApplicable: {},
        attachments: files.map((recordId) => ({ recordId, mediaType: 'application/pdf', name: 'biopsy.pdf' })),
      }).find((item) => item.family === 'pathology');
    expect(pathology([titleOnly])).toMatchObject({ status: 'missing', count: 0, hint: 'hint_pathology' });
    expect(pathology([titleOnly, withFile], ['p2'])).toMatchObject({ status: 'present', count: 1 });
  });

  it('is flagged in INDEX.HTM', () => {
    const bare = caseRecord({ id: 'p1', kind: 'pathology', title: 'Biopsy', snapshotHtml: '<h1>Biopsy</h1>' });
    const full = caseRecord({
      id: 'p2',
      kind: 'note',
      title: 'Visit',
      snapshotHtml: '<h1>Visit</h1><p>Seen today.</p>',
    });
    const html = indexPageHtml(
      { id: 'c1', title: 'Case', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' },
      [
        { record: bare, href: 'records/0001/record.html' },
        { record: full, href: 'records/0002/record.html' },
      ],
      new Date('2026-11-02T00:00:00Z'),
    );
    expect(html).toMatch(/>Biopsy<\/a> <strong class="flag">\(only the title was captured\)<\/strong>/);
    expect(html).not.toMatch(/>Visit<\/a> <strong/);
  });
});
