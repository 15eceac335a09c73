import { describe, expect, it } from 'vitest';
import { assertInert, sanitizeSnapshot, SanitizerFailedError } from '../../lib/sanitize/sanitize';

// happy-dom is a DOM under which DOMPurify silently leaves scripts in place: the sanitizer must refuse.
describe('sanitizer under a DOM that DOMPurify cannot protect', () => {
  it('throws instead of returning active markup', () => {
    expect(() => sanitizeSnapshot(window, '<p>Hi<script>alert(1)</script></p>')).toThrow(SanitizerFailedError);
    expect(() => sanitizeSnapshot(window, '<div>x<iframe src="https://evil.example/"></iframe></div>')).toThrow(
      SanitizerFailedError,
    );
  });

  it.each([
    '<img src="x" onerror="alert(1)">',
    '<p ONCLICK="alert(1)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="  JavaScript:alert(1)">x</a>',
    '<div data-x="vbscript:msgbox">x</div>',
  ])('the fail-closed check refuses an active attribute left in place: %s', (markup) => {
    const body = new DOMParser().parseFromString(markup, 'text/html').body;
    expect(() => assertInert(body)).toThrow(SanitizerFailedError);
  });

  it('the fail-closed check lets words that look like a script address stay in text-only attributes', () => {
    const body = new DOMParser().parseFromString(
      '<abbr title="javascript: a language">JS</abbr><td abbr="vbscript:">x</td><p style="color: red">y</p>',
      'text/html',
    ).body;
    expect(() => assertInert(body)).not.toThrow();
  });
});
