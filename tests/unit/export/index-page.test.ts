import { describe, expect, it } from 'vitest';
import { packageEntries } from '../../../lib/export/package';
import { collect, packageInput } from '../helpers/synthetic-case';

async function indexDocument(overrides = {}): Promise<{ html: string; doc: Document; paths: string[] }> {
  const entries = await collect(packageEntries(await packageInput(overrides)));
  const html = new TextDecoder().decode(entries.find((e) => e.path === 'INDEX.HTM')!.data);
  return { html, doc: new DOMParser().parseFromString(html, 'text/html'), paths: entries.map((e) => e.path) };
}

const texts = (doc: Document, selector: string) =>
  Array.from(doc.querySelectorAll(selector), (n) => n.textContent!.trim());

describe('INDEX.HTM', () => {
  it('runs no script and loads nothing: CSP without script, no script elements or handlers', async () => {
    const { html, doc } = await indexDocument();
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(doc.querySelectorAll('script, iframe, object, embed, link[rel="stylesheet"]')).toHaveLength(0);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it('opens with the story, the reason and the questions in priority order', async () => {
    const { doc } = await indexDocument();
    expect(doc.querySelector('#reason + p')!.textContent).toBe('I want to know whether surgery is needed now.');
    expect(doc.body.textContent).toContain('A CT found a nodule.');
    expect(doc.body.textContent).toContain('Avoid surgery if it is safe to wait.');
    expect(doc.body.textContent).toContain('time-sensitive');
    const questions = texts(doc, '#questions + ol > li');
    expect(questions[0]).toMatch(/^Do you agree with the diagnosis\?/);
    expect(questions[1]).toMatch(/^What are the alternatives to lobectomy\?/);
    expect(questions[2]).toMatch(/^How many cases/);
    expect(doc.querySelector('#questions + ol > li a')!.getAttribute('href')).toMatch(
      /^records\/\d{4}_2026-10-20_imaging_.*\/record\.html$/,
    );
  });

  it('names the completeness gaps', async () => {
    const { doc } = await indexDocument();
    expect(doc.querySelector('#completeness + p')!.textContent).toContain('Known gaps: Imaging images');
    expect(doc.body.textContent).toContain('Request the CT images (DICOM) from radiology.');
  });

  it('lists records by kind, newest first, linking to pages and files that exist in the package', async () => {
    const { doc, paths } = await indexDocument();
    expect(texts(doc, 'h3[id^="kind-"]').map((t) => t.replace(/ \(\d+\)$/, ''))).toEqual([
      'Lab results',
      'Imaging reports',
      'Diagnosis and pathology reports',
      "Doctors' notes",
      'Medication lists',
      'Treatment plans',
    ]);
    expect(texts(doc, '#kind-lab + table tbody td:first-child')).toEqual(['2026-11-03', '2026-10-14']);
    const hrefs = Array.from(doc.querySelectorAll('a[href]'), (a) => a.getAttribute('href')!).filter(
      (h) => !h.startsWith('#'),
    );
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(paths).toContain(href);
  });

  it('has a lab table across dates with flags', async () => {
    const { doc } = await indexDocument();
    const header = texts(doc, '#labs ~ div table thead th');
    expect(header).toEqual(['Test', 'Unit', 'Reference range', '2026-10-14', '2026-11-03']);
    const hb = Array.from(doc.querySelectorAll('#labs ~ div table tbody tr')).find(
      (tr) => tr.querySelector('th')!.textContent === 'Hemoglobin',
    )!;
    expect(Array.from(hb.querySelectorAll('td'), (td) => td.textContent)).toEqual([
      'g/dL',
      '12.0-16.0',
      '11.2 L',
      '10.1 L',
    ]);
    expect(hb.querySelectorAll('td.flag')).toHaveLength(2);
    const crp = Array.from(doc.querySelectorAll('#labs ~ div table tbody tr')).find(
      (tr) => tr.querySelector('th')!.textContent === 'CRP',
    )!;
    expect(crp.textContent).toContain('<0.5');
  });

  it('lists the attached files', async () => {
    const { doc } = await indexDocument();
    expect(texts(doc, '#attachments + p + table tbody td:first-child')).toEqual([
      'ct-report-final.pdf',
      'key-image.png',
      'key-image-2.png',
      'con-file.txt',
    ]);
  });

  it('escapes what the patient or portal wrote', async () => {
    const input = await packageInput();
    const { html, doc } = await indexDocument({
      story: { reason: '<img src=x onerror=alert(1)>' },
      questions: [{ id: 'q', text: '"><script>alert(1)</script>', priority: 1 }],
      records: input.records.map((r, i) => (i === 0 ? { ...r, title: '<b onclick=x>CBC</b>' } : r)),
    });
    expect(doc.querySelectorAll('script, img, b')).toHaveLength(0);
    expect(html).toContain('&lt;script&gt;');
  });

  it('works without story, questions, completeness or attachments', async () => {
    const { doc } = await indexDocument({
      story: undefined,
      questions: undefined,
      completeness: undefined,
      attachments: undefined,
    });
    expect(doc.querySelector('#questions, #completeness, #attachments, #reason')).toBeNull();
    expect(doc.querySelector('#records')).not.toBeNull();
  });
});
