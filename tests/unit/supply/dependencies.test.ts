import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

// Production dependencies are few and each is justified in SECURITY.md ("Boundaries").
it('every production dependency is justified in SECURITY.md, and the table lists no extra ones', () => {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const security = readFileSync(resolve(ROOT, 'SECURITY.md'), 'utf8');
  const section = security.slice(security.indexOf('## Production dependencies'), security.indexOf('Supply chain:'));
  const listed = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  expect(listed.sort()).toEqual(Object.keys(pkg.dependencies).sort());
});
