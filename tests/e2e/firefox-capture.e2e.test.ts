import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenLabRows, storedLabRows } from '../harness/ccda-import';
import { type FirefoxRun, until, type FirefoxApi } from '../harness/firefox';
import type { DemoPortal } from '../harness/portal-server';
import { THIRD_PARTY } from '../harness/shared';
import { startFirefoxSuite, stopSuite } from '../harness/suite';

let portal: DemoPortal;
let run: FirefoxRun;
const SAMPLE = 'hl7_Progress_Note.xml';

beforeAll(async () => {
  ({ portal, run } = await startFirefoxSuite());
});
afterAll(() => stopSuite({ run, portal }));

describe('portal-aware capture in Firefox', () => {
  it('previews a multi-record page and keeps the chosen records with their PDF byte-identical', async () => {
    const url = `${portal.origin}/mychart/test-results/results-list.html`;
    const portalPage = await run.browser.newPage();
    await portalPage.goto(url);
    const panel = await run.openPanel();
    await panel.locator('[data-testid="case-new-title"]').fill('Capture in Firefox');
    await panel.locator('[data-testid="case-create"]').click();
    await until(panel, () => document.querySelector('[data-testid="case-select"]') !== null);

    // Opened as a tab, the panel sends the same typed messages through the real background.
    const preview = (await panel.evaluate(async (target: string) => {
      const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === target);
      return api.runtime.sendMessage({ type: 'clip/preview', payload: { tabId: tab?.id, selectionOnly: false } });
    }, url)) as {
      ok: boolean;
      data: {
        saved: boolean;
        token: string;
        records: { title: string; attachments: { name: string }[]; failed: { reason: string }[] }[];
      };
    };
    expect(preview.ok).toBe(true);
    expect(preview.data.saved).toBe(false);
    expect(preview.data.records.map((r) => r.title)).toEqual(['Lipid Panel', 'Urinalysis', 'Hemoglobin A1c']);
    expect(preview.data.records[0]!.attachments.map((a) => a.name)).toEqual(['lipid-panel-report.pdf']);
    expect(preview.data.records[1]!.failed.map((f) => f.reason)).toEqual(['login-page']);

    const saved = await panel.evaluate(async (token: string) => {
      const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
      return api.runtime.sendMessage({ type: 'clip/save', payload: { token, indexes: [0, 2] } });
    }, preview.data.token);
    expect(saved).toMatchObject({
      ok: true,
      data: { titles: ['Lipid Panel', 'Hemoglobin A1c'], attachmentsSaved: 1, attachmentProblems: [] },
    });

    const served = readFileSync(join(import.meta.dirname, '../demo-portal/mychart/documents/lipid-panel-report.pdf'));
    const stored = await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const open = indexedDB.open('second-look');
        open.onsuccess = () => ok(open.result);
      });
      const rows = await new Promise<{ size: number; blob: Blob }[]>((ok) => {
        const request = db.transaction('attachments').objectStore('attachments').getAll();
        request.onsuccess = () => ok(request.result);
      });
      db.close();
      const bytes = new Uint8Array(await rows[0]!.blob.arrayBuffer());
      return {
        count: rows.length,
        size: rows[0]!.size,
        hex: Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join(''),
      };
    });
    expect(stored).toEqual({ count: 1, size: served.length, hex: createHash('sha256').update(served).digest('hex') });
  });

  it("imports a C-CDA file through the sidebar page with Firefox's own XML parser", async () => {
    const panel = await run.openPanel();
    await panel.locator('[data-testid="case-new-title"]').fill('C-CDA in Firefox');
    await panel.locator('[data-testid="case-create"]').click();
    await until(panel, () => document.querySelector('[data-testid="case-select"]') !== null);
    const input = await panel.waitForSelector('input[data-testid="file-input"]');
    await input!.uploadFile(join(THIRD_PARTY, 'ccda', SAMPLE));
    await until(panel, () =>
      /added \d+ record/.test(document.querySelector('[data-testid="file-status"]')?.textContent ?? ''),
    );
    const stored = await storedLabRows(panel, SAMPLE);
    expect(stored).toHaveLength(6);
    expect(stored).toEqual(goldenLabRows(SAMPLE));

    // Cut short: Firefox's DOMParser answers with a document whose root is a <parsererror>.
    const xml = readFileSync(join(THIRD_PARTY, 'ccda', SAMPLE), 'utf8');
    await panel.evaluate(
      (text: string) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'truncated.xml', { type: 'text/xml' }));
        const picker = document.querySelector<HTMLInputElement>('[data-testid="file-input"]')!;
        picker.files = transfer.files;
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      },
      xml.slice(0, Math.floor(xml.length * 0.8)),
    );
    const status = await until(panel, () => {
      const text = document.querySelector('[data-testid="file-status"]')?.textContent ?? '';
      return text.includes('truncated.xml') ? text : '';
    });
    expect(status).toMatch(/the file is not XML .* Nothing was saved/);
    expect(await storedLabRows(panel, 'truncated.xml')).toEqual([]);
  });
});
