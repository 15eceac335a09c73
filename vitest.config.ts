import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup-sanitizer.ts', 'tests/unit/setup-capture-parts.ts'],
    // Eight engineers share two cores here (load average ~20): a 5 s default fails sound tests by load alone.
    testTimeout: 30_000,
  },
});
