import { describe, expect, it } from 'vitest';
import { sanitizeSnapshot, SanitizerFailedError } from '../../lib/capture/sanitize';

// happy-dom is a DOM under which DOMPurify silently leaves scripts in place: the sanitizer must refuse.
describe('sanitizer under a DOM that DOMPurify cannot protect', () => {
  it('throws instead of returning active markup', () => {
    expect(() => sanitizeSnapshot(window, '<p>Hi<script>alert(1)</script></p>')).toThrow(SanitizerFailedError);
    expect(() => sanitizeSnapshot(window, '<div>x<iframe src="https://evil.example/"></iframe></div>')).toThrow(
      SanitizerFailedError,
    );
  });
});
