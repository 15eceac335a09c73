import { describe, expect, it } from 'vitest';
import { recordImages } from '../../../lib/attachments/displayed-image';
import { findAttachments } from '../../../lib/attachments/links';
import { flattenPage, notLoadedHints } from '../../../lib/capture/flatten';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('flattenPage', () => {
  it('copies open shadow roots, with slotted light content, into a plain document', () => {
    const doc = page('<main><h1>Results</h1><result-card><span slot="value">6.1 %</span></result-card></main>');
    const host = doc.querySelector('result-card')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const h2 = doc.createElement('h2');
    h2.textContent = 'Hemoglobin A1c';
    const slot = doc.createElement('slot');
    slot.setAttribute('name', 'value');
    shadow.append(h2, slot);
    const flat = flattenPage(doc);
    expect(flat.doc).not.toBe(doc);
    expect(flat.doc.querySelector('result-card h2')?.textContent).toBe('Hemoglobin A1c');
    expect(flat.doc.querySelector('result-card')?.textContent).toContain('6.1 %');
    expect(flat.doc.querySelector('slot')).toBeNull();
    // The live page is untouched.
    expect(doc.querySelector('result-card')?.shadowRoot?.querySelector('slot')).not.toBeNull();
  });

  it('leaves a plain page alone and warns about load-more buttons', () => {
    const doc = page(
      '<main><table><tr><td>Glucose</td></tr></table><button>Show more results</button><div aria-busy="true"></div></main>',
    );
    const flat = flattenPage(doc);
    expect(flat.doc).toBe(doc);
    expect(flat.warnings).toEqual(['content-not-loaded']);
    expect(notLoadedHints(doc)).toBe(2);
    expect(flattenPage(page('<main><p>Done</p><button>Print</button></main>')).warnings).toEqual([]);
  });

  it('counts frames it cannot read', () => {
    const doc = page('<main><p>Report</p><iframe title="viewer"></iframe></main>');
    Object.defineProperty(doc.querySelector('iframe')!, 'contentDocument', { get: () => null });
    const flat = flattenPage(doc);
    expect(flat.warnings).toContain('frames-unreadable:1');
    expect(flat.doc.querySelector('iframe')).toBeNull();
  });
});

describe('canvases', () => {
  it('keeps a readable canvas as an image and warns about a tainted one', () => {
    const doc = page('<main><h1>Trend</h1><canvas id="ok"></canvas><canvas id="tainted"></canvas></main>');
    Object.defineProperty(doc.getElementById('ok')!, 'toDataURL', {
      value: () => 'data:image/png;base64,iVBORw0KGgo=',
    });
    Object.defineProperty(doc.getElementById('tainted')!, 'toDataURL', {
      value: () => {
        throw new DOMException('Tainted canvases may not be exported.', 'SecurityError');
      },
    });
    const flat = flattenPage(doc);
    expect(flat.warnings).toEqual(['canvas-unreadable']);
    expect(flat.doc.querySelectorAll('canvas')).toHaveLength(0);
    expect(flat.doc.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
  });
});

describe('findAttachments', () => {
  const url = new URL('https://portal.example.org/MyChart/results/1');
  it('finds same-origin document links and record images, never third-party ones', () => {
    const doc = page(`<main>
      <a href="/docs/report.pdf">Report</a>
      <a href="/MyChart/Document/Get?id=7">Download report</a>
      <a href="https://cdn.example.com/other.pdf">Elsewhere</a>
      <a href="/MyChart/help">Help</a>
      <a href="/MyChart/results/2">View report</a>
      <a href="javascript:void(0)">Download</a>
      <img src="/MyChart/Image/Load?fileName=scan.png" alt="Scan of the report">
      <img src="/icons/flag.png" width="16" height="16">
      <header><img src="/logo.png"></header>
    </main>`);
    expect(findAttachments(doc.body, url, recordImages)).toEqual([
      { url: 'https://portal.example.org/docs/report.pdf', name: 'report.pdf', source: 'link', expectFile: true },
      {
        url: 'https://portal.example.org/MyChart/Document/Get?id=7',
        name: 'Download report',
        source: 'link',
        expectFile: true,
      },
      { url: 'https://portal.example.org/MyChart/results/2', name: 'View report', source: 'link', expectFile: false },
      {
        url: 'https://portal.example.org/MyChart/Image/Load?fileName=scan.png',
        name: 'Scan of the report',
        source: 'image',
        expectFile: true,
      },
    ]);
  });
});
