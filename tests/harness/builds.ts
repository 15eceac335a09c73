import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The test builds (loopback portal pre-granted), made by `npm run build:test`. */
export function testBuild(browser: 'chrome' | 'firefox'): string {
  const dir = resolve(ROOT, '.output-test', `${browser}-mv3`);
  if (!existsSync(resolve(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run npm run build:test first`);
  return dir;
}

export function releaseBuild(browser: 'chrome' | 'firefox'): string {
  return resolve(ROOT, '.output', `${browser}-mv3`);
}
