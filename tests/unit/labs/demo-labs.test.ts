import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../lib/core/model';
import { labMatrix, labTrends } from '../../../lib/labs';
import { detectPortal } from '../../../lib/portals';
import { decodePage, parsePage } from '../../tools/load-page';
import { caseRecord } from '../fixtures/records';

/** The demo portal's lab pages (what `npm run demo` clips), read by the real adapters. */
const PAGES = ['mychart/test-results/cbc.html', 'mychart/test-results/cmp.html', 'healthelife/results.html'];

function demoRecords(): CaseRecord[] {
  return PAGES.flatMap((page) => {
    const url = new URL(`http://127.0.0.1:8080/${page}`);
    const doc = parsePage(decodePage(readFileSync(join(import.meta.dirname, '../../demo-portal', page))));
    const adapter = detectPortal(url, doc);
    return adapter.extract(doc, url).map((r) =>
      caseRecord({
        kind: r.kind,
        title: r.title,
        clinicalDate: r.clinicalDate,
        structured: r.structured,
        provenance: { portal: adapter.id, origin: url.origin, path: url.pathname, pageTitle: r.title },
      }),
    );
  });
}

describe('the demo case', () => {
  it('trends its glucose results together: "Glucose" (MyChart) and "Glucose, Random" (HealtheLife)', () => {
    const trends = labTrends(demoRecords());
    const glucose = trends.filter((t) => /glucose/i.test(t.test));
    expect(glucose).toHaveLength(1);
    // By hand from the pages: HealtheLife 98 (06/15), 142 (09/02), 185 (10/21); MyChart CMP 104 (10/28).
    expect(glucose[0]!.points.map((p) => [p.date?.slice(0, 10), p.value, p.flag ?? '', p.portal])).toEqual([
      ['2026-06-15', '98', '', 'cerner-healthelife'],
      ['2026-09-02', '142', 'H', 'cerner-healthelife'],
      ['2026-10-21', '185', 'H', 'cerner-healthelife'],
      ['2026-10-28', '104', 'H', 'epic-mychart'],
    ]);
    expect(glucose[0]!.unit).toBe('mg/dL');
    expect(glucose[0]!.names).toEqual(['Glucose', 'Glucose, Random']);
  });

  it('keeps HbA1c apart from glucose, and lines up "Sodium" with "Sodium Lvl"', () => {
    const trends = labTrends(demoRecords());
    expect(trends.filter((t) => /a1c/i.test(t.test)).map((t) => t.points.map((p) => p.value))).toEqual([['7.2']]);
    const sodium = trends.filter((t) => /sodium/i.test(t.test));
    expect(sodium).toHaveLength(1);
    expect(sodium[0]!.points.map((p) => p.value)).toEqual(['131', '138']);
  });

  it('shows no value twice in any cell of the lab table', () => {
    const matrix = labMatrix(demoRecords());
    for (const row of matrix.rows)
      for (const values of row.cells.values()) {
        const shown = values.map((v) => `${v.time ?? ''} ${v.value}`);
        expect(new Set(shown).size).toBe(shown.length);
      }
    // Clipping the same pages twice (two records each) still shows every result once.
    const twice = labMatrix([...demoRecords(), ...demoRecords()]);
    expect(twice.rows.map((r) => [...r.cells.values()].flat().length)).toEqual(
      matrix.rows.map((r) => [...r.cells.values()].flat().length),
    );
  });
});
