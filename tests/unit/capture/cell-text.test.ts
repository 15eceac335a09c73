// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../lib/reading/dom';
import { textOf } from '../../../lib/reading/text';

/** What cellText promised before it was rewritten for speed: textOf on one line. */
const viaTextOf = (el: Element) =>
  textOf(el)
    .replace(/[\u00a0\s]+/g, ' ')
    .trim();

const SNIPPETS = [
  '<td>  7.2 </td>',
  '<td><b>Hgb</b>A1c</td>',
  '<td>Glucose<br>fasting</td>',
  '<div><p>one</p><p>two</p>three</div>',
  '<td>a<span> b </span>c&nbsp;d</td>',
  '<div><table><tr><td>x</td><td>y</td></tr><tr><th>z</th><td>w</td></tr></table></div>',
  '<div>before<script>alert(1)</script><style>p{}</style>after</div>',
  '<div><pre>  keep\n   lines  </pre>tail</div>',
  '<li>item<ul><li>nested</li></ul></li>',
  '<td></td>',
  '<td><!-- comment -->value</td>',
  '<div>x<section>y</section>z<i>w</i></div>',
];

describe('cellText', () => {
  it.each(SNIPPETS)('reads %s as textOf on one line', (html) => {
    const holder = document.createElement('table');
    const host =
      html.startsWith('<td') || html.startsWith('<th') ? document.createElement('tr') : document.createElement('div');
    holder.append(host);
    host.innerHTML = html;
    const el = host.firstElementChild!;
    expect(cellText(el)).toBe(viaTextOf(el));
  });

  it('reads nothing from script and style elements themselves', () => {
    const script = document.createElement('script');
    script.textContent = 'alert(1)';
    expect(cellText(script)).toBe('');
    expect(cellText(null)).toBe('');
  });
});
