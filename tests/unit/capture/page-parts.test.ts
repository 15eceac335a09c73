import { describe, expect, it } from 'vitest';
import { capturePage, PagePartsMissing, registerPageParts } from '../../../lib/capture';
import { hasOwnParts } from '../../../lib/capture/page-parts';
import { allPageParts } from '../fixtures/page-parts';

const page = (body: string) => new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');
const real = allPageParts;
const url = 'https://results.example.org/labs';
const TABLE =
  '<main><h1>Lab results</h1><table><tr><th>Test</th><th>Result</th><th>Units</th><th>Reference range</th></tr>' +
  '<tr><td>Potassium</td><td>4.1</td><td>mmol/L</td><td>3.5-5.1</td></tr></table></main>';

describe('page parts injected only into pages that have frames, canvases, shadow roots, embeds or images', () => {
  it('tells the pages that need them from those that do not', () => {
    expect(hasOwnParts(page(TABLE))).toBe(false);
    for (const part of [
      '<iframe></iframe>',
      '<canvas></canvas>',
      '<embed src="/a.pdf">',
      '<object data="/a.pdf"></object>',
      '<img src="/chart.png" alt="chart">',
      '<span role="img" aria-label="chart"></span>',
    ])
      expect(hasOwnParts(page(TABLE + part)), part).toBe(true);
    const withShadow = page(TABLE + '<div id="host"></div>');
    withShadow.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>inside</p>';
    expect(hasOwnParts(withShadow)).toBe(true);
  });

  it('reads a plain page the same without them, and asks for them on a page with an embed or an image', async () => {
    const withAll = await capturePage(window, page(TABLE), url, { inlineImage: async () => null });
    registerPageParts(undefined as never);
    try {
      const plain = await capturePage(window, page(TABLE), url, { inlineImage: async () => null });
      expect(plain).toEqual(withAll);
      await expect(
        capturePage(window, page(TABLE + '<embed src="/report.pdf" type="application/pdf">'), url, {
          inlineImage: async () => null,
        }),
      ).rejects.toThrow(PagePartsMissing);
      // An image in the record: shown as displayed and inlined by the parts' code, so asked for first.
      const withImage = TABLE.replace('</main>', '<img src="/scan.png" alt="Scan"></main>');
      await expect(capturePage(window, page(withImage), url, {})).rejects.toThrow(PagePartsMissing);
      // The safety net behind that check: a snapshot that reaches the image code without the parts asks for them.
      const parts = { ...real };
      registerPageParts(undefined as never);
      const { buildSnapshot } = await import('../../../lib/capture/snapshot');
      await expect(
        buildSnapshot(window, page(withImage).querySelector('main')!, new URL(url), parts.inlineImage),
      ).rejects.toThrow(PagePartsMissing);
    } finally {
      registerPageParts(real);
    }
  });
});
