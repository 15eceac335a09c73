// Node's DOMs (jsdom, happy-dom) have no HTML Sanitizer API: unit tests sanitize with the fallback the
// extension loads in such browsers (DOMPurify, lib/sanitize/purify.ts). The native path is tested in
// real Chromium and firefox-esr (tests/e2e/trust-xss.e2e.test.ts, trust-firefox.e2e.test.ts).
import { purifyToBody } from '../../lib/sanitize/purify';
import { registerFallbackSanitizer } from '../../lib/sanitize/sanitize';

registerFallbackSanitizer(purifyToBody);
