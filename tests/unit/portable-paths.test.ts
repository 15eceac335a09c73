import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', '.output', '.output-test', '.wxt', '.git']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|sh|json)$/.test(name) && name !== 'package-lock.json' ? [path] : [];
  });
}

// CI runs a fresh clone elsewhere, with shared/ beside it: tests find it through tests/harness/shared.ts.
describe('portable paths', () => {
  it("no source file names this machine's checkout or shared folder", () => {
    const offenders = ['lib', 'entrypoints', 'components', 'tests', 'bench', '.ci']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .filter((file) => !file.endsWith('portable-paths.test.ts'))
      .filter((file) => /['"`]\/work\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
