import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters, detectPortal } from '../../../lib/portals/registry';
import { signOf, type SignKind } from '../../../lib/portals/signs';
import { renderCcda } from '../../tools/ccda-corpus';
import { decodePage, parsePage } from '../../tools/load-page';

/**
 * Portal families recognised by their page as well as their host: each adapter's signs (README's portal
 * table says where each came from), each tried alone on a small page written here after its source, then
 * on the project's portal-like pages with their class names and ids taken away.
 */
const NEUTRAL = new URL('https://portal.example.org/records/page.html');
const adapter = (id: string) => adapters.find((a) => a.id === id)!;
const RESULTS = `<h2>Results</h2><table><tr><td>Potassium</td><td>5.9</td><td>mmol/L</td><td>3.5-5.1</td><td>H</td></tr>
  <tr><td>Sodium</td><td>139</td><td>mmol/L</td><td>135-145</td><td></td></tr></table>`;
const page = (head: string, body: string) => `<html><head>${head}</head><body><main>${body}</main></body></html>`;
const labRows = (doc: Document, url: URL) =>
  detectPortal(url, doc)
    .extract(doc, url)
    .flatMap((r) => (r.structured?.type === 'lab' ? r.structured.results.filter((row) => !row.unparsed) : []));

interface Case {
  family: string;
  sign: SignKind;
  source: string;
  html: string;
  url?: URL;
}

const cases: Case[] = [
  {
    family: 'epic-mychart',
    sign: 'hosts',
    source: 'host name',
    html: page('', RESULTS),
    url: new URL('https://mychart.example-health.org/x/'),
  },
  {
    family: 'epic-mychart',
    sign: 'paths',
    source: 'PORTALS.md /MyChart/ paths',
    html: page('', RESULTS),
    url: new URL('https://care.example.org/MyChart/app/test-results'),
  },
  {
    family: 'epic-mychart',
    sign: 'resources',
    source: 'saved MyChart page: scripts and styles under /mychartprd/',
    html: page(
      '<link rel="stylesheet" href="/mychartprd/en-US/styles/common.css"><script src="/mychartprd/scripts/core/core.min.js"></script>',
      RESULTS,
    ),
  },
  {
    family: 'epic-mychart',
    sign: 'resources',
    source: 'PORTALS.md: images load from /MyChart/Image/Load',
    html: page('', `${RESULTS}<img src="/MyChart/Image/Load?fileName=abc.png" alt="">`),
  },
  {
    family: 'epic-mychart',
    sign: 'text',
    source: 'saved MyChart page: span.copystring in the copyright line',
    html: page(
      '',
      `${RESULTS}<div class="copyright"><span class="copystring">MyChart&reg; licensed from Epic Systems Corporation</span> &copy; 1999 - 2016</div>`,
    ),
  },
  {
    family: 'cerner-healthelife',
    sign: 'text',
    source: 'the brand in the title (demo portal page)',
    html: page('<title>Results | HealtheLife</title>', RESULTS),
  },
  {
    family: 'cerner-healthelife',
    sign: 'resources',
    source: 'its own /healthelife/ paths',
    html: page('<link rel="stylesheet" href="/healthelife/styles/site.css">', RESULTS),
  },
  {
    family: 'athenahealth',
    sign: 'columns',
    source: 'PORTALS.md: athena results table columns',
    html: page(
      '',
      `<table><thead><tr><th>Created Date</th><th>Observation Date</th><th>Name</th><th>Description</th><th>Value</th><th>Unit</th><th>Range</th><th>Abnormal Flag</th></tr></thead>
      <tbody><tr><td>10/02/2026</td><td>10/01/2026</td><td>TSH</td><td>Thyroid stimulating hormone</td><td>5.9</td><td>mIU/L</td><td>0.4-4.0</td><td>H</td></tr></tbody></table>`,
    ),
  },
  {
    family: 'followmyhealth',
    sign: 'columns',
    source: 'PORTALS.md: Date / Description / Value / Details',
    html: page(
      '',
      `<h2>Lipid Panel</h2><table><thead><tr><th>Date</th><th>Description</th><th>Value</th><th>Details</th></tr></thead>
      <tbody><tr><td>09/12/2026</td><td>LDL Cholesterol</td><td>162 mg/dL</td><td>Range: 0-99; Flag: H</td></tr></tbody></table>`,
    ),
  },
  {
    family: 'va-mhv',
    sign: 'markup',
    source: 'vets-website ChemHemResults.jsx: ul.result-cards',
    html: page(
      '<title>Lab and test results</title>',
      `<h1>Hemoglobin A1C</h1><ul class="result-cards"><li><h3>Hemoglobin A1C</h3><div><h4>Result</h4><p>7.1 %</p><h4>Reference range</h4><p>4.0-5.6</p></div></li></ul>`,
    ),
  },
  {
    family: 'va-mhv',
    sign: 'text',
    source: 'PORTALS.md: My HealtheVet',
    html: page('', `${RESULTS}<footer>My HealtheVet</footer>`),
  },
  {
    family: 'cerner-healthelife',
    sign: 'hosts',
    source: 'host name',
    html: page('', RESULTS),
    url: new URL('https://patientportal.cernerhealth.com/results'),
  },
  {
    family: 'cerner-healthelife',
    sign: 'paths',
    source: 'its own /healthelife/ path',
    html: page('', RESULTS),
    url: new URL('https://portal.example.org/healthelife/results'),
  },
  {
    family: 'athenahealth',
    sign: 'hosts',
    source: 'host name',
    html: page('', RESULTS),
    url: new URL('https://1234.portal.athenahealth.com/'),
  },
  {
    family: 'athenahealth',
    sign: 'paths',
    source: 'path /athena/',
    html: page('', RESULTS),
    url: new URL('https://portal.example.org/athena/results'),
  },
  {
    family: 'followmyhealth',
    sign: 'hosts',
    source: 'practice portals at <practice>.followmyhealth.com',
    html: page('', RESULTS),
    url: new URL('https://practice.followmyhealth.com/Login/Home/Index'),
  },
  {
    family: 'va-mhv',
    sign: 'hosts',
    source: 'host name',
    html: page('', RESULTS),
    url: new URL('https://www.va.gov/my-health/medical-records/labs-and-tests/'),
  },
  {
    family: 'healow-nextgen',
    sign: 'hosts',
    source: 'host name',
    html: page('', RESULTS),
    url: new URL('https://mycare.healow.com/results'),
  },
];

describe('portal families recognised by their page', () => {
  it.each(cases)('$family by $sign ($source)', ({ family, sign, html, url }) => {
    const doc = parsePage(html);
    const at = url ?? NEUTRAL;
    expect(signOf(adapter(family).signs!, at, doc)).toBe(sign);
    expect(detectPortal(at, doc).id).toBe(family);
    // The family's adapter reads the page, or hands it to the content reader: results are never lost.
    expect(labRows(doc, at).length).toBeGreaterThan(0);
  });

  it('every family has a test here for each kind of sign it lists (markup signs: the golden fixtures)', () => {
    for (const a of adapters.filter((x) => x.signs)) {
      const tested = new Set(cases.filter((c) => c.family === a.id).map((c) => c.sign));
      const untested = (Object.keys(a.signs!) as SignKind[]).filter((k) => k !== 'markup' && !tested.has(k));
      expect({ family: a.id, untested }).toEqual({ family: a.id, untested: [] });
    }
  });

  it('a page with no family sign goes to the generic reader, which still reads its results by content', () => {
    const doc = parsePage(
      page(
        '<title>Lab results</title><script src="/static/app.js"></script>',
        `${RESULTS}<footer>Example Clinic &copy; 2026</footer>`,
      ),
    );
    for (const a of adapters.filter((x) => x.signs)) expect(signOf(a.signs!, NEUTRAL, doc)).toBeUndefined();
    expect(detectPortal(NEUTRAL, doc).id).toBe('generic');
    expect(labRows(doc, NEUTRAL).map((r) => [r.test, r.numericValue])).toEqual([
      ['Potassium', 5.9],
      ['Sodium', 139],
    ]);
  });

  it("a link to another site's portal is not a sign of the page (a hospital home page linking to its MyChart)", () => {
    const doc = parsePage(
      page('', `${RESULTS}<a href="https://mychart.example-health.org/MyChart/">Log in to MyChart</a>`),
    );
    expect(detectPortal(NEUTRAL, doc).id).toBe('generic');
  });

  it('pages rendered from vendor C-CDA documents show no portal family (read by content)', () => {
    for (const stylesheet of ['cda', 'cda-core'] as const) {
      const doc = parsePage(
        renderCcda('sample_ccdas_Cerner_Samples_Transition_of_Care_Referral_Summary.xml', stylesheet),
      );
      expect(detectPortal(NEUTRAL, doc).id).toBe('generic');
    }
  });
});

describe("the project's portal-like pages without their class names and ids", () => {
  const ROOT = join(import.meta.dirname, '../../fixtures/portals');
  const load = (dir: string, name: string) => {
    const pointer = join(dir, `${name}.source`);
    const bytes = existsSync(pointer)
      ? readFileSync(join(import.meta.dirname, '../..', readFileSync(pointer, 'utf8').trim()))
      : readFileSync(join(dir, `${name}.html`));
    return parsePage(decodePage(bytes));
  };
  const stripped = (doc: Document) => {
    for (const el of Array.from(doc.querySelectorAll('*')))
      for (const attr of Array.from(el.attributes))
        if (attr.name === 'class' || attr.name === 'id' || attr.name.startsWith('data-')) el.removeAttribute(attr.name);
    return doc;
  };
  const pages = readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'generic')
    .flatMap((d) =>
      readdirSync(join(ROOT, d.name))
        .filter((f) => /\.(html|source)$/.test(f))
        .map((f) => ({ family: d.name, name: f.replace(/\.(html|source)$/, ''), dir: join(ROOT, d.name) })),
    );
  /** Which pages a content sign still finds once the markup is gone (decided from each page's content, by hand). */
  const STILL_FOUND: Record<string, SignKind> = {
    'athenahealth/results-table': 'columns',
    'epic-mychart/demo-cbc': 'resources',
    'followmyhealth/results': 'columns',
    'cerner-healthelife/demo-results': 'text',
    'cerner-healthelife/two-sections': 'text',
  };

  it.each(pages)('$family/$name', ({ family, name, dir }) => {
    const doc = stripped(load(dir, name));
    const expected = STILL_FOUND[`${family}/${name}`];
    expect(signOf(adapter(family).signs!, NEUTRAL, doc)).toBe(expected);
    // Found or not, its results are read: by its family's adapter, else by content.
    const withResults = load(dir, name);
    const structured = detectPortal(NEUTRAL, withResults).extract(withResults, NEUTRAL);
    expect(structured.length).toBeGreaterThan(0);
    expect(detectPortal(NEUTRAL, doc).id).toBe(expected ? family : 'generic');
  });
});
