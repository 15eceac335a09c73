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

// Every hostile archive is refused by both file-reading paths (our package, IHE XDM)
// within seconds and bounded memory, and nothing is written.
const ARCHIVES = `${THIRD_PARTY}/archives`;
const bytes = (text: string) => new TextEncoder().encode(text);

/**
 * One hostile archive and why each reader must refuse it: the package reader's error code (and, where
 * the code alone does not say which check fired, its detail), and the XDM reader's message. A refusal
 * for another reason (say "not an XDM package" for a bomb) fails: it would hide a missing check.
 */
interface Hostile {
  name: string;
  /** The bytes for the package reader, and for the XDM reader (the hostile entry at a path it reads). */
  data: Uint8Array;
  xdmData?: Uint8Array;
  code: string;
  detail?: RegExp;
  xdm: RegExp;
}

/** Where an XDM reader looks: a hostile entry there is one it must read, so its checks must fire. */
const XDM_DOC = 'IHE_XDM/SUBSET01/DOC0001.XML';

async function hostileFiles(): Promise<Hostile[]> {
  const real = await zipEntries(await collect(packageEntries(await packageInput())));
  const thirdParty = (file: string) => new Uint8Array(readFileSync(`${ARCHIVES}/${file}`));
  const files: Hostile[] = [
    {
      name: 'third-party zbsm.zip (overlapping-entry bomb)',
      data: thirdParty('zbsm.zip'),
      code: 'compression-ratio',
      xdm: /compressed suspiciously well/,
    },
    {
      name: 'third-party zip-slip.zip',
      data: thirdParty('zip-slip.zip'),
      code: 'unsafe-path',
      detail: /\.\.\/tmp\/evil\.txt/,
      xdm: /unsafe path: .*\.\.\/tmp\/evil\.txt/,
    },
    {
      name: 'zip-slip ../../evil.txt',
      data: rawZip([{ name: '../../evil.txt', data: bytes('x') }]),
      code: 'unsafe-path',
      detail: /"\.\.\/\.\.\/evil\.txt"/,
      xdm: /unsafe path: "\.\.\/\.\.\/evil\.txt"/,
    },
    {
      name: 'zip-slip absolute /etc/cron.d/x',
      data: rawZip([{ name: '/etc/cron.d/x', data: bytes('x') }]),
      code: 'unsafe-path',
      detail: /"\/etc\/cron\.d\/x"/,
      xdm: /unsafe path: "\/etc\/cron\.d\/x"/,
    },
    {
      name: 'zip-slip backslashes',
      data: rawZip([{ name: 'records\\..\\..\\evil.txt', data: bytes('x') }]),
      code: 'unsafe-path',
      detail: /evil\.txt/,
      xdm: /unsafe path: .*evil\.txt/,
    },
    {
      name: 'symlink entry',
      data: rawZip([{ name: 'data/manifest.json', data: bytes('/etc/passwd'), unixMode: 0o120777 }]),
      xdmData: rawZip([{ name: XDM_DOC, data: bytes('/etc/passwd'), unixMode: 0o120777 }]),
      code: 'symlink',
      xdm: /unsafe path: IHE_XDM\/SUBSET01\/DOC0001\.XML/,
    },
    {
      name: 'deflate bomb (64 MiB of zeros)',
      data: rawZip([{ name: 'data/manifest.json', data: new Uint8Array(64 * 1024 * 1024), deflate: true }]),
      xdmData: rawZip([{ name: XDM_DOC, data: new Uint8Array(64 * 1024 * 1024), deflate: true }]),
      code: 'compression-ratio',
      xdm: /compressed suspiciously well/,
    },
    {
      name: 'entry larger than declared',
      data: rawZip([
        { name: 'data/manifest.json', data: new Uint8Array(32 * 1024 * 1024), deflate: true, declaredSize: 100 },
      ]),
      xdmData: rawZip([{ name: XDM_DOC, data: new Uint8Array(32 * 1024 * 1024), deflate: true, declaredSize: 100 }]),
      code: 'size-mismatch',
      detail: /more data than declared/,
      xdm: /size-mismatch: .*more data than declared/,
    },
    {
      name: 'truncated real package (half)',
      data: real.subarray(0, real.length >> 1),
      code: 'truncated',
      xdm: /not a readable zip \(truncated/,
    },
    {
      name: 'truncated real package (last 40 bytes cut)',
      data: real.subarray(0, real.length - 40),
      code: 'truncated',
      xdm: /not a readable zip \(truncated/,
    },
    {
      name: 'not a zip (a PDF)',
      data: bytes(`%PDF-1.4\n${'1 0 obj << /Type /Catalog >> endobj\n'.repeat(60)}%%EOF\n`),
      code: 'not-a-zip',
      xdm: /not a readable zip \(not-a-zip/,
    },
    { name: 'empty file', data: new Uint8Array(0), code: 'not-a-zip', xdm: /not a readable zip \(not-a-zip/ },
  ];
  return files;
}

const db = new CaseDb('hostile-files');
afterAll(() => db.delete());

describe('hostile files', () => {
  it('are each refused for their specific reason, quickly, with bounded memory, writing nothing', async () => {
    const files = await hostileFiles();
    // Every third-party archive has its expected reason above: a new one must be given its own.
    const thirdParty = readdirSync(ARCHIVES).filter((f) => f.endsWith('.zip'));
    expect(thirdParty.filter((f) => !files.some((h) => h.name.startsWith(`third-party ${f}`)))).toEqual([]);
    const rows: string[] = [];
    let slowest = 0;
    let peakGrowth = 0;
    let refused = 0;
    for (const { name, data, xdmData, code, detail, xdm } of files) {
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      // The import path as the panel runs it: read and check everything, write only when all is well.
      const result = await readPackage(data);
      if (result.ok) await importCase(db, result.data, { sanitize: nodeSanitizer() });
      let xdmRefusal = 'ACCEPTED';
      try {
        await readXdm(xdmData ?? data, parseXmlDocument);
      } catch (error) {
        xdmRefusal = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      peakGrowth = Math.max(peakGrowth, process.memoryUsage().rss - rss);
      const refusal = result.ok ? 'ACCEPTED' : `${result.error.code} (${result.error.detail})`;
      rows.push(`${name}: package ${refusal.slice(0, 120)}; xdm ${xdmRefusal.slice(0, 120)}; ${ms.toFixed(0)} ms`);
      // The specific check that must fire, not merely any exception.
      expect(result.ok ? 'ACCEPTED' : result.error.code, name).toBe(code);
      if (detail && !result.ok) expect(result.error.detail, name).toMatch(detail);
      expect(xdmRefusal, name).toMatch(/^ZipRefused: /);
      expect(xdmRefusal, name).toMatch(xdm);
      refused++;
    }
    const written = (await db.cases.count()) + (await db.records.count()) + (await db.attachments.count());
    console.log(rows.join('\n'));
    console.log(
      `Hostile files: ${refused} of ${files.length} refused by both the package and the XDM reader, each for its expected reason; slowest ${slowest.toFixed(0)} ms; ` +
        `peak RSS growth ${(peakGrowth / 1024 / 1024).toFixed(0)} MiB; rows written ${written}`,
    );
    expect(written).toBe(0);
    expect(slowest).toBeLessThan(5_000);
    expect(peakGrowth).toBeLessThan(256 * 1024 * 1024);
  }, 60_000);
});
