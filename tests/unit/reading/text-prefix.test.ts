import { describe, expect, it } from 'vitest';
import { textOf } from '../../../lib/reading/text';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

describe('textOf with a bound', () => {
  const rows = Array.from(
    { length: 400 },
    (_, i) => `<tr><td>Glucose  #${i}</td><td>9${i % 10}\u00a0mg/dL</td><td> 70 - 99 </td></tr>`,
  ).join('');
  const body = page(`<h1>Results</h1><p>Collected  10/28/2026</p><table>${rows}</table><pre>a\n b\n\tc</pre>`);
  const whole = textOf(body);

  it.each([1, 17, 500, 5000])('reads a prefix at least %i characters long', (bound) => {
    const first = textOf(body, bound);
    expect(first.length).toBeGreaterThanOrEqual(Math.min(bound, whole.length));
    expect(whole.startsWith(first.slice(0, bound))).toBe(true);
    expect(first.slice(0, bound)).toBe(whole.slice(0, bound));
    // It stops early: far less than the whole 400-row table.
    if (bound < 1000) expect(first.length).toBeLessThan(whole.length / 4);
  });

  it('is the whole text when the bound is longer than the text', () => {
    expect(textOf(body, whole.length + 10)).toBe(whole);
  });
});
