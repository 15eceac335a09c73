import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseBuild, testBuild } from '../harness/builds';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';

// The release build (`npm run build`: .output/<browser>-mv3 and the store zips) pre-grants no host: site
// access comes only from activeTab (the user's click) or a per-portal request the user answers. The
// test builds pre-grant the loopback portal, which is why gesture-free clip tests may run only on them
// (tests/unit/architecture/gesture-free-clips.test.ts).
interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
}

const BROWSERS = ['chrome', 'firefox'] as const;
const OUTPUT = join(releaseBuild('chrome'), '..');

function manifestAt(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** What the manifest lets the extension reach without asking: hosts, content scripts, exposure to pages. */
function preGranted(manifest: Manifest): string[] {
  const hostLike = (p: string) => p === '<all_urls>' || p.includes('://') || p.startsWith('*');
  return [
    ...(manifest.host_permissions ?? []).map((h) => `host_permissions ${h}`),
    ...(manifest.permissions ?? []).filter(hostLike).map((h) => `permissions ${h}`),
    ...(manifest.content_scripts?.length ? ['content_scripts'] : []),
    ...(manifest.externally_connectable ? ['externally_connectable'] : []),
    ...(manifest.web_accessible_resources?.length ? ['web_accessible_resources'] : []),
  ];
}

let run: ChromiumRun | undefined;
let portal: DemoPortal | undefined;
afterAll(async () => {
  await run?.close();
  await portal?.close();
});

describe('the release build', () => {
  it.each(BROWSERS)('%s manifest pre-grants no host', (browser) => {
    const manifest = manifestAt(releaseBuild(browser));
    expect(preGranted(manifest)).toEqual([]);
    expect(manifest.permissions).toContain('activeTab');
    // Per-portal access is optional: asked for, per origin, when the user chooses it.
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    // The control: the test build differs exactly by the loopback grant, so the check above can fail.
    expect(preGranted(manifestAt(testBuild(browser)))).toEqual(['host_permissions http://127.0.0.1/*']);
  });

  it.each(BROWSERS)('%s store zip carries the same manifest', (browser) => {
    const zips = readdirSync(OUTPUT).filter((f) => f.endsWith(`-${browser}.zip`));
    expect(zips, `no ${browser} store zip in ${OUTPUT}: run npm run build`).toHaveLength(1);
    const entries = unzipSync(new Uint8Array(readFileSync(join(OUTPUT, zips[0]!))), {
      filter: (f) => f.name === 'manifest.json',
    });
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Manifest;
    expect(preGranted(manifest)).toEqual([]);
    expect(manifest).toEqual(manifestAt(releaseBuild(browser)));
  });

  it('loaded in Chromium, holds no host and cannot script a portal tab without the user', async () => {
    portal = await startDemoPortal();
    run = await launchChromium({ extensionDir: releaseBuild('chrome') });
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    const extensionPage = await run.context.newPage();
    await extensionPage.goto(`chrome-extension://${run.extensionId}/sidepanel.html`);
    const seen = await extensionPage.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const granted = (await c.permissions.getAll()) as { origins: string[] };
      // Without host access the extension cannot even read the portal tab's address: find it as "not us".
      const me = await c.tabs.getCurrent();
      const tabs = (await c.tabs.query({})) as { id: number; url?: string }[];
      const tab = tabs.find((t) => t.id !== me.id)!;
      let scripted: string;
      try {
        await c.scripting.executeScript({ target: { tabId: tab.id }, func: () => document.title });
        scripted = 'SCRIPTED';
      } catch (error) {
        scripted = String(error);
      }
      return { origins: granted.origins, tabs: tabs.length, urlVisible: tab.url !== undefined, scripted };
    });
    console.log(
      `Release build (Chromium): granted origins ${JSON.stringify(seen.origins)}; portal tab address visible: ${seen.urlVisible}; scripting a portal tab without a gesture: ${seen.scripted}`,
    );
    expect(seen.tabs).toBe(2);
    expect(seen.origins).toEqual([]);
    expect(seen.urlVisible).toBe(false);
    expect(seen.scripted).toMatch(/Cannot access contents of the page|permission/i);
    await extensionPage.close();
  });
});
