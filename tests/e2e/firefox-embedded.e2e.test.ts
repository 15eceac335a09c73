import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFiles, servedBytes, servedSha256, startOtherOrigin } from '../harness/embedded-check';
import type { FirefoxApi, FirefoxRun } from '../harness/firefox';
import type { DemoPortal } from '../harness/portal-server';
import { startFirefoxSuite, stopSuite } from '../harness/suite';

// The same document-viewer fixtures as chromium-embedded, in firefox-esr: there a PDF frame is PDF.js and
// the page cannot read it (contentDocument is null), so documents are found by the element's address.
let portal: DemoPortal;
let run: FirefoxRun;
let panel: Page;
let other: Awaited<ReturnType<typeof startOtherOrigin>>;

const PATHOLOGY_PDF = 'athena/pathology/surgical-pathology-report.pdf';
const LIPID_PDF = 'mychart/documents/lipid-panel-report.pdf';

interface ClipOutcome {
  ok: boolean;
  data: {
    saved: boolean;
    result: {
      titles: string[];
      attachmentsSaved?: number;
      attachmentProblems?: { name: string; reason: string; embedded?: boolean }[];
      titleOnly?: string[];
      warnings: string[];
    };
  };
}

/** Opens `path` in a tab, clips it into a new case through the real background, and returns the result. */
async function clipInNewCase(path: string, caseTitle: string, ready?: string): Promise<ClipOutcome['data']['result']> {
  const url = `${portal.origin}${path}`;
  const tab = await run.browser.newPage();
  await tab.goto(url, { waitUntil: 'domcontentloaded' });
  if (ready) await tab.waitForSelector(ready, { timeout: 20_000 });
  panel ??= await run.openPanel();
  // The portal tab opened last is in front; typing goes to the panel page.
  await panel.bringToFront();
  await panel.locator('[data-testid="case-new-title"]').fill(caseTitle);
  await panel.locator('[data-testid="case-create"]').click();
  for (let tries = 0; ; tries++) {
    const active = await panel.evaluate(
      () =>
        document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent ?? '',
    );
    if (active === caseTitle) break;
    if (tries > 100) throw new Error(`the case ${caseTitle} did not become active`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const outcome = (await panel.evaluate(async (target: string) => {
    const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
    const found = (await api.tabs.query({})).find((t) => t.url === target);
    return api.runtime.sendMessage({ type: 'clip/preview', payload: { tabId: found?.id, selectionOnly: false } });
  }, url)) as ClipOutcome;
  await tab.close();
  expect(outcome.ok).toBe(true);
  expect(outcome.data.saved).toBe(true);
  return outcome.data.result;
}

const embeddedProblems = (result: ClipOutcome['data']['result']) =>
  (result.attachmentProblems ?? []).filter((p) => p.embedded).map((p) => [p.name, p.reason]);

beforeAll(async () => {
  ({ portal, run } = await startFirefoxSuite());
  other = await startOtherOrigin();
});
afterAll(async () => {
  await stopSuite({ run, portal });
  await other?.close();
});

describe('embedded documents in Firefox', () => {
  it('keeps PDFs shown in an iframe by address, by a blob: URL, in an embed and in an object, byte-exact', async () => {
    const cases: [string, string, string, string | undefined][] = [
      ['/viewers/mychart-iframe.html', 'FF iframe', PATHOLOGY_PDF, undefined],
      ['/viewers/blob-iframe.html', 'FF blob', PATHOLOGY_PDF, 'iframe[data-loaded]'],
      ['/viewers/embed.html', 'FF embed', PATHOLOGY_PDF, undefined],
      ['/viewers/object.html', 'FF object', LIPID_PDF, undefined],
    ];
    for (const [path, title, served, ready] of cases) {
      const result = await clipInNewCase(path, title, ready);
      expect({ path, saved: result.attachmentsSaved, problems: result.attachmentProblems }).toEqual({
        path,
        saved: 1,
        problems: [],
      });
      expect(result.titleOnly).toBeUndefined();
      const files = await caseFiles(panel, title);
      expect(files.map((f) => [f.mediaType, f.size, f.sha256, f.blobSha256])).toEqual([
        ['application/pdf', servedBytes(served), servedSha256(served), servedSha256(served)],
      ]);
    }
  });

  it('reports a frame from another origin as not copied and flags the title-only record', async () => {
    const hitsBefore = other.hits.length;
    const result = await clipInNewCase(
      `/viewers/cross-origin.html?other=${encodeURIComponent(other.origin)}`,
      'FF cross-origin',
      'iframe[src^="http://127.0.0.2"]',
    );
    expect(embeddedProblems(result)).toEqual([['pathology-report.pdf', 'cross-origin']]);
    expect(result.titleOnly).toEqual(['Pathology Consultation Report']);
    expect(await caseFiles(panel, 'FF cross-origin')).toEqual([]);
    // The page's frame loaded it once at most; the clip itself asked the other origin for nothing.
    expect(other.hits.length - hitsBefore).toBeLessThanOrEqual(1);
    expect(result.warnings.some((w) => w.startsWith('frames-unreadable'))).toBe(false);
  });

  it('keeps each image as displayed, without placeholders', async () => {
    const result = await clipInNewCase('/viewers/images.html', 'FF images', '#picture');
    const files = await caseFiles(panel, 'FF images');
    expect(files.map((f) => f.name)).toEqual([
      'background.png',
      'lazy-data-lazy-src.png',
      'lazy-data-original.png',
      'lazy-data-src.png',
      'photo-picture.png',
      'photo-srcset.png',
    ]);
    for (const file of files) expect(file.blobSha256).toBe(servedSha256(`viewers/img/${file.name}`));
    expect(result.attachmentsSaved).toBe(6);
  });

  it('names every bad embedded document and keeps the rest of the page', async () => {
    const result = await clipInNewCase('/viewers/bad-embeds.html', 'FF bad embeds', 'iframe[data-revoked]');
    expect(embeddedProblems(result).sort()).toEqual(
      [
        ['never.pdf', 'timed-out'],
        ['Consent form', 'released'],
        ['report.pdf', 'too-large'],
        ['fake-report.pdf', 'login-page'],
      ].sort(),
    );
    expect(result.titleOnly).toBeUndefined();
    const files = await caseFiles(panel, 'FF bad embeds');
    expect(files.map((f) => [f.name, f.blobSha256, f.size])).toEqual([
      ['lipid-panel-report.pdf', servedSha256(LIPID_PDF), servedBytes(LIPID_PDF)],
    ]);
  });
});
