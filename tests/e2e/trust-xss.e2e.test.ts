import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { allPayloads, hostilePage, type Payload } from '../harness/hostile-pages';
import {
  clipFromPanel,
  createCase,
  exportFromPanel,
  extractPackage,
  watchPanel,
  type Watch,
} from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

// XSS, and no data leaves. Two loopback servers: the portal serving the
// hostile page, and a beacon server that only counts. The page's CSP keeps the payloads from firing
// while it is open, so every beacon hit, dialog or script below happened after clipping.
let portal: DemoPortal;
let beacon: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
let payloads: Payload[];
let watch: Watch;
let background: CdpPage;
const backgroundRequests: string[] = [];
const backgroundSeen: string[] = [];
interface Seen {
  pages: number;
  dialogs: string[];
  scripts: string[];
  /** Network requests (anything but file:, data:, blob:). */
  requests: string[];
  /** file: requests other than the opened page itself: a package page must not read other local files. */
  fileRequests: string[];
  /** Requests (of either kind above) that the page's CSP stopped before they left: counted, then excused. */
  blockedByCsp: string[];
  console: string[];
}
const seen = (): Seen => ({
  pages: 0,
  dialogs: [],
  scripts: [],
  requests: [],
  fileRequests: [],
  blockedByCsp: [],
  console: [],
});
const fileResults = seen();
/** The panel's snapshot frame document (wrapper + sanitized snapshot), and the exported package pages. */
let snapshotDoc = '';
let packagePages: string[] = [];

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/gi;
/** `html` with its CSP removed (the sanitizer is then the only layer left). */
function withoutCsp(html: string): string {
  const stripped = html.replace(CSP_META, '');
  if (stripped === html) throw new Error('no CSP meta to remove: the control would not be what it says');
  return stripped;
}
/** `html` with its body replaced by the raw payloads (the CSP is then the only layer left). */
function withRawBody(html: string): string {
  const replaced = html.replace(/<body[^>]*>[\s\S]*<\/body>/i, `<body>${rawPayloads()}</body>`);
  if (replaced === html || !CSP_META.test(replaced)) throw new Error('cannot build the CSP-only control');
  CSP_META.lastIndex = 0;
  return replaced;
}
/** The requests of `list` that the CSP did not stop (each blocked request excuses one attempt). */
function unblocked(list: string[], blocked: string[]): string[] {
  const left = [...blocked];
  return list.filter((url) => {
    const i = left.indexOf(url);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}
/** Which sanitizer the latest clip ran in the tab (the background's trace, lib/clip/clip-trace.ts). */
const lastSanitizer = (on: CdpPage) =>
  on.evaluate(async () => {
    const session = (
      globalThis as unknown as {
        chrome: { storage: { session: { get: (key: string) => Promise<Record<string, unknown>> } } };
      }
    ).chrome.storage.session;
    const { clipTrace } = (await session.get('clipTrace')) as { clipTrace?: { inTab?: { sanitizer?: string } } };
    return clipTrace?.inTab?.sanitizer ?? 'none';
  });

/**
 * Takes the HTML Sanitizer API away from the clipped tab's isolated world (where capture.js runs), as in
 * a browser without it: the next clip must load and use the DOMPurify fallback (purify.js).
 */
async function removeSanitizerApiInTab(background: CdpPage, url: string): Promise<void> {
  const reply = (await background.send('Runtime.evaluate', {
    expression: `chrome.tabs.query({ url: ${JSON.stringify(url)} }).then(([tab]) => chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => { delete Document.parseHTML; delete Element.prototype.setHTML; globalThis.Sanitizer = undefined; return typeof Document.parseHTML; },
    })).then(([r]) => r.result)`,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: string } };
  if (reply.result.value !== 'undefined') throw new Error('the Sanitizer API is still there');
}

const rawPayloads = () =>
  payloads.map((p) => `<section><h2>Payload ${p.id} marker</h2><div>${p.html}</div></section>`).join('\n');

beforeAll(async () => {
  beacon = await startDemoPortal(0, { '/beacon': () => ({ status: 204 }) });
  payloads = allPayloads(beacon.origin);
  const page = hostilePage(payloads);
  portal = await startDemoPortal(0, { '/hostile/xss.html': () => page });
  run = await launchChromium({ extensionDir: testBuild('chrome') });
});
afterAll(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
  await beacon?.close();
});

/** Opens each file in a fresh tab as a reader would, counting what runs and loads. */
async function openFiles(files: string[], into: Seen): Promise<void> {
  const viewer = await run.context.newPage();
  const cdp = await run.context.newCDPSession(viewer);
  await cdp.send('Debugger.enable');
  cdp.on('Debugger.scriptParsed', (e) => {
    const aux = e.executionContextAuxData as { type?: string } | undefined;
    // Playwright's own utility world is 'isolated'; anything in the page's main world is the file's.
    // chrome-error:// is Chromium's own page shown in place of a frame it refused to load, not the file's script.
    if (aux?.type !== 'isolated' && !e.url.startsWith('chrome-error://')) into.scripts.push(e.url || '(inline)');
  });
  viewer.on('dialog', (d) => {
    into.dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  viewer.on('console', (m) => into.console.push(m.text()));
  let opened = '';
  viewer.on('request', (r) => {
    if (r.url().startsWith('file:')) {
      if (r.url() !== opened) into.fileRequests.push(r.url());
    } else if (!/^(data|blob):/.test(r.url())) into.requests.push(r.url());
  });
  viewer.on('requestfailed', (r) => {
    if (/csp/i.test(r.failure()?.errorText ?? '')) into.blockedByCsp.push(r.url());
  });
  for (const file of files) {
    opened = pathToFileURL(file).href;
    await viewer.goto(opened);
    await viewer.waitForLoadState('load');
    into.pages++;
  }
  await new Promise((r) => setTimeout(r, 1_500));
  await viewer.close();
}

describe('hostile markup in Chromium', () => {
  it('clips the payload page through the real panel and shows it in the sandboxed frame: nothing runs, nothing loads', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/hostile/xss.html`);
    await page.waitForFunction(() => (window as unknown as { hostilePageReady?: boolean }).hostilePageReady === true);
    const pageTimeBeacons = beacon.hits.length;
    expect(pageTimeBeacons).toBe(0);

    panel = await run.openPanel(page);
    watch = await watchPanel(panel, `chrome-extension://${run.extensionId}`);
    background = await run.attachBackground();
    await background.send('Network.enable');
    background.on('Network.requestWillBeSent', (p) => {
      const url = (p.request as { url: string }).url;
      backgroundSeen.push(url);
      if (!url.startsWith(`chrome-extension://${run.extensionId}/`)) backgroundRequests.push(url);
    });
    await createCase(panel, 'Hostile markup');
    const hitsBeforeClip = portal.hits.length;
    // This Chromium has the HTML Sanitizer API (checked, not assumed) and the clip used it.
    expect(
      await page.evaluate(
        () =>
          typeof (globalThis as unknown as { Sanitizer?: unknown }).Sanitizer === 'function' &&
          typeof (Document as unknown as { parseHTML?: unknown }).parseHTML === 'function',
      ),
    ).toBe(true);
    const status = await clipFromPanel(panel);
    expect(status).toContain('Clipped');
    expect(await lastSanitizer(panel)).toBe('native');
    const clipHits = portal.hits.slice(hitsBeforeClip);

    await panel.click('[data-testid="record-open"]');
    await panel.waitForSelector('[data-testid="record-snapshot"]');
    const srcdoc = await panel.evaluate(
      () => document.querySelector<HTMLIFrameElement>('[data-testid="record-snapshot"]')!.srcdoc,
    );
    // Every payload's section made it into the clip (the test is only as good as what was clipped).
    snapshotDoc = srcdoc;
    const missing = payloads.filter((p) => !srcdoc.includes(`Payload ${p.id} marker`)).map((p) => p.id);
    expect(missing).toEqual([]);
    expect(
      await panel.evaluate(() => document.querySelector('[data-testid="record-snapshot"]')!.getAttribute('sandbox')),
    ).toBe('');
    await new Promise((r) => setTimeout(r, 2_000));

    console.log(
      `XSS (panel): ${watch.foreignScripts.length} script executions, ${watch.dialogs.length} dialogs, ` +
        `${beacon.hits.length} beacon requests over ${payloads.length} payloads`,
    );
    console.log(
      `No data leaves (clip + view): ${watch.requests.length} requests from the panel, ${backgroundRequests.length} from the background; portal requests during the clip: ${clipHits.length} (${[...new Set(clipHits.map((h) => h.split('?')[0]))].join(', ') || 'none'})`,
    );
    expect(watch.dialogs).toEqual([]);
    expect(watch.foreignScripts).toEqual([]);
    expect(watch.requests).toEqual([]);
    expect(backgroundRequests).toEqual([]);
    expect(beacon.hits).toEqual([]);
  });

  it('exports the package and opens INDEX.HTM and every record.html from file://: nothing runs, nothing loads', async () => {
    const hitsBefore = portal.hits.length;
    const { pkg } = await exportFromPanel(panel, run.downloadDir);
    expect(pkg.problems).toEqual([]);
    const exportHits = portal.hits.slice(hitsBefore);
    const dir = mkdtempSync(join(tmpdir(), 'sl-xss-package-'));
    const files = extractPackage(pkg, dir).filter((f) => /(?:INDEX\.HTM|record\.html)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    packagePages = files;

    await openFiles(files, fileResults);

    console.log(
      `XSS (exported package, ${fileResults.pages} pages via file://): ${fileResults.scripts.length} script executions, ` +
        `${fileResults.dialogs.length} dialogs, ${fileResults.requests.length} network requests, ${fileResults.fileRequests.length} file: requests, ${beacon.hits.length} beacon requests over ${payloads.length} payloads`,
    );
    console.log(
      `No data leaves (export): ${exportHits.length} portal requests, ${watch.requests.length} requests from the panel, ${backgroundRequests.length} from the background`,
    );
    expect(fileResults.scripts).toEqual([]);
    expect(fileResults.dialogs).toEqual([]);
    expect(fileResults.console).toEqual([]);
    expect(fileResults.requests).toEqual([]);
    expect(fileResults.fileRequests).toEqual([]);
    expect(beacon.hits).toEqual([]);
    expect(exportHits).toEqual([]);
    expect(backgroundRequests).toEqual([]);
    expect(watch.requests).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });

  it('layer control, sanitizer alone: the clipped snapshot and the package pages with their CSP removed stay inert', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-xss-sanitizer-only-'));
    const files = [
      join(dir, 'snapshot-no-csp.html'),
      ...packagePages.map((_, i) => join(dir, `page-${i}-no-csp.html`)),
    ];
    writeFileSync(files[0]!, withoutCsp(snapshotDoc));
    packagePages.forEach((page, i) => writeFileSync(files[i + 1]!, withoutCsp(readFileSync(page, 'utf8'))));
    // The control holds what was clipped: every payload's section is there, only the CSP is gone.
    const body = readFileSync(files[0]!, 'utf8');
    expect(payloads.filter((p) => !body.includes(`Payload ${p.id} marker`))).toEqual([]);
    const result = seen();
    const beaconsBefore = beacon.hits.length;
    await openFiles(files, result);
    const beacons = beacon.hits.length - beaconsBefore;
    console.log(
      `XSS layer control, sanitizer only (no CSP, no sandbox; ${result.pages} pages via file://): ${result.scripts.length} scripts, ` +
        `${result.dialogs.length} dialogs, ${result.requests.length} network requests, ${result.fileRequests.length} file: requests, ${beacons} beacon requests`,
    );
    expect(result.scripts).toEqual([]);
    expect(result.dialogs).toEqual([]);
    expect(result.requests).toEqual([]);
    expect(result.fileRequests).toEqual([]);
    expect(beacons).toBe(0);
  });

  it("layer control, CSP alone: raw payloads in the panel's snapshot frame and in a package page stay inert", async () => {
    // The panel: the product's own frame (sandbox and CSP as rendered), with the unsanitized payloads.
    const before = {
      dialogs: watch.dialogs.length,
      scripts: watch.foreignScripts.length,
      requests: watch.requests.length,
      beacons: beacon.hits.length,
    };
    await panel.evaluate((doc: string) => {
      const real = document.querySelector<HTMLIFrameElement>('[data-testid="record-snapshot"]')!;
      const frame = real.cloneNode(false) as HTMLIFrameElement;
      frame.setAttribute('data-testid', 'raw-control');
      frame.srcdoc = doc;
      real.after(frame);
    }, withRawBody(snapshotDoc));
    expect(
      await panel.evaluate(() => document.querySelector('[data-testid="raw-control"]')!.getAttribute('sandbox')),
    ).toBe('');
    await new Promise((r) => setTimeout(r, 2_500));
    const inPanel = {
      dialogs: watch.dialogs.slice(before.dialogs),
      scripts: watch.foreignScripts.slice(before.scripts),
      requests: watch.requests.slice(before.requests),
      beacons: beacon.hits.length - before.beacons,
    };
    await panel.evaluate(() => document.querySelector('[data-testid="raw-control"]')!.remove());

    // The package: a record page as exported (its CSP), its body replaced by the unsanitized payloads.
    const dir = mkdtempSync(join(tmpdir(), 'sl-xss-csp-only-'));
    const page = packagePages.find((f) => f.endsWith('record.html'))!;
    const raw = join(dir, 'record-raw.html');
    writeFileSync(raw, withRawBody(readFileSync(page, 'utf8')));
    const result = seen();
    const beaconsBefore = beacon.hits.length;
    await openFiles([raw], result);
    const beacons = beacon.hits.length - beaconsBefore;
    const leaked = {
      requests: unblocked(result.requests, result.blockedByCsp),
      fileRequests: unblocked(result.fileRequests, result.blockedByCsp),
    };
    console.log(
      `XSS layer control, CSP only (unsanitized payloads): panel frame ${inPanel.scripts.length} scripts, ${inPanel.dialogs.length} dialogs, ` +
        `${inPanel.requests.length} requests, ${inPanel.beacons} beacon requests; package page via file:// ${result.scripts.length} scripts, ` +
        `${result.dialogs.length} dialogs, ${result.requests.length} network and ${result.fileRequests.length} file: requests attempted, ` +
        `${result.blockedByCsp.length} stopped by the CSP, ${leaked.requests.length + leaked.fileRequests.length} not stopped, ${beacons} beacon requests`,
    );
    expect(inPanel).toEqual({ dialogs: [], scripts: [], requests: [], beacons: 0 });
    expect(result.scripts).toEqual([]);
    expect(result.dialogs).toEqual([]);
    expect(leaked).toEqual({ requests: [], fileRequests: [] });
    // The CSP really was the layer at work here: the raw payloads tried, and it stopped them.
    expect(result.blockedByCsp.length).toBeGreaterThan(0);
    expect(beacons).toBe(0);
  });

  it('positive control: the same instruments do see the raw payloads run and phone home', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-xss-raw-'));
    const raw = join(dir, 'raw.html');
    writeFileSync(
      raw,
      `<!DOCTYPE html><meta charset="utf-8"><body>${payloads.map((p) => `<div>${p.html}</div>`).join('\n')}</body>`,
    );
    const control = seen();
    const beaconsBefore = beacon.hits.length;
    await openFiles([raw], control);
    console.log(
      `XSS positive control (raw payloads, no sanitizer, no CSP): ${control.scripts.length} scripts, ${control.dialogs.length} dialogs, ${beacon.hits.length - beaconsBefore} beacon requests, ${control.fileRequests.length} file: requests`,
    );
    expect(control.fileRequests.length).toBeGreaterThan(0);
    expect(control.scripts.length).toBeGreaterThan(0);
    expect(control.dialogs.length).toBeGreaterThan(0);
    expect(beacon.hits.length - beaconsBefore).toBeGreaterThan(0);
    // The background's network watch sees a request the background makes; and the extension CSP
    // (connect-src 'self') stops one to the loopback server before it leaves.
    await background.send('Runtime.evaluate', {
      expression: `fetch('/manifest.json?probe').then(() => 0)`,
      awaitPromise: true,
    });
    await background.send('Runtime.evaluate', {
      expression: `fetch('${beacon.origin}/beacon?p=background-probe').catch(() => 0)`,
      awaitPromise: true,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(backgroundSeen.some((u) => u.endsWith('/manifest.json?probe'))).toBe(true);
    expect(beacon.hits.some((h) => h.includes('background-probe'))).toBe(false);
  });

  it('the DOMPurify fallback (a browser without the Sanitizer API): clipped, shown and exported, nothing runs, nothing loads', async () => {
    const page = run.context.pages()[0]!;
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { hostilePageReady?: boolean }).hostilePageReady === true);
    await removeSanitizerApiInTab(background, `${portal.origin}/hostile/xss.html`);
    const before = {
      dialogs: watch.dialogs.length,
      scripts: watch.foreignScripts.length,
      requests: watch.requests.length,
      beacons: beacon.hits.length,
    };
    await createCase(panel, 'Hostile markup, fallback sanitizer');
    // The status reads as the first clip's did (same page), so wait for the new, empty case's record.
    await panel.click('[data-testid="clip-page"]');
    await panel.waitFor(
      () =>
        document.querySelectorAll('[data-testid="record-open"]').length > 0 &&
        !document.querySelector<HTMLButtonElement>('[data-testid="clip-page"]')!.disabled,
      [],
      120_000,
    );
    expect(await panel.text('[data-testid="clip-status"]')).toContain('Clipped');
    expect(await lastSanitizer(panel)).toBe('fallback');
    await panel.click('[data-testid="record-open"]');
    await panel.waitForSelector('[data-testid="record-snapshot"]');
    const srcdoc = await panel.evaluate(
      () => document.querySelector<HTMLIFrameElement>('[data-testid="record-snapshot"]')!.srcdoc,
    );
    expect(payloads.filter((p) => !srcdoc.includes(`Payload ${p.id} marker`)).map((p) => p.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 2_000));

    // The panel too without the API: the export's record pages go through purify.js, loaded on demand.
    await panel.evaluate(() => {
      delete (Document as unknown as { parseHTML?: unknown }).parseHTML;
      (globalThis as unknown as { Sanitizer?: unknown }).Sanitizer = undefined;
    });
    const { pkg } = await exportFromPanel(panel, run.downloadDir);
    expect(pkg.problems).toEqual([]);
    expect(
      await panel.evaluate(() => typeof (window as unknown as { secondLookPurify?: unknown }).secondLookPurify),
    ).toBe('function');
    const dir = mkdtempSync(join(tmpdir(), 'sl-xss-fallback-'));
    const files = extractPackage(pkg, dir).filter((f) => /(?:INDEX\.HTM|record\.html)$/.test(f));
    const result = seen();
    const beaconsBefore = beacon.hits.length;
    // The sanitizer alone (no CSP, no sandbox) on the fallback's snapshot, beside the package pages.
    const bare = join(dir, 'snapshot-no-csp.html');
    writeFileSync(bare, withoutCsp(srcdoc));
    await openFiles([...files, bare], result);
    const inPanel = {
      dialogs: watch.dialogs.slice(before.dialogs),
      scripts: watch.foreignScripts.slice(before.scripts),
      requests: watch.requests.slice(before.requests),
    };
    console.log(
      `XSS (DOMPurify fallback): panel ${inPanel.scripts.length} script executions, ${inPanel.dialogs.length} dialogs, ${inPanel.requests.length} requests; ` +
        `package + snapshot without CSP (${result.pages} pages via file://) ${result.scripts.length} scripts, ${result.dialogs.length} dialogs, ` +
        `${result.requests.length} network and ${result.fileRequests.length} file: requests; ${beacon.hits.length - before.beacons} beacon requests over ${payloads.length} payloads`,
    );
    expect(inPanel).toEqual({ dialogs: [], scripts: [], requests: [] });
    expect(result.scripts).toEqual([]);
    expect(result.dialogs).toEqual([]);
    expect(result.requests).toEqual([]);
    expect(result.fileRequests).toEqual([]);
    expect(beacon.hits.length - beaconsBefore).toBe(0);
    expect(beacon.hits.length - before.beacons).toBe(0);
  });
});
