import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium and Firefox, one file at a time (2 cores, and each test owns a browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
