// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { nodeSanitizer } from '../../harness/node-sanitizer';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseDb } from '../../../lib/core/db';
import { packageEntries } from '../../../lib/export/package';
import { importCase } from '../../../lib/import/import-case';
import { readPackage } from '../../../lib/import/package-import';
import { readXdm } from '../../../lib/import/xdm';
import { collect, packageInput } from '../helpers/synthetic-case';
import { rawZip, zipEntries } from '../helpers/zip-build';
import { THIRD_PARTY } from '../../harness/shared';
import { parseXmlDocument } from '../../tools/xml-parser';

// Issue 6, figure 9: every hostile archive is refused by both file-reading paths (our package, IHE XDM)
// within seconds and bounded memory, and nothing is written.
const ARCHIVES = `${THIRD_PARTY}/archives`;
const bytes = (text: string) => new TextEncoder().encode(text);

async function hostileFiles(): Promise<[string, Uint8Array][]> {
  const files: [string, Uint8Array][] = readdirSync(ARCHIVES)
    .filter((f) => f.endsWith('.zip'))
    .map((f) => [`third-party ${f}`, new Uint8Array(readFileSync(`${ARCHIVES}/${f}`))]);
  const real = await zipEntries(await collect(packageEntries(await packageInput())));
  files.push(
    ['zip-slip ../../evil.txt', rawZip([{ name: '../../evil.txt', data: bytes('x') }])],
    ['zip-slip absolute /etc/cron.d/x', rawZip([{ name: '/etc/cron.d/x', data: bytes('x') }])],
    ['zip-slip backslashes', rawZip([{ name: 'records\\..\\..\\evil.txt', data: bytes('x') }])],
    ['symlink entry', rawZip([{ name: 'data/manifest.json', data: bytes('/etc/passwd'), unixMode: 0o120777 }])],
    [
      'deflate bomb (64 MiB of zeros)',
      rawZip([{ name: 'data/manifest.json', data: new Uint8Array(64 * 1024 * 1024), deflate: true }]),
    ],
    [
      'entry larger than declared',
      rawZip([
        { name: 'data/manifest.json', data: new Uint8Array(32 * 1024 * 1024), deflate: true, declaredSize: 100 },
      ]),
    ],
    ['truncated real package (half)', real.subarray(0, real.length >> 1)],
    ['truncated real package (last 40 bytes cut)', real.subarray(0, real.length - 40)],
    ['not a zip', bytes('%PDF-1.4 hello')],
  );
  return files;
}

const db = new CaseDb('hostile-files');
afterAll(() => db.delete());

describe('hostile files', () => {
  it('are all refused, quickly, with bounded memory, writing nothing', async () => {
    const files = await hostileFiles();
    const rows: string[] = [];
    let slowest = 0;
    let peakGrowth = 0;
    for (const [name, data] of files) {
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      // The import path as the panel runs it: read and check everything, write only when all is well.
      const result = await readPackage(data);
      if (result.ok) await importCase(db, result.data, { sanitize: nodeSanitizer() });
      let xdm = 'refused';
      try {
        await readXdm(data, parseXmlDocument);
        xdm = 'ACCEPTED';
      } catch {
        xdm = 'refused';
      }
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      peakGrowth = Math.max(peakGrowth, process.memoryUsage().rss - rss);
      rows.push(`${name}: package ${result.ok ? 'ACCEPTED' : result.error.code}, xdm ${xdm}, ${ms.toFixed(0)} ms`);
      expect(result.ok, name).toBe(false);
      expect(xdm, name).toBe('refused');
    }
    const written = (await db.cases.count()) + (await db.records.count()) + (await db.attachments.count());
    console.log(rows.join('\n'));
    console.log(
      `Hostile files: ${files.length} of ${files.length} refused by the package and XDM readers; slowest ${slowest.toFixed(0)} ms; ` +
        `peak RSS growth ${(peakGrowth / 1024 / 1024).toFixed(0)} MiB; rows written ${written}`,
    );
    expect(written).toBe(0);
    expect(slowest).toBeLessThan(5_000);
    expect(peakGrowth).toBeLessThan(256 * 1024 * 1024);
  });
});
