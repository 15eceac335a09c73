import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCcda } from '../../../lib/import/ccda';
import { THIRD_PARTY } from '../../harness/shared';
import { codedValues, corpusFiles } from '../../tools/ccda-corpus';
import { parseXmlDocument } from '../../tools/xml-parser';

/**
 * The C-CDA import against each vendor document's own coded entries, read by tests/tools/ccda-corpus.ts with
 * jsdom's XML parser and none of lib/ (the golden files are the import's output; this is its check from outside):
 * every coded physical quantity of a results or vital-signs section must come out as a row of that value and
 * unit, under one of the names the document gives the test.
 */
describe('C-CDA import keeps every coded value', () => {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const file of corpusFiles()) {
    it(file, () => {
      const coded = codedValues(file);
      const doc = parseCcda(readFileSync(join(THIRD_PARTY, 'ccda', file), 'utf8'), parseXmlDocument);
      const rows = doc.records.flatMap((r) => (r.structured?.type === 'lab' ? r.structured.results : []));
      const missing = coded.filter(
        (c) =>
          !rows.some(
            (r) =>
              r.numericValue === c.value &&
              norm(r.unit ?? '') === norm(c.unit) &&
              c.names.some((n) => norm(n) === norm(r.test)),
          ),
      );
      console.info(`${file}: ${coded.length - missing.length} of ${coded.length} coded values imported`);
      expect(missing.map((c) => `${c.names[0]} ${c.value} ${c.unit}`)).toEqual([]);
    });
  }
});
