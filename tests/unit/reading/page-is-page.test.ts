import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture';
import { recordsFromFile } from '../../../lib/import/files';
import { documentRoot } from '../../../lib/reading';
import { main } from '../../tools/extract';
import { renderCcda } from '../../tools/ccda-corpus';
import { parseXmlDocument } from '../../tools/xml-parser';

/** A page is a page by its root element, whatever its prolog; only a ClinicalDocument (or XDM) is C-CDA. */
const XHTML_PAGE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>Results - Health Summary</title></head>
<body><h1>Lab results</h1>
<table><thead><tr><th>Test</th><th>Value</th><th>Unit</th><th>Reference range</th></tr></thead>
<tbody><tr><td>Sodium</td><td>139</td><td>mmol/L</td><td>135-145</td></tr></tbody></table></body></html>`;
const ENTITIES = `<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<html><body>&lol2;</body></html>`;
const bytes = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text: string) => new File([text], name);

describe('what a saved document is', () => {
  it.each([
    ['XHTML with prolog and DOCTYPE', XHTML_PAGE, 'page'],
    ['plain HTML', '<!doctype html><html><body>x</body></html>', 'page'],
    ['html without namespace after a comment', '<!-- saved --><?xml-stylesheet href="a"?><html>', 'page'],
    ['prefixed XHTML root', '<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml"/>', 'page'],
    ['C-CDA', '<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>', 'clinical-document'],
    ['a page that declares entities', ENTITIES, 'xml'],
    ['other XML', '<?xml version="1.0"?><feed/>', 'xml'],
  ])('%s', (_, text, root) => expect(documentRoot(text)).toBe(root));
});

describe('npm run extract on saved pages', () => {
  it('reads an XHTML page with a prolog and DOCTYPE as a page, whatever its name', async () => {
    for (const name of ['summary.xhtml', 'summary.html', 'summary.xml']) {
      const output = await main([name], () => bytes(XHTML_PAGE));
      expect(output.errors).toBeUndefined();
      expect(output.records[0]).toMatchObject({ source: 'generic', kind: 'lab' });
      expect(output.records[0]?.results?.[0]).toMatchObject({ test: 'Sodium', value: '139', unit: 'mmol/L' });
    }
  });

  it("reads HL7's stylesheet output (prolog, XHTML DOCTYPE) as a page", async () => {
    const page = renderCcda('sample_ccdas_HL7_Samples_CCD.sample.xml', 'cda-core');
    expect(page.slice(0, 300)).toMatch(/^<\?xml[\s\S]*<!DOCTYPE html/);
    const output = await main(['ccd.xhtml'], () => bytes(page));
    expect(output.errors).toBeUndefined();
    expect(output.records.every((r) => r.source !== 'ccda')).toBe(true);
    expect(output.records.map((r) => r.title)).toEqual(
      expect.arrayContaining(['Results', 'Medications', 'Vital Signs']),
    );
  }, 30_000);

  it('still refuses a real XML document that declares entities', async () => {
    const output = await main(['bomb.xhtml'], () => bytes(ENTITIES));
    expect(output.records).toEqual([]);
    expect(output.errors?.[0]?.error).toMatch(/DOCTYPE or entities/);
  });
});

describe('file import of saved pages', () => {
  // jsdom, as in the CLI: happy-dom cannot sanitize a copied <body> (DOMPurify refuses to detach its nodes).
  const jsdom = new JSDOM('').window;
  const reader = {
    win: jsdom as unknown as Window,
    parseHtml: (html: string) => new jsdom.DOMParser().parseFromString(html, 'text/html'),
    readPage: (win: Window, doc: Document, url: string) =>
      capturePage(win, doc, url, { inlineImage: async () => null }),
  };

  it('imports an XHTML page with a prolog and DOCTYPE as a page, with a sanitized snapshot', async () => {
    const result = await recordsFromFile(file('results.xhtml', XHTML_PAGE), parseXmlDocument, reader);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.records[0]).toMatchObject({ kind: 'lab', provenance: { origin: 'file://', path: 'results.xhtml' } });
    expect(result.records[0]?.snapshotHtml).toContain('Sodium');
  });

  it('refuses a page that declares entities, with the XML reason', async () => {
    const result = await recordsFromFile(file('bomb.html', ENTITIES), parseXmlDocument, reader);
    expect(result).toMatchObject({ ok: false, error: 'bad-xml' });
    if (!result.ok) expect(result.detail).toMatch(/DOCTYPE or entities/);
  });

  it('still reads a C-CDA as a C-CDA', async () => {
    const xml = '<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"><title>x</title></ClinicalDocument>';
    const result = await recordsFromFile(file('doc.xml', xml), parseXmlDocument, reader);
    expect(result.ok ? 'records' : result.error).not.toBe('unsupported');
  });
});
