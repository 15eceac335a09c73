import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { nodeSanitizer } from '../harness/node-sanitizer';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { itemTexts, NAUGHTY, naughtyPage } from '../harness/naughty-page';
import { clipFromPanel, createCase, exportFromPanel, readTable } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { CaseDb } from '../../lib/core/db';
import { importCase } from '../../lib/import/import-case';
import { readPackage } from '../../lib/import/package-import';

// The big-list-of-naughty-strings round-trips through clip, storage, export and import.
let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
const CASE_TITLE = NAUGHTY.find((s) => s.includes('ヾ')) ?? 'Naughty';

beforeAll(async () => {
  portal = await startDemoPortal(0, { '/naughty.html': () => ({ body: naughtyPage() }) });
  run = await launchChromium({ extensionDir: testBuild('chrome') });
});
afterAll(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
});

/** SHA-256 recomputed here, independently of the product, from the content itself. */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const count = (expected: string[], got: string[]) => expected.filter((s, i) => got[i] === s).length;

describe('naughty strings in Chromium', () => {
  it('come back unchanged after clip, storage, export and import', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/naughty.html`);
    // What the page shows (the HTML parser itself turns NUL into U+FFFD and CR LF into LF).
    const shown = await page.evaluate(() =>
      Array.from(document.querySelectorAll('li')).map((li) => li.textContent ?? ''),
    );
    expect(shown).toHaveLength(NAUGHTY.length);

    panel = await run.openPanel(page);
    await createCase(panel, CASE_TITLE);
    expect(await clipFromPanel(panel)).toContain('Clipped');
    const [stored] = await readTable(panel, 'records');
    const fromStorage = await panel.evaluate(itemTexts, String(stored!.snapshotHtml));

    const { path, pkg } = await exportFromPanel(panel, run.downloadDir);
    // Every file of the package against the manifest, hashed by the checker (tests/harness/package-check.ts).
    expect(pkg.problems).toEqual([]);
    const read = await readPackage(new Uint8Array(readFileSync(path)));
    if (!read.ok) throw new Error(`import refused the export: ${read.error.code} ${read.error.detail}`);
    const db = new CaseDb('naughty-import');
    const { caseId } = await importCase(db, read.data, { sanitize: nodeSanitizer() });
    const importedCase = await db.cases.get(caseId);
    const [imported] = await db.records.where('caseId').equals(caseId).toArray();
    const fromImport = await panel.evaluate(itemTexts, imported!.snapshotHtml);
    await db.delete();

    console.log(
      `Naughty strings: ${NAUGHTY.length} strings; unchanged after clip+storage ${count(shown, fromStorage)}, ` +
        `after export+import ${count(shown, fromImport)}; case title round-trips: ${importedCase?.title === CASE_TITLE}; ` +
        `record text identical after import: ${imported!.text === stored!.text}; ` +
        `content hash recomputed from the imported snapshot equals the clip's: ${sha256(imported!.snapshotHtml) === stored!.contentHash}; ` +
        `${NAUGHTY.length - count(NAUGHTY, shown)} already differ from the raw list in the page itself (HTML parsing of NUL/CR)`,
    );
    expect(fromStorage).toEqual(shown);
    expect(fromImport).toEqual(shown);
    expect(importedCase?.title).toBe(CASE_TITLE);
    expect(imported!.text).toBe(stored!.text);
    // Hashes recomputed from the content, not the hash the import copied from the manifest: the clip's
    // hash is the hash of what was clipped, and the imported snapshot hashes to the same value.
    expect(sha256(String(stored!.snapshotHtml))).toBe(stored!.contentHash);
    expect(sha256(imported!.snapshotHtml)).toBe(stored!.contentHash);
    expect(imported!.snapshotHtml).toBe(stored!.snapshotHtml);
  });
});
