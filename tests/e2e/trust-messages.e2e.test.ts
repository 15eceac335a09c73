import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { clipFromPanel, clipTabsAtOnce, countRows, createCase, readTable } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { CaseRecord } from '../../lib/core/model';

// Issue 6, figures 2 (forged messages) and 7 (concurrency), in Chromium.
let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;

/** A page that tries every channel a hostile portal page has: window messages, fake events, extension URLs. */
const hostileMessagesPage = (
  extensionId: string,
) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hostile messages</title></head>
<body><main><h1>Hostile messages</h1><p>Lab result: Glucose 99 mg/dL</p><iframe src="/hostile/frame.html"></iframe></main><script>
(async () => {
  const forged = [
    { type: 'clip/tab', payload: { tabId: 1, selectionOnly: false } },
    { type: 'records/add', payload: { records: [{ kind: 'lab', title: 'forged' }] } },
    { type: 'case/export', payload: {} }, { type: 'case/delete', payload: {} }, { type: '__proto__', payload: {} },
  ];
  const reached = {};
  for (const m of forged) {
    window.postMessage(m, '*');
    window.postMessage(JSON.stringify(m), '*');
    document.dispatchEvent(new CustomEvent(m.type, { detail: m }));
    window.dispatchEvent(new CustomEvent('second-look', { detail: m }));
    window.dispatchEvent(new MessageEvent('message', { data: m, origin: location.origin }));
  }
  reached.chromeRuntime = typeof chrome !== 'undefined' && !!chrome.runtime && typeof chrome.runtime.sendMessage;
  try { await chrome.runtime.sendMessage('${extensionId}', forged[0]); reached.sendMessage = 'sent'; } catch (e) { reached.sendMessage = String(e).slice(0, 80); }
  try { reached.fetchPanel = (await fetch('chrome-extension://${extensionId}/sidepanel.html')).status; } catch (e) { reached.fetchPanel = 'blocked'; }
  try { reached.fetchManifest = (await fetch('chrome-extension://${extensionId}/manifest.json')).status; } catch (e) { reached.fetchManifest = 'blocked'; }
  reached.globals = Object.keys(window).filter((k) => /secondlook/i.test(k));
  window.hostileReport = reached;
})();
</script></body></html>`;

beforeAll(async () => {
  const pages: Record<string, string> = {};
  portal = await startDemoPortal(0, {
    '/hostile/messages.html': () => ({ body: pages.messages }),
    '/hostile/frame.html': () => ({ body: '<!DOCTYPE html><title>frame</title><p>subframe</p>' }),
  });
  run = await launchChromium({ extensionDir: testBuild('chrome') });
  pages.messages = hostileMessagesPage(run.extensionId);
});
afterAll(async () => {
  panel?.close();
  await run?.close();
  await portal?.close();
});

describe('forged messages', () => {
  it('a hostile page and content scripts in it cannot change the database', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    panel = await run.openPanel(page);
    await createCase(panel, 'Forgery target');
    expect(await clipFromPanel(panel)).toContain('Clipped');
    await page.goto(`${portal.origin}/hostile/messages.html`);
    await page.waitForFunction(() => (window as unknown as { hostileReport?: unknown }).hostileReport !== undefined);
    const before = await countRows(panel);

    const report = await page.evaluate(
      () => (window as unknown as { hostileReport: Record<string, unknown> }).hostileReport,
    );
    // What the page could reach: no extension messaging, no extension resources, no capture globals.
    expect(report.chromeRuntime).toBeFalsy();
    expect(report.fetchPanel).toBe('blocked');
    expect(report.fetchManifest).toBe('blocked');
    expect(report.globals).toEqual([]);

    // Content scripts (isolated world) in the top frame and the subframe send what they may not.
    const replies: { frameId: number; result: unknown }[] = await panel.evaluate(async (url: string) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const tab = (await c.tabs.query({})).find((t: { url?: string }) => t.url === url);
      const results = await c.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: async (tabId: number) => {
          const shapes: unknown[] = [
            { type: 'clip/tab', payload: { tabId, selectionOnly: false } },
            { type: 'clip/tab', payload: { tabId: -1, selectionOnly: 'yes' } },
            { type: 'clip/tab' },
            { type: 'records/add', payload: { records: [] } },
            { type: 'case/export', payload: { caseId: 'x' } },
            { type: '__proto__', payload: {} },
            { type: 'constructor', payload: {} },
            { type: 'x'.repeat(10_000), payload: {} },
            'clip/tab',
            null,
            [1, 2, 3],
          ];
          const out: unknown[] = [];
          for (const shape of shapes) {
            try {
              out.push(await (globalThis as any).chrome.runtime.sendMessage(shape));
            } catch (e) {
              out.push(`error: ${String(e).slice(0, 60)}`);
            }
          }
          return out;
        },
        args: [tab.id],
      });
      return results.map((r: { frameId: number; result: unknown }) => ({ frameId: r.frameId, result: r.result }));
    }, `${portal.origin}/hostile/messages.html`);
    const after = await countRows(panel);
    const forbidden = replies.flatMap((r) =>
      (r.result as unknown[]).filter((x) => (x as { error?: string } | null)?.error === 'forbidden'),
    ).length;
    const accepted = replies.flatMap((r) =>
      (r.result as unknown[]).filter((x) => (x as { ok?: boolean } | undefined)?.ok === true),
    ).length;
    const sent = replies.reduce((n, r) => n + (r.result as unknown[]).length, 0);
    console.log(
      `Forged messages: ${sent} messages from content scripts in ${replies.length} frames + 25 page messages/events: ` +
        `${accepted} accepted, ${forbidden} refused as forbidden, the rest ignored; database rows changed: ${JSON.stringify(before) === JSON.stringify(after) ? 0 : 'YES'}`,
    );
    expect(replies.length).toBe(2);
    expect(accepted).toBe(0);
    // Both frames' 'clip/tab' (valid and invalid payloads) are refused by sender before any parsing.
    expect(forbidden).toBe(4);
    expect(after).toEqual(before);
    // The panel still reports the legitimate clip, not a forged one.
    expect(await panel.text('[data-testid="clip-status"]')).toContain('CBC');
  });
});

describe('concurrency', () => {
  it('20 tabs clipped at once into one case: 20 whole records, none duplicated', async () => {
    await createCase(panel, 'Twenty tabs');
    const urls = Array.from({ length: 20 }, (_, i) => `${portal.origin}/generated/labs.html?rows=${i + 3}`);
    const tabs = await Promise.all(
      urls.map(async (url) => {
        const page = await run.context.newPage();
        await page.goto(url);
        return page;
      }),
    );
    const tabIds = await panel.evaluate(async (list: string[]) => {
      const all = await (globalThis as any).chrome.tabs.query({});
      return list.map((u) => all.find((t: { url?: string }) => t.url === u).id as number);
    }, urls);
    const rowsBefore = (await readTable(panel, 'records')).length;
    const started = Date.now();
    const replies = (await clipTabsAtOnce(panel, tabIds)) as {
      ok: boolean;
      data?: { added: string[]; caseId: string };
    }[];
    const ms = Date.now() - started;
    const caseId = replies[0]?.data?.caseId;
    const records = (await readTable(panel, 'records')).filter((r) => r.caseId === caseId);
    const invalid = records.filter((r) => !CaseRecord.safeParse(r).success).length;
    const hashes = new Set(records.map((r) => r.contentHash));
    // Clipping the same 20 again at once adds nothing.
    const again = (await clipTabsAtOnce(panel, tabIds)) as {
      ok: boolean;
      data?: { added: string[]; duplicates: string[] };
    }[];
    const recordsAfter = (await readTable(panel, 'records')).filter((r) => r.caseId === caseId);
    console.log(
      `Concurrency: 20 tabs clipped at once in ${ms} ms: ${replies.filter((r) => r.ok).length} ok, ${records.length} records, ` +
        `${invalid} invalid, ${records.length - hashes.size} duplicated; again at once: ${again.reduce((n, r) => n + (r.data?.added.length ?? 0), 0)} added, ${recordsAfter.length} records`,
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(records).toHaveLength(20);
    expect(invalid).toBe(0);
    expect(hashes.size).toBe(20);
    expect((await readTable(panel, 'records')).length).toBe(rowsBefore + 20);
    expect(again.every((r) => r.ok && r.data!.added.length === 0 && r.data!.duplicates.length === 1)).toBe(true);
    expect(recordsAfter).toHaveLength(20);
    await Promise.all(tabs.map((t) => t.close()));
  });
});
