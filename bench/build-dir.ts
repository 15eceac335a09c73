import { resolve } from 'node:path';
import { testBuild } from '../tests/harness/builds';

/**
 * The Chrome test build the bench loads: `.output-test` (npm run build:test), or the build directory in
 * SL_BENCH_BUILD (a copy of an earlier `.output-test`), so two builds can be compared in one session.
 */
export function benchBuild(): string {
  const dir = process.env.SL_BENCH_BUILD;
  return dir ? resolve(dir, 'chrome-mv3') : testBuild('chrome');
}
