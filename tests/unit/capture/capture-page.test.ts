import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture-page';
import { CapturedRecord } from '../../../lib/model';

/** The whole capture path in happy-dom: adapter records become snapshots that pass the schema. */
describe('capturePage with portal adapters', () => {
  it('turns a page with two panels into two valid records', async () => {
    const html = readFileSync(join(import.meta.dirname, '../../fixtures/portals/epic-mychart/two-panels.html'), 'utf8');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const outcome = await capturePage(window as unknown as Window, document, 'https://portal.example.org/MyChart/app/test-results?token=abc', {
      inlineImage: async () => null,
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.records.map((r) => r.title)).toEqual(['Lipid Panel', 'Urinalysis']);
    for (const record of outcome.records) {
      expect(CapturedRecord.safeParse(record).success).toBe(true);
      expect(record.provenance).toMatchObject({ portal: 'epic-mychart', path: '/MyChart/app/test-results' });
    }
    expect(outcome.records[1]?.text).toContain('Protein, Urine');
    expect(outcome.records[1]?.text).not.toContain('Cholesterol');
  });
});
