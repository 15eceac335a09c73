import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  inBundle?: boolean;
}

const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

// `npm ci` checks every tarball against these hashes; an entry without one would install unchecked.
describe('package-lock.json', () => {
  const entries = Object.entries(lock.packages).filter(([path]) => path !== '');

  // The lockfile records no `resolved` URLs (npm's omit-lockfile-registry-resolved), so tarballs come from
  // the configured registry; the hash is what makes that safe.
  it('pins every package by a sha512 integrity hash', () => {
    const unchecked = entries.filter(
      // Bundled dependencies ship inside their parent's tarball, which carries the hash.
      ([, e]) => !e.link && !e.inBundle && !e.integrity?.startsWith('sha512-'),
    );
    expect(unchecked.map(([path]) => path)).toEqual([]);
    const bundled = entries.filter(([, e]) => e.inBundle).length;
    console.log(
      `Lockfile: ${entries.length - bundled} of ${entries.length} entries carry a sha512 integrity; ${bundled} are bundled inside a hashed parent`,
    );
  });

  it('every bundled dependency sits inside a parent that has a hash', () => {
    for (const [path] of entries.filter(([, e]) => e.inBundle)) {
      const parent = path.slice(0, path.lastIndexOf('/node_modules/'));
      expect(lock.packages[parent]?.integrity, path).toMatch(/^sha512-/);
    }
  });
});
