import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedRecord } from '../../../lib/portals/types';
import { detectPortal } from '../../../lib/portals/registry';
import {
  codedValues,
  corpusFiles,
  NUMERIC_SECTIONS,
  renderCcda,
  STYLESHEETS,
  titledSections,
} from '../../tools/ccda-corpus';
import { type FoundRecord, scoreSections, scoreValues } from '../../tools/corpus-score';
import { parsePage } from '../../tools/load-page';

/**
 * Golden corpus written by others: every vendor C-CDA in shared/fixtures/third-party/ccda, rendered at
 * test time by both third-party stylesheets (xsltproc), read as a page. Expected values come from each
 * document's coded entries and titled sections (tests/tools/ccda-corpus.ts reads the XML on its own).
 */
const found = (records: ExtractedRecord[]): FoundRecord[] =>
  records.map((r) => ({
    kind: r.kind,
    title: r.title,
    rows: r.structured?.type === 'lab' ? r.structured.results : [],
  }));

const cases = corpusFiles().flatMap((file) => STYLESHEETS.map((stylesheet) => ({ file, stylesheet })));
const RESULTS = '30954-2';
const results = { coded: 0, found: 0, foundWithUnit: 0, disagree: 0 };
const totals = {
  disagree: 0,
  coded: 0,
  found: 0,
  foundWithUnit: 0,
  wrongTest: 0,
  pagesWithNone: 0,
  pages: 0,
  sections: 0,
  sectionsFound: 0,
};
const lines: string[] = [];

describe('rendered C-CDA corpus read as pages', () => {
  afterAll(() => {
    const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
    console.log(
      [
        ...lines,
        `RESULTS sections: ${results.coded} coded numeric values, recall ${pct(results.found, results.coded)} (test+value), ` +
          `${pct(results.foundWithUnit, results.coded)} (test+value+unit); ` +
          `the page shows another number than the code for ${results.disagree}: recall of what the page shows ` +
          `${pct(results.found, results.coded - results.disagree)}`,
        `TOTAL (results and vital signs) coded numeric values ${totals.coded}: recall ${pct(totals.found, totals.coded)} (test+value), ` +
          `${pct(totals.foundWithUnit, totals.coded)} (test+value+unit); page disagrees with code ${totals.disagree}, ` +
          `recall of what the page shows ${pct(totals.found, totals.coded - totals.disagree)}; wrong test ${totals.wrongTest}; ` +
          `pages with values that yielded none ${totals.pagesWithNone}/${totals.pages}; ` +
          `sections ${totals.sectionsFound}/${totals.sections} found with their kind`,
      ].join('\n'),
    );
  });

  it.each(cases)(
    '$file ($stylesheet)',
    ({ file, stylesheet }) => {
      const html = renderCcda(file, stylesheet);
      const url = new URL(`https://viewer.example.org/summary/${file.replace(/\.xml$/, '.html')}`);
      const doc = parsePage(html);
      const records = found(detectPortal(url, doc).extract(doc, url));
      const coded = codedValues(file);
      const values = scoreValues(coded, records);
      const sections = scoreSections(titledSections(file), records);
      const labValues = scoreValues(
        coded.filter((c) => c.sectionCode === RESULTS),
        records,
      );
      results.coded += labValues.coded;
      results.found += labValues.found;
      results.foundWithUnit += labValues.foundWithUnit;
      results.disagree += labValues.disagree;
      totals.disagree += values.disagree;
      totals.coded += values.coded;
      totals.found += values.found;
      totals.foundWithUnit += values.foundWithUnit;
      totals.wrongTest += values.wrongTest;
      if (values.coded > 0) totals.pages++;
      if (values.coded > 0 && values.found === 0) totals.pagesWithNone++;
      totals.sections += sections.expected;
      totals.sectionsFound += sections.found;
      lines.push(
        `${file} (${stylesheet}): values ${values.found}/${values.coded} (with unit ${values.foundWithUnit}, page disagrees ${values.disagree}), wrong test ${values.wrongTest}; ` +
          `sections ${sections.found}/${sections.expected}` +
          (values.missing.length ? `\n    missing values: ${values.missing.join('; ')}` : '') +
          (values.wrong.length ? `\n    WRONG: ${values.wrong.join('; ')}` : '') +
          (sections.missing.length ? `\n    missing sections: ${sections.missing.join('; ')}` : '') +
          (sections.wrongKind.length ? `\n    wrong kind: ${sections.wrongKind.join('; ')}` : ''),
      );
      expect(values.wrong).toEqual([]);
      expect(NUMERIC_SECTIONS.size).toBeGreaterThan(0);
      // Every titled section with content is its own record, of its kind.
      expect(sections.missing).toEqual([]);
      expect(sections.wrongKind).toEqual([]);
      // Results: every coded value the page itself shows is read, on its own test.
      expect(labValues.found).toBe(labValues.coded - labValues.disagree);
    },
    60_000,
  );

  it('reads at least 98% of the coded result values the pages show, none on the wrong test', () => {
    // Runs after the per-document cases (vitest runs a file's tests in order).
    expect(results.coded).toBeGreaterThan(60);
    expect(results.found / (results.coded - results.disagree)).toBeGreaterThanOrEqual(0.98);
    expect(totals.wrongTest).toBe(0);
    expect(totals.pagesWithNone).toBe(0);
  });
});
