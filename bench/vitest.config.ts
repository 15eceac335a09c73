import { defineConfig } from 'vitest/config';

/** Timings, kept out of the unit suite: `npx vitest run --config bench/vitest.config.ts`. */
export default defineConfig({
  test: { include: ['bench/**/*.test.ts', 'bench/**/*.test.tsx'], environment: 'node', testTimeout: 300_000 },
});
