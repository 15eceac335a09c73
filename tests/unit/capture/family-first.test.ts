import { describe, expect, it, vi } from 'vitest';
import { capturePage } from '../../../lib/capture';
import { familyReaders, FamilyReaderMissing, registerFamilyReaders } from '../../../lib/portals';

const page = (body: string) => new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');
// MyChart by its markup only: a loopback address names no family (like the bench's /generated/labs.html).
const url = 'http://127.0.0.1:8080/generated/labs.html';
const MYCHART =
  '<main><div class="ComponentCard"><h2>Potassium</h2><table><tr><th>Component</th><th>Value</th></tr>' +
  '<tr><td>Potassium</td><td>4.1 mmol/L</td></tr></table></div></main>';

describe("a family recognised by its markup asks for its reader before the page's walk", () => {
  it('stops before looking for shadow roots, frames or embeds, and reads once the reader is there', async () => {
    const doc = page(MYCHART);
    const walk = vi.spyOn(doc, 'getElementsByTagName');
    registerFamilyReaders({ 'epic-mychart': undefined as never });
    try {
      await expect(capturePage(window, doc, url, { inlineImage: async () => null })).rejects.toThrow(
        FamilyReaderMissing,
      );
      // hasShadowRoots asks every element by getElementsByTagName('*'): not reached.
      expect(walk).not.toHaveBeenCalled();
    } finally {
      registerFamilyReaders(familyReaders);
    }
    const read = await capturePage(window, doc, url, { inlineImage: async () => null });
    expect(read.ok && read.records.map((r) => r.provenance.portal)).toEqual(['epic-mychart']);
  });
});
