import { defineConfig } from 'vitest/config';

// Slow fault tests (browser kills, corruption, quota): real Chromium, one file at a time.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.fault.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
