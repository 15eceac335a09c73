import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import type { ChromiumRun } from '../harness/chromium';
import { caseFiles, servedBytes, servedSha256, startOtherOrigin } from '../harness/embedded-check';
import { clipFromPanel, createCase } from '../harness/panel-actions';
import type { DemoPortal } from '../harness/portal-server';
import { startChromiumSuite, stopSuite } from '../harness/suite';

// What the page shows is what the clip keeps, through the real side panel: PDFs shown in an iframe (by
// address and by a blob: URL the page made), an embed and an object are attached byte-exact; a frame from
// another origin is reported as not copied and its record flagged as holding only its title; images are
// kept as displayed; and each kind of bad input is named while the rest of the page is kept.
let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
let other: Awaited<ReturnType<typeof startOtherOrigin>>;

const PATHOLOGY_PDF = 'athena/pathology/surgical-pathology-report.pdf';
const LIPID_PDF = 'mychart/documents/lipid-panel-report.pdf';

/** Opens `path` in the portal tab, clips it into a new case, and returns the clip status text. */
async function clipInNewCase(path: string, caseTitle: string, ready?: string): Promise<string> {
  const page = run.context.pages()[0]!;
  await page.goto(`${portal.origin}${path}`, { waitUntil: 'domcontentloaded' });
  if (ready) await page.waitForSelector(ready);
  if (!panel) panel = await run.openPanel(page);
  await panel.waitForText('[data-testid="tab-origin"]', '127.0.0.1');
  await createCase(panel, caseTitle);
  return clipFromPanel(panel, 90_000);
}

beforeAll(async () => {
  ({ portal, run } = await startChromiumSuite());
  other = await startOtherOrigin();
});
afterAll(async () => {
  await stopSuite({ panel, run, portal });
  await other?.close();
});

describe('embedded documents in Chromium', () => {
  it('keeps a PDF shown in an iframe by address (MyChart-style viewer), byte-exact with its SHA-256', async () => {
    const status = await clipInNewCase('/viewers/mychart-iframe.html', 'Embedded iframe');
    expect(status).toContain('Clipped');
    expect(status).toContain('Attachments kept: 1');
    expect(status).not.toContain('only the title');
    expect(status).not.toContain('cannot read');
    const [file, ...rest] = await caseFiles(panel, 'Embedded iframe');
    expect(rest).toEqual([]);
    expect(file).toMatchObject({ name: 'surgical-pathology-report.pdf', mediaType: 'application/pdf' });
    expect(file!.sha256).toBe(servedSha256(PATHOLOGY_PDF));
    expect(file!.blobSha256).toBe(servedSha256(PATHOLOGY_PDF));
    // Shown in the record detail with its hash.
    await panel.click('[data-testid="record-open"]');
    const detail = await panel.waitForText('[data-testid="record-attachments"]', 'surgical-pathology-report.pdf');
    expect(detail).toContain(`SHA-256 ${servedSha256(PATHOLOGY_PDF).slice(0, 12)}`);
    expect(await panel.text('[data-testid="record-detail"]')).not.toContain('Only the title was captured');
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('.link')!.click());
  });

  it("keeps a PDF the page's script shows by a blob: URL", async () => {
    const status = await clipInNewCase('/viewers/blob-iframe.html', 'Embedded blob', 'iframe[data-loaded]');
    expect(status).toContain('Attachments kept: 1');
    const files = await caseFiles(panel, 'Embedded blob');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ mediaType: 'application/pdf' });
    expect(files[0]!.blobSha256).toBe(servedSha256(PATHOLOGY_PDF));
  });

  it('keeps a PDF in an embed (athenahealth-style) and in an object (kept once with its fallback link)', async () => {
    expect(await clipInNewCase('/viewers/embed.html', 'Embedded embed')).toContain('Attachments kept: 1');
    const embedded = await caseFiles(panel, 'Embedded embed');
    expect(embedded.map((f) => f.blobSha256)).toEqual([servedSha256(PATHOLOGY_PDF)]);

    expect(await clipInNewCase('/viewers/object.html', 'Embedded object')).toContain('Attachments kept: 1');
    const inObject = await caseFiles(panel, 'Embedded object');
    expect(inObject.map((f) => [f.name, f.blobSha256])).toEqual([['lipid-panel-report.pdf', servedSha256(LIPID_PDF)]]);
  });

  it('reports a frame from another origin as not copied, sends it no request, and flags the title-only record', async () => {
    const status = await clipInNewCase(
      `/viewers/cross-origin.html?other=${encodeURIComponent(other.origin)}`,
      'Embedded cross-origin',
      'iframe[src^="http://127.0.0.2"]',
    );
    const hitsBefore = other.hits.length;
    expect(status).toContain('1 embedded document could not be copied: open it and save it, then add the file');
    expect(status).toMatch(/Embedded document “pathology-report\.pdf” was not copied: it is shown from another site/);
    expect(status).toContain('“Pathology Consultation Report”: only the title was captured');
    expect(await caseFiles(panel, 'Embedded cross-origin')).toEqual([]);
    // Only the page's own frame loaded it; the clip did not ask the other origin for anything.
    expect(other.hits.length).toBe(hitsBefore);
    // The record list says so, and the checklist does not count the pathology family as present.
    // (The status can arrive before the list's live query has re-run: wait for the list.)
    expect(await panel.waitForText('[data-testid="records-pathology"]', 'only the title was captured')).toContain(
      'only the title was captured',
    );
  });

  it('keeps each image as displayed: srcset, picture, three lazy-loading patterns, a role="img" background', async () => {
    const status = await clipInNewCase('/viewers/images.html', 'Displayed images', '#picture');
    expect(status).toContain('Attachments kept: 6');
    const files = await caseFiles(panel, 'Displayed images');
    const expected = [
      'background.png',
      'lazy-data-lazy-src.png',
      'lazy-data-original.png',
      'lazy-data-src.png',
      'photo-picture.png',
      'photo-srcset.png',
    ];
    expect(files.map((f) => f.name)).toEqual(expected);
    for (const file of files) expect(file.blobSha256).toBe(servedSha256(`viewers/img/${file.name}`));
    // The spacer GIFs and the picture's fallback were not what the page showed: not attached.
    expect(files.some((f) => /spacer|fallback/.test(f.name))).toBe(false);
    expect(status).not.toContain('could not be kept');
  });

  it('names every bad embedded document and keeps the rest of the page', async () => {
    const status = await clipInNewCase('/viewers/bad-embeds.html', 'Bad embeds', 'iframe[data-revoked]');
    expect(status).toContain('Clipped');
    expect(status).toContain('Attachments kept: 1');
    expect(status).toContain('4 embedded documents could not be copied');
    expect(status).toMatch(/“never\.pdf” was not copied: it did not finish loading/);
    expect(status).toMatch(/“Consent form” was not copied: the page no longer holds its copy/);
    expect(status).toMatch(/“report\.pdf” was not copied: it is over 100 MB/);
    expect(status).toMatch(/“fake-report\.pdf” was not copied: the portal answered with its sign-in page/);
    expect(status).not.toContain('only the title');
    const files = await caseFiles(panel, 'Bad embeds');
    expect(files.map((f) => [f.name, f.blobSha256, f.size])).toEqual([
      ['lipid-panel-report.pdf', servedSha256(LIPID_PDF), servedBytes(LIPID_PDF)],
    ]);
  });
});
