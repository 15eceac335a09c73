import 'fake-indexeddb/auto';
import { countRows } from '../harness/panel-actions';
import { nodeSanitizer } from '../harness/node-sanitizer';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackage } from '../harness/package-check';
import { CaseDb } from '../../lib/core/db';
import { importCase } from '../../lib/import/import-case';
import { readPackage } from '../../lib/import/package-import';
import { extractPackage } from '../harness/panel-actions';
import type { Page } from 'puppeteer-core';
import { testBuild } from '../harness/builds';
import { launchFirefox, type FirefoxRun, until } from '../harness/firefox';
import { COMMANDS, forgedCommands } from '../harness/forged-commands';
import { allPayloads, hostilePage, type Payload } from '../harness/hostile-pages';
import { itemTexts, NAUGHTY, naughtyPage } from '../harness/naughty-page';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

// The trust rules in Firefox ESR (puppeteer-core over WebDriver BiDi): XSS rendering in the panel, forged
// messages and naughty strings. The sidebar cannot be driven, so the panel page is opened as a tab and
// clips are sent as the same typed message the sidebar's button sends (see SECURITY.md, coverage table).
let portal: DemoPortal;
let beacon: DemoPortal;
let run: FirefoxRun;
let panel: Page;
let payloads: Payload[];
const downloadDir = mkdtempSync(join(tmpdir(), 'sl-ff-downloads-'));
const dialogs: string[] = [];

interface Api {
  tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage: (m: unknown) => Promise<unknown> };
  scripting: { executeScript: (o: object) => Promise<{ frameId: number; result: unknown }[]> };
}

/** Sends 'clip/tab' for the tab showing `url`, from the panel page (an extension page). */
const clipUrl = (url: string) =>
  panel.evaluate(async (u: string) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    return api.runtime.sendMessage({ type: 'clip/tab', payload: { tabId: tab!.id, selectionOnly: false } });
  }, url);

const rowCounts = () => countRows(panel);

/** Which sanitizer the latest clip ran in the tab (the background's trace, lib/clip/clip-trace.ts). */
const lastSanitizer = () =>
  panel.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        browser: { storage: { session: { get: (k: string) => Promise<Record<string, unknown>> } } };
      }
    ).browser;
    const { clipTrace } = (await api.storage.session.get('clipTrace')) as {
      clipTrace?: { inTab?: { sanitizer?: string } };
    };
    return clipTrace?.inTab?.sanitizer ?? 'none';
  });

/**
 * Takes the HTML Sanitizer API away from the extension's content-script world in the tab showing `url`
 * (expandos on its window, which is what capture.js reads), as in a Firefox without it.
 */
const removeSanitizerApiInTab = (url: string) =>
  panel.evaluate(async (u: string) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    const [first] = await api.scripting.executeScript({
      target: { tabId: tab!.id },
      func: () => {
        const w = window as unknown as { Sanitizer?: unknown; Document: { parseHTML?: unknown } };
        w.Sanitizer = undefined;
        w.Document.parseHTML = undefined;
        return `${typeof w.Sanitizer} ${typeof w.Document.parseHTML}`;
      },
    });
    return first?.result;
  }, url);

const allRecords = () =>
  panel.evaluate(
    () =>
      new Promise<{ title: string; snapshotHtml: string; caseId: string }[]>((resolve, reject) => {
        const open = indexedDB.open('second-look');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('records', 'readonly').objectStore('records').getAll();
          r.onsuccess = () => {
            open.result.close();
            resolve(r.result);
          };
        };
      }),
  );

beforeAll(async () => {
  beacon = await startDemoPortal(0, { '/beacon': () => ({ status: 204 }) });
  payloads = allPayloads(beacon.origin);
  const xss = hostilePage(payloads);
  portal = await startDemoPortal(0, {
    '/hostile/xss.html': () => xss,
    // The same payloads under another heading: a new record (not a duplicate) for the fallback sanitizer's clip.
    '/hostile/xss-fallback.html': () => ({
      ...xss,
      body: xss.body.replace(/Hostile markup test page/g, 'Hostile markup, fallback sanitizer'),
    }),
    '/naughty.html': () => ({ body: naughtyPage() }),
    '/hostile/frame.html': () => ({ body: '<!DOCTYPE html><title>frame</title><p>subframe</p>' }),
    '/hostile/messages.html': () => ({
      body: `<!DOCTYPE html><title>Hostile messages</title><main><h1>Hostile</h1><iframe src="/hostile/frame.html"></iframe></main><script>
        for (const m of [{ type: 'clip/tab', payload: { tabId: 1, selectionOnly: false } }, { type: 'records/add', payload: {} }]) {
          window.postMessage(m, '*'); document.dispatchEvent(new CustomEvent(m.type, { detail: m }));
        }
        window.hostileReport = { runtime: typeof browser !== 'undefined' || (typeof chrome !== 'undefined' && !!chrome.runtime) };
      </script>`,
    }),
  });
  run = await launchFirefox(testBuild('firefox'), { downloadDir });
  panel = await run.openPanel();
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  await panel.locator('[data-testid="case-new-title"]').fill('Firefox trust');
  await panel.locator('[data-testid="case-create"]').click();
  await until(panel, () => document.querySelector('[data-testid="case-select"]') !== null);
  await new Promise((r) => setTimeout(r, 500));
});
afterAll(async () => {
  await run?.close();
  await portal?.close();
  await beacon?.close();
});

describe('trust in Firefox', () => {
  it('XSS: the payload page clipped and shown in the sandboxed frame runs nothing and loads nothing', async () => {
    const url = `${portal.origin}/hostile/xss.html`;
    const tab = await run.browser.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => (window as unknown as { hostilePageReady?: boolean }).hostilePageReady === true);
    expect(beacon.hits).toEqual([]);
    // This firefox-esr has the HTML Sanitizer API (checked, not assumed), and the clip used it.
    expect(
      await tab.evaluate(
        () =>
          typeof (globalThis as unknown as { Sanitizer?: unknown }).Sanitizer === 'function' &&
          typeof (Document as unknown as { parseHTML?: unknown }).parseHTML === 'function',
      ),
    ).toBe(true);
    const reply = await clipUrl(url);
    expect(reply).toMatchObject({ ok: true });
    expect(await lastSanitizer()).toBe('native');
    const title = 'Hostile markup test page';
    await until(panel, () => document.querySelector('[data-testid="record-open"]') !== null);
    await panel.evaluate((t: string) => {
      [...document.querySelectorAll<HTMLButtonElement>('[data-testid="record-open"]')]
        .find((b) => b.textContent?.includes(t))!
        .click();
    }, title);
    const srcdoc =
      (await until(
        panel,
        () => document.querySelector<HTMLIFrameElement>('[data-testid="record-snapshot"]')?.srcdoc,
      )) ?? '';
    const missing = payloads.filter((p) => !srcdoc.includes(`Payload ${p.id} marker`)).length;
    await new Promise((r) => setTimeout(r, 2_000));
    console.log(
      `XSS (Firefox panel): ${dialogs.length} dialogs, ${beacon.hits.length} beacon requests over ${payloads.length} payloads (${payloads.length - missing} clipped)`,
    );
    expect(missing).toBe(0);
    expect(dialogs).toEqual([]);
    expect(beacon.hits).toEqual([]);
    await tab.close();
  });

  it('XSS: the exported package opened from file:// runs nothing and loads nothing', async () => {
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export"]')!.click());
    await until(
      panel,
      () => (document.querySelector('[data-testid="export-status"]')?.textContent ?? '').includes('Saved'),
      60_000,
    );
    let zip: string | undefined;
    for (let i = 0; i < 100 && !zip; i++) {
      zip = readdirSync(downloadDir).find((f) => f.endsWith('.zip'));
      if (!zip) await new Promise((r) => setTimeout(r, 100));
    }
    const pkg = checkPackage(join(downloadDir, zip!));
    expect(pkg.problems).toEqual([]);
    const extracted = extractPackage(pkg, mkdtempSync(join(tmpdir(), 'sl-ff-package-')));
    // summary.pdf as Firefox writes it (its own CompressionStream deflates the pages): poppler reads it cleanly.
    const pdf = extracted.find((f) => f.endsWith('summary.pdf'))!;
    expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stderr).toBe('');
    const pdfText = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText.stderr).toBe('');
    expect(pdfText.stdout).toContain('Record index');
    const files = extracted.filter((f) => /(?:INDEX\.HTM|record\.html)$/.test(f));
    const viewer = await run.browser.newPage();
    const seen: string[] = [];
    viewer.on('dialog', (d) => {
      seen.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    viewer.on('console', (m) => seen.push(`console: ${m.text()}`));
    const beaconsBefore = beacon.hits.length;
    for (const file of files) await viewer.goto(pathToFileURL(file).href);
    await new Promise((r) => setTimeout(r, 1_500));
    await viewer.close();
    console.log(
      `XSS (Firefox, exported package, ${files.length} pages via file://): ${seen.length} dialogs or console messages, ${beacon.hits.length - beaconsBefore} beacon requests over ${payloads.length} payloads`,
    );
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([]);
    expect(beacon.hits.length - beaconsBefore).toBe(0);

    // Positive control: the same instruments see the raw payloads run in Firefox.
    const raw = join(mkdtempSync(join(tmpdir(), 'sl-ff-raw-')), 'raw.html');
    writeFileSync(
      raw,
      `<!DOCTYPE html><meta charset="utf-8"><body>${payloads.map((p) => `<div>${p.html}</div>`).join('\n')}</body>`,
    );
    const control = await run.browser.newPage();
    const controlSeen: string[] = [];
    control.on('dialog', (d) => {
      controlSeen.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    const rawBeacons = beacon.hits.length;
    // Dialogs hold up the load event, so do not wait for it.
    void control.goto(pathToFileURL(raw).href, { timeout: 10_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 4_000));
    await control.close().catch(() => undefined);
    console.log(
      `XSS positive control (Firefox, raw payloads): ${controlSeen.length} dialogs, ${beacon.hits.length - rawBeacons} beacon requests`,
    );
    expect(controlSeen.length + beacon.hits.length - rawBeacons).toBeGreaterThan(0);
  });

  it('XSS through the DOMPurify fallback (a Firefox without the Sanitizer API): clipped, stored and exported, nothing runs, nothing loads', async () => {
    const url = `${portal.origin}/hostile/xss-fallback.html`;
    const tab = await run.browser.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => (window as unknown as { hostilePageReady?: boolean }).hostilePageReady === true);
    expect(await removeSanitizerApiInTab(url)).toBe('undefined undefined');
    const dialogsBefore = dialogs.length;
    const beaconsBefore = beacon.hits.length;
    const reply = await clipUrl(url);
    expect(reply).toMatchObject({ ok: true });
    expect(await lastSanitizer()).toBe('fallback');
    const added = reply as { data: { added: string[]; titles: string[] } };
    expect(added.data.added.length).toBe(1);
    // What the fallback stored (the sandboxed frame itself is covered by the native clip above).
    const stored = (await allRecords()).find((r) => r.title === added.data.titles[0]);
    const srcdoc = `<!DOCTYPE html><meta charset="utf-8"><body>${stored!.snapshotHtml}</body>`;
    expect(payloads.filter((p) => !srcdoc.includes(`Payload ${p.id} marker`)).length).toBe(0);
    await new Promise((r) => setTimeout(r, 2_000));
    await tab.close();

    // The panel without the API too: the export's record pages go through purify.js, loaded on demand.
    await panel.evaluate(() => {
      const w = window as unknown as { Sanitizer?: unknown; Document: { parseHTML?: unknown } };
      w.Sanitizer = undefined;
      delete w.Document.parseHTML;
    });
    const zipsBefore = readdirSync(downloadDir);
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export"]')!.click());
    await until(
      panel,
      () => (document.querySelector('[data-testid="export-status"]')?.textContent ?? '').includes('Saved'),
      60_000,
    );
    let zip: string | undefined;
    for (let i = 0; i < 100 && !zip; i++) {
      zip = readdirSync(downloadDir).find((f) => f.endsWith('.zip') && !zipsBefore.includes(f));
      if (!zip) await new Promise((r) => setTimeout(r, 100));
    }
    expect(
      await panel.evaluate(() => typeof (window as unknown as { secondLookPurify?: unknown }).secondLookPurify),
    ).toBe('function');
    const pkg = checkPackage(join(downloadDir, zip!));
    expect(pkg.problems).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'sl-ff-fallback-'));
    const files = extractPackage(pkg, dir).filter((f) => /(?:INDEX\.HTM|record\.html)$/.test(f));
    // The sanitizer alone: the fallback's snapshot with its CSP removed, beside the package pages.
    const bare = join(dir, 'snapshot-no-csp.html');
    writeFileSync(bare, srcdoc);
    const viewer = await run.browser.newPage();
    const seen: string[] = [];
    viewer.on('dialog', (d) => {
      seen.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    viewer.on('console', (m) => seen.push(`console: ${m.text()}`));
    for (const file of [...files, bare]) await viewer.goto(pathToFileURL(file).href);
    await new Promise((r) => setTimeout(r, 1_500));
    await viewer.close();
    console.log(
      `XSS (Firefox, DOMPurify fallback): panel ${dialogs.length - dialogsBefore} dialogs; package + snapshot without CSP (${files.length + 1} pages via file://) ${seen.length} dialogs or console messages; ${beacon.hits.length - beaconsBefore} beacon requests over ${payloads.length} payloads`,
    );
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(dialogs.length - dialogsBefore).toBe(0);
    expect(seen).toEqual([]);
    expect(beacon.hits.length - beaconsBefore).toBe(0);
  });

  it('forged messages: page messages and content scripts change nothing', async () => {
    const url = `${portal.origin}/hostile/messages.html`;
    const tab = await run.browser.newPage();
    await tab.goto(url);
    const report = await tab.evaluate(
      () => (window as unknown as { hostileReport: { runtime: boolean } }).hostileReport,
    );
    expect(report.runtime).toBe(false);
    const before = await rowCounts();
    const tabId: number = await panel.evaluate(async (u: string) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      return (await api.tabs.query({})).find((t) => t.url === u)!.id as number;
    }, url);
    // Every command of the protocol, well-formed (the real tab id), then odd shapes.
    const messages: unknown[] = [
      ...forgedCommands({ tabId, token: crypto.randomUUID() }),
      { type: 'clip/tab', payload: { tabId: 'x' } },
      { type: '__proto__', payload: {} },
      null,
    ];
    const replies: { frameId: number; result: unknown }[] = await panel.evaluate(
      async (id: number, list: unknown[]) => {
        const api = (globalThis as unknown as { browser: Api }).browser;
        return api.scripting.executeScript({
          target: { tabId: id, allFrames: true },
          func: async (shapes: unknown[]) => {
            const out: unknown[] = [];
            for (const m of shapes)
              out.push(
                await (globalThis as unknown as { browser: Api }).browser.runtime
                  .sendMessage(m)
                  .catch((e: unknown) => `error ${String(e)}`),
              );
            return out;
          },
          args: [list],
        });
      },
      tabId,
      messages,
    );
    const after = await rowCounts();
    const results = replies.flatMap((r) => r.result as unknown[]);
    const forbidden = results.filter((x) => (x as { error?: string } | null)?.error === 'forbidden').length;
    const accepted = results.filter((x) => (x as { ok?: boolean } | null)?.ok === true).length;
    console.log(
      `Forged messages (Firefox): ${results.length} from content scripts in ${replies.length} frames (every protocol command: ${COMMANDS.join(', ')}; then odd shapes): ${accepted} accepted, ${forbidden} forbidden; rows changed: ${JSON.stringify(before) === JSON.stringify(after) ? 0 : 'YES'}`,
    );
    expect(accepted).toBe(0);
    expect(forbidden).toBe((COMMANDS.length + 1) * replies.length);
    expect(after).toEqual(before);
    await tab.close();
  });

  it('naughty strings: unchanged after clip and storage', async () => {
    const url = `${portal.origin}/naughty.html`;
    const tab = await run.browser.newPage();
    await tab.goto(url);
    const shown = await tab.evaluate(() =>
      Array.from(document.querySelectorAll('li')).map((li) => li.textContent ?? ''),
    );
    expect(await clipUrl(url)).toMatchObject({ ok: true });
    const record = (await allRecords()).find((r) => r.title === 'Naughty strings')!;
    const stored = await panel.evaluate(itemTexts, record.snapshotHtml);
    const same = shown.filter((s, i) => stored[i] === s).length;

    // Export from the Firefox panel, then read and import the package.
    for (const f of readdirSync(downloadDir)) rmSync(join(downloadDir, f));
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export"]')!.click());
    let zip: string | undefined;
    for (let i = 0; i < 300 && !zip; i++) {
      zip = readdirSync(downloadDir).find((f) => f.endsWith('.zip'));
      if (!zip) await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 500));
    const read = await readPackage(new Uint8Array(readFileSync(join(downloadDir, zip!))));
    if (!read.ok) throw new Error(`import refused the Firefox export: ${read.error.code}`);
    const db = new CaseDb('naughty-firefox-import');
    const { caseId } = await importCase(db, read.data, { sanitize: nodeSanitizer() });
    const imported = (await db.records.where('caseId').equals(caseId).toArray()).find(
      (r) => r.title === 'Naughty strings',
    )!;
    const fromImport = await panel.evaluate(itemTexts, imported.snapshotHtml);
    await db.delete();
    console.log(
      `Naughty strings (Firefox): ${same} of ${NAUGHTY.length} unchanged after clip and storage, ` +
        `${shown.filter((s, i) => fromImport[i] === s).length} after export and import`,
    );
    expect(stored).toEqual(shown);
    expect(fromImport).toEqual(shown);
    await tab.close();
  });

  it('concurrency: 20 tabs clipped at once into one case give 20 whole records, none duplicated', async () => {
    const urls = Array.from({ length: 20 }, (_, i) => `${portal.origin}/generated/labs.html?rows=${i + 3}`);
    const tabs = await Promise.all(
      urls.map(async (u) => {
        const tab = await run.browser.newPage();
        await tab.goto(u);
        return tab;
      }),
    );
    const before = (await allRecords()).length;
    const replies = (await panel.evaluate(async (list: string[]) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      const all = await api.tabs.query({});
      return Promise.all(
        list.map((u) =>
          api.runtime.sendMessage({
            type: 'clip/tab',
            payload: { tabId: all.find((t) => t.url === u)!.id, selectionOnly: false },
          }),
        ),
      );
    }, urls)) as { ok: boolean; data?: { caseId: string } }[];
    const records = (await allRecords()).filter(
      (r) => r.caseId === replies[0]?.data?.caseId && r.title === 'Results history',
    );
    const hashes = new Set(records.map((r) => (r as unknown as { contentHash: string }).contentHash));
    console.log(
      `Concurrency (Firefox): 20 tabs at once: ${replies.filter((r) => r.ok).length} ok, ${records.length} records, ${records.length - hashes.size} duplicated; total rows +${(await allRecords()).length - before}`,
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(records).toHaveLength(20);
    expect(hashes.size).toBe(20);
    await Promise.all(tabs.map((t) => t.close()));
  });
});
