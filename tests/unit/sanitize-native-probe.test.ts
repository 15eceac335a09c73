import { describe, expect, it } from 'vitest';
import { sanitizeElementToBody, sanitizeToBody, SanitizerFailedError } from '../../lib/sanitize/sanitize';

/**
 * A window whose "Sanitizer API" is broken in a given way: the native path must notice on its probe
 * (once per window) and refuse every snapshot, never return what the broken sanitizer let through.
 */
function windowWith(parseHTML: (html: string) => Document): Window {
  let parses = 0;
  const win = {
    Sanitizer: class {},
    Document: {
      parseHTML: (html: string) => {
        parses++;
        return parseHTML(html);
      },
    },
    DOMParser,
    get parses() {
      return parses;
    },
  };
  return win as unknown as Window;
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the native sanitizer is probed before it is trusted', () => {
  it('refuses when the sanitizer lets handlers and script addresses through, and stays refused', () => {
    const win = windowWith(parse);
    expect(() => sanitizeToBody(win, '<p>harmless</p>')).toThrow(SanitizerFailedError);
    const parsesAfterProbe = (win as unknown as { parses: number }).parses;
    expect(() => sanitizeElementToBody(win, parse('<p>harmless</p>').body.firstElementChild!)).toThrow(
      SanitizerFailedError,
    );
    // The failed probe is remembered: nothing more goes through the broken sanitizer.
    expect((win as unknown as { parses: number }).parses).toBe(parsesAfterProbe);
  });

  it('refuses when the sanitizer drops what the allow-list keeps (not configured as ours)', () => {
    const win = windowWith(() => parse(''));
    expect(() => sanitizeToBody(win, '<p>harmless</p>')).toThrow(/probe not as configured/);
  });

  it('refuses when the probe cannot be read at all', () => {
    const win = windowWith(() => {
      throw new TypeError('no');
    });
    expect(() => sanitizeToBody(win, '<p>x</p>')).toThrow(SanitizerFailedError);
  });
});
