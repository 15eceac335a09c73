// The incremental JSON scanner gives the same values as JSON.parse, wherever the chunks split the text.
import { describe, expect, it } from 'vitest';
import { JsonScanner, JsonSyntaxError, type ScannedValue } from '../../../lib/fhir/json-scan';

function scanIn(text: string, size: number): ScannedValue[] {
  const scanner = new JsonScanner();
  const out: ScannedValue[] = [];
  for (let at = 0; at < text.length; at += size) out.push(...scanner.push(text.slice(at, at + size)));
  out.push(...scanner.end());
  return out;
}

const tricky = {
  resourceType: 'Observation',
  id: 'o-1',
  // Quotes, backslashes (an even run before a quote), brackets and braces inside strings, unicode, escapes.
  note: [{ text: 'He said "fine" \\ then {left} [right] \\\\' }, { text: 'caf\u00e9 \u2713 \ud83d\ude00 \n tab\t' }],
  valueQuantity: { value: -1.5e-3, unit: 'mg/dL' },
  component: [[], {}, [[[]]], null, true, false, 0, ''],
};

describe('JSON scanner', () => {
  it('a Bundle: each entry whole and equal to JSON.parse, for chunks of 1 to 17 characters', () => {
    const entries = [tricky, { ...tricky, id: 'o-2' }, { resourceType: 'Basic', id: 'b' }].map((resource, i) => ({
      fullUrl: `urn:uuid:${i}`,
      resource,
    }));
    const text = `\uFEFF  {"resourceType": "Bundle", "type": "collection",\n "entry": [\n${entries
      .map((e) => JSON.stringify(e, null, 1))
      .join(',\n')}\n], "total": 3 }\n`;
    for (let size = 1; size <= 17; size++) {
      const values = scanIn(text, size);
      expect(values.map((v) => v.kind)).toEqual(['entry', 'entry', 'entry']);
      expect(values.map((v) => v.value)).toEqual(entries);
      // Lines counted across chunks: the first entry starts on line 3.
      expect(values[0]!.line).toBe(3);
    }
  });

  it('a top-level array, NDJSON and single values come out whole', () => {
    const ndjson = [tricky, { resourceType: 'Basic', id: 'b' }].map((r) => JSON.stringify(r)).join('\r\n');
    for (const size of [1, 2, 3, 5, 64, 10_000]) {
      expect(scanIn(JSON.stringify([tricky, 1, 'x']), size).map((v) => [v.kind, v.value])).toEqual([
        ['element', tricky],
        ['element', 1],
        ['element', 'x'],
      ]);
      expect(scanIn(ndjson, size).map((v) => [v.kind, v.value, v.line])).toEqual([
        ['value', tricky, 1],
        ['value', { resourceType: 'Basic', id: 'b' }, 2],
      ]);
      expect(scanIn('42', size).map((v) => v.value)).toEqual([42]);
      expect(scanIn('"a\\"b"', size).map((v) => v.value)).toEqual(['a"b']);
    }
  });

  it('a Bundle whose resourceType comes after its entries is read whole, as one value', () => {
    const bundle = { entry: [{ resource: tricky }], resourceType: 'Bundle' };
    expect(scanIn(JSON.stringify(bundle), 7).map((v) => [v.kind, v.value])).toEqual([['value', bundle]]);
  });

  it('malformed JSON anywhere is an error naming its line, also after many good entries', () => {
    const good = Array.from({ length: 500 }, (_, i) => `{"resource":{"resourceType":"Basic","id":"b${i}"}}`);
    const cases: [string, number, RegExp][] = [
      [`{"resourceType":"Bundle","entry":[\n${good.join(',\n')},\n{"resource": {"id": }}\n]}`, 502, /./],
      [`{"resourceType":"Bundle","entry":[\n${good.join(',\n')}\n]`, 502, /ends before the JSON is complete/],
      [`{"resourceType":"Bundle","entry":[\n${good.join(',\n')}\n,]}`, 502, /a value was expected/],
      [`{"resourceType":"Bundle","entry":[\n${good.join(',\n')}\n] "x": 1}`, 502, /',' or '}' was expected/],
      [`{"resourceType":"Bundle","entry":[\n${good.join(',\n')}\n]}`.replace('"b7"', '"b7'), 9, /./],
      ['{"resourceType" "Basic"}', 1, /':' was expected/],
      ['{resourceType: "Basic"}', 1, /property name/],
      ['[1, 2', 1, /ends before/],
      ['{"a": "never closed', 1, /ends inside a value/],
      ['', 1, /no JSON value/],
      ['  \n ', 1, /no JSON value/],
    ];
    for (const [text, line, reason] of cases) {
      for (const size of [3, 1000, 1 << 20]) {
        let error: unknown;
        try {
          scanIn(text, size);
        } catch (caught) {
          error = caught;
        }
        expect(error, text.slice(-40)).toBeInstanceOf(JsonSyntaxError);
        expect((error as JsonSyntaxError).line, text.slice(-40)).toBe(line);
        expect((error as JsonSyntaxError).reason).toMatch(reason);
      }
    }
  });

  it('a backslash run split between two chunks still escapes (or not) the quote after it', () => {
    const value = { text: 'a\\"b\\\\', next: 'c' };
    const text = JSON.stringify(value);
    for (let cut = 1; cut < text.length; cut++) {
      const scanner = new JsonScanner();
      const out = [...scanner.push(text.slice(0, cut)), ...scanner.push(text.slice(cut)), ...scanner.end()];
      expect(out.map((v) => v.value)).toEqual([value]);
    }
  });
});
