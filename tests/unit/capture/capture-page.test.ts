import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture-page';
import { CapturedRecord } from '../../../lib/core/model';

/** The whole capture path in happy-dom: adapter records become snapshots that pass the schema. */
describe('capturePage with portal adapters', () => {
  it('turns a page with two panels into two valid records', async () => {
    const html = readFileSync(join(import.meta.dirname, '../../fixtures/portals/epic-mychart/two-panels.html'), 'utf8');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const outcome = await capturePage(
      window as unknown as Window,
      document,
      'https://portal.example.org/MyChart/app/test-results?token=abc',
      {
        inlineImage: async () => null,
      },
    );
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

describe('capturePage attachments', () => {
  const load = (path: string) => {
    const html = readFileSync(join(import.meta.dirname, '../../demo-portal', path), 'utf8');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  };

  it('gives each record the files linked from its own part of the page', async () => {
    load('mychart/test-results/results-list.html');
    const outcome = await capturePage(
      window as unknown as Window,
      document,
      'http://127.0.0.1:8080/mychart/test-results/results-list.html',
      { inlineImage: async () => null },
    );
    if (!outcome.ok) throw new Error(outcome.error);
    const byTitle = Object.fromEntries(
      outcome.records.map((r, i) => [r.title, outcome.attachments[i]!.map((a) => a.url)]),
    );
    expect(byTitle['Lipid Panel']).toEqual(['http://127.0.0.1:8080/mychart/documents/lipid-panel-report.pdf']);
    expect(byTitle['Urinalysis']).toEqual(['http://127.0.0.1:8080/mychart/documents/session-expired.pdf']);
    expect(outcome.warnings).toContain('content-not-loaded');
  });

  it('lets a lone record own the download links of the whole page', async () => {
    load('athena/pathology/report.html');
    const outcome = await capturePage(
      window as unknown as Window,
      document,
      'http://127.0.0.1:8080/athena/pathology/report.html',
      { inlineImage: async () => null },
    );
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.records).toHaveLength(1);
    expect(outcome.attachments[0]).toEqual([
      {
        url: 'http://127.0.0.1:8080/athena/pathology/surgical-pathology-report.pdf',
        name: 'surgical-pathology-report.pdf',
        source: 'link',
        expectFile: true,
      },
    ]);
  });
});
