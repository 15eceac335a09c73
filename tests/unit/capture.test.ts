// @vitest-environment jsdom
// DOMPurify does not sanitize under happy-dom (it returns scripts intact); jsdom is what DOMPurify is tested on.
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../lib/capture/capture-page';
import { cleanSourceUrl, isScriptableUrl, originPattern } from '../../lib/reading/clean-url';
import { findClinicalDate, parseDate } from '../../lib/reading/dates';
import { guessKind } from '../../lib/reading/kind';
import { sanitizeSnapshot } from '../../lib/sanitize/sanitize';
import { textOf } from '../../lib/reading/text';

describe('source address', () => {
  it('drops query strings, fragments and credentials', () => {
    expect(
      cleanSourceUrl('https://user:pw@portal.example.org/MyChart/app/test-results?id=123&csrf=abc#details'),
    ).toEqual({
      origin: 'https://portal.example.org',
      path: '/MyChart/app/test-results',
      url: 'https://portal.example.org/MyChart/app/test-results',
    });
  });
  it('gives a per-host permission pattern without the port', () => {
    expect(originPattern('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1/*');
    expect(originPattern('chrome://settings')).toBeNull();
  });
  it('knows which pages cannot be scripted', () => {
    expect(isScriptableUrl('https://portal.example.org/results')).toBe(true);
    for (const url of [
      'chrome://extensions',
      'about:blank',
      'https://chromewebstore.google.com/x',
      'https://addons.mozilla.org/',
      'https://x.org/report.PDF',
      'file:///tmp/a.html',
      undefined,
    ])
      expect(isScriptableUrl(url)).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['Collected 10/28/2026 8:14 AM', '2026-10-28'],
    ['2026-11-03T10:00', '2026-11-03'],
    ['Nov 3, 2026', '2026-11-03'],
    ['3 November 2026', '2026-11-03'],
    ['10-28-26', '2026-10-28'],
  ])('parses %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it('rejects impossible dates', () => {
    expect(parseDate('02/30/2026')).toBeUndefined();
    expect(parseDate('13/01/2026')).toBeUndefined();
  });
  it('prefers a labelled clinical date over an earlier one', () => {
    expect(findClinicalDate('Printed 11/20/2026\nDate of service: 10/14/2026')).toBe('2026-10-14');
  });
});

describe('kind guessing', () => {
  it.each([
    ['CBC with Differential', 'Component Your Value Standard Range', 'lab'],
    ['CT CHEST W CONTRAST', 'FINDINGS ... IMPRESSION ... TECHNIQUE', 'imaging'],
    ['Surgical Pathology Report', 'Specimen: left breast core biopsy', 'pathology'],
    ['Office Visit Note', 'Chief Complaint. History of Present Illness. Assessment', 'note'],
    ['Medications', 'tablet, refills', 'medication'],
    ['Operative Report', 'Procedure note', 'surgical'],
    ['Welcome', 'Hello', 'other'],
  ] as const)('%s -> %s', (title, text, kind) => expect(guessKind(title, text)).toBe(kind));
});

describe('sanitizing', () => {
  it('removes scripts, handlers, forms, frames and remote references', () => {
    const dirty = `<p onclick="alert(1)">Hi<script>alert(2)</script></p><img src="https://evil.example/x.png" onerror="alert(3)">
      <form action="https://evil.example"><input name="q"></form><iframe src="https://evil.example"></iframe>
      <a href="javascript:alert(4)">x</a><a href="https://evil.example/leak">y</a><div style="background:url(https://evil.example/c)">z</div>
      <svg><image href="https://evil.example/i.png"/></svg><img src="data:image/png;base64,AAAA">`;
    const clean = sanitizeSnapshot(window, dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|<form|<input|<iframe|javascript:|evil\.example/i);
    expect(clean).toContain('data:image/png;base64,AAAA');
    expect(clean).toContain('Hi');
  });

  it('keeps "javascript:" when it is only words in a text attribute, and still refuses it in a link', () => {
    const clean = sanitizeSnapshot(
      window,
      '<p title="javascript: not a link">t</p><img alt="javascript:alert(1)" src="data:image/png;base64,AAAA">',
    );
    expect(clean).toContain('title="javascript: not a link"');
    expect(sanitizeSnapshot(window, '<a href="javascript:alert(1)">x</a>')).not.toContain('javascript:');
  });
});

describe('snapshot copy', () => {
  it('is made in a document without a browsing context, so copying fetches nothing again', async () => {
    document.body.replaceChildren();
    const main = document.createElement('main');
    const img = document.createElement('img');
    img.setAttribute('src', 'https://tracker.example/pixel.gif');
    const heading = document.createElement('h1');
    heading.textContent = 'Results';
    main.append(heading, img);
    document.body.append(main);
    const copies: Document[] = [];
    const original = Document.prototype.importNode;
    Document.prototype.importNode = function <T extends Node>(this: Document, node: T, deep?: boolean): T {
      if (node === (main as Node)) copies.push(this);
      return original.call(this, node, deep) as T;
    };
    try {
      const { buildSnapshot } = await import('../../lib/capture/snapshot');
      const snapshot = await buildSnapshot(window, main, new URL('https://portal.example.org/r'), async () => null);
      expect(snapshot.html).toContain('Results');
      expect(snapshot.html).not.toContain('tracker.example');
    } finally {
      Document.prototype.importNode = original;
    }
    // The live element is copied exactly once, into an inert document (not cloned in the live page).
    expect(copies).toHaveLength(1);
    expect(copies[0]).not.toBe(document);
    expect(copies[0]?.defaultView).toBeNull();
  });
});

describe('text', () => {
  it('keeps blocks on lines and table cells tab-separated', () => {
    document.body.replaceChildren();
    const table = document.createElement('div');
    table.append(Object.assign(document.createElement('h1'), { textContent: 'Panel' }));
    const t = document.createElement('table');
    const row = t.insertRow();
    row.insertCell().textContent = 'WBC';
    row.insertCell().textContent = '11.9 K/uL';
    table.append(t);
    expect(textOf(table)).toBe('Panel\nWBC\t11.9 K/uL');
  });
});

describe('capturePage', () => {
  const page = (body: string, title = 'Test Details - MyChart') => {
    const doc = document.implementation.createHTMLDocument(title);
    doc.body.append(document.createRange().createContextualFragment(body));
    return doc;
  };

  it('produces a sanitized record with provenance, kind and date, inlining same-origin images only', async () => {
    const doc = page(
      '<main><h1>CBC with Differential</h1><p>Collected 10/28/2026</p><p>Standard Range 3.4 - 10.8</p><img src="/img/a.png"><img src="https://cdn.example/b.png"><script>x()</script></main>',
    );
    const asked: string[] = [];
    const outcome = await capturePage(window, doc, 'https://portal.example.org/MyChart/results?id=9#top', {
      inlineImage: async (url) => (asked.push(url), 'data:image/png;base64,QUJD'),
    });
    expect(asked).toEqual(['https://portal.example.org/img/a.png']);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const [record] = outcome.records;
    expect(record).toMatchObject({
      kind: 'lab',
      title: 'CBC with Differential',
      clinicalDate: '2026-10-28',
      provenance: {
        origin: 'https://portal.example.org',
        path: '/MyChart/results',
        pageTitle: 'Test Details - MyChart',
      },
    });
    expect(record!.snapshotHtml).toContain('data:image/png;base64,QUJD');
    expect(record!.snapshotHtml).not.toMatch(/script|cdn\.example/);
    expect(outcome.warnings).toEqual(['images-not-kept:1']);
  });

  it('clips only the selection when asked', async () => {
    const doc = page('<main><h1>Note</h1><p id="a">Keep this paragraph.</p><p id="b">Not this one.</p></main>');
    const range = doc.createRange();
    range.selectNodeContents(doc.getElementById('a')!);
    const outcome = await capturePage(window, doc, 'https://portal.example.org/n', {
      selection: range,
      inlineImage: async () => null,
    });
    expect(outcome.ok && outcome.records[0]!.text).toBe('Keep this paragraph.');
  });

  it('says there is nothing to clip on an empty page', async () => {
    const outcome = await capturePage(window, page('<main>   </main>'), 'https://portal.example.org/', {
      inlineImage: async () => null,
    });
    expect(outcome).toEqual({ ok: false, error: 'nothing-to-clip' });
  });
});
