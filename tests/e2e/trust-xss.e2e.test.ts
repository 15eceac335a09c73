import { mkdtempSync, writeFileSync } from 'node:fs';
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

// Issue 6, figure 1 (XSS) and figure 3 (no data leaves). Two loopback servers: the portal serving the
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
const fileResults = {
  pages: 0,
  dialogs: [] as string[],
  scripts: [] as string[],
  requests: [] as string[],
  console: [] as string[],
};

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
async function openFiles(files: string[], into: typeof fileResults): Promise<void> {
  const viewer = await run.context.newPage();
  const cdp = await run.context.newCDPSession(viewer);
  await cdp.send('Debugger.enable');
  cdp.on('Debugger.scriptParsed', (e) => {
    const aux = e.executionContextAuxData as { type?: string } | undefined;
    // Playwright's own utility world is 'isolated'; anything in the page's main world is the file's.
    if (aux?.type !== 'isolated') into.scripts.push(e.url || '(inline)');
  });
  viewer.on('dialog', (d) => {
    into.dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  viewer.on('console', (m) => into.console.push(m.text()));
  viewer.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) into.requests.push(r.url());
  });
  for (const file of files) {
    await viewer.goto(pathToFileURL(file).href);
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
    const status = await clipFromPanel(panel);
    expect(status).toContain('Clipped');
    const clipHits = portal.hits.slice(hitsBeforeClip);

    await panel.click('[data-testid="record-open"]');
    await panel.waitForSelector('[data-testid="record-snapshot"]');
    const srcdoc = await panel.evaluate(
      () => document.querySelector<HTMLIFrameElement>('[data-testid="record-snapshot"]')!.srcdoc,
    );
    // Every payload's section made it into the clip (the test is only as good as what was clipped).
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

    await openFiles(files, fileResults);

    console.log(
      `XSS (exported package, ${fileResults.pages} pages via file://): ${fileResults.scripts.length} script executions, ` +
        `${fileResults.dialogs.length} dialogs, ${fileResults.requests.length} network requests, ${beacon.hits.length} beacon requests over ${payloads.length} payloads`,
    );
    console.log(
      `No data leaves (export): ${exportHits.length} portal requests, ${watch.requests.length} requests from the panel, ${backgroundRequests.length} from the background`,
    );
    expect(fileResults.scripts).toEqual([]);
    expect(fileResults.dialogs).toEqual([]);
    expect(fileResults.console).toEqual([]);
    expect(fileResults.requests).toEqual([]);
    expect(beacon.hits).toEqual([]);
    expect(exportHits).toEqual([]);
    expect(backgroundRequests).toEqual([]);
    expect(watch.requests).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });

  it('positive control: the same instruments do see the raw payloads run and phone home', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-xss-raw-'));
    const raw = join(dir, 'raw.html');
    writeFileSync(
      raw,
      `<!DOCTYPE html><meta charset="utf-8"><body>${payloads.map((p) => `<div>${p.html}</div>`).join('\n')}</body>`,
    );
    const control = {
      pages: 0,
      dialogs: [] as string[],
      scripts: [] as string[],
      requests: [] as string[],
      console: [] as string[],
    };
    const beaconsBefore = beacon.hits.length;
    await openFiles([raw], control);
    console.log(
      `XSS positive control (raw payloads, no sanitizer, no CSP): ${control.scripts.length} scripts, ${control.dialogs.length} dialogs, ${beacon.hits.length - beaconsBefore} beacon requests`,
    );
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
});
