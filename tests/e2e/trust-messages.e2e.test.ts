import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import { launchChromium, type ChromiumRun } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { clipFromPanel, clipTabsAtOnce, countRows, createCase, readTable } from '../harness/panel-actions';
import { startDemoPortal, type DemoPortal } from '../harness/portal-server';
import { protocol } from '../../lib/core/messaging';
import { COMMANDS, SAMPLES } from '../harness/forged-commands';
import { CaseRecord } from '../../lib/core/model';

// Forged messages and concurrent edits, in Chromium.
let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;

/**
 * A page that tries every channel a hostile portal page has: window messages, fake events, extension
 * URLs, and the capture script's global. It fires on demand (`fireForgeries`), so the test can fire
 * while our capture script is in the tab and running. A slow image keeps the capture busy meanwhile.
 */
const hostileMessagesPage = (
  extensionId: string,
) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hostile messages</title></head>
<body><main><h1>Hostile messages</h1><p>Lab result: Glucose 99 mg/dL</p><img src="/generated/slow-image.png?ms=4000" alt="chart"><iframe src="/hostile/frame.html"></iframe></main><script>
window.fireForgeries = async (commands, tabId) => {
  const forged = [];
  for (const type of commands) forged.push({ type, payload: { tabId, selectionOnly: false } }, { type, payload: {} });
  forged.push({ type: 'records/add', payload: { records: [{ kind: 'lab', title: 'forged' }] } }, { type: '__proto__', payload: {} });
  const reached = { sent: 0 };
  for (const m of forged) {
    window.postMessage(m, '*');
    window.postMessage(JSON.stringify(m), '*');
    document.dispatchEvent(new CustomEvent(m.type, { detail: m }));
    window.dispatchEvent(new CustomEvent('second-look', { detail: m }));
    window.dispatchEvent(new MessageEvent('message', { data: m, origin: location.origin }));
    reached.sent += 5;
  }
  reached.captureGlobal = typeof window.secondLook;
  reached.chromeRuntime = typeof chrome !== 'undefined' && !!chrome.runtime && typeof chrome.runtime.sendMessage;
  try { await chrome.runtime.sendMessage('${extensionId}', forged[0]); reached.sendMessage = 'sent'; } catch (e) { reached.sendMessage = String(e).slice(0, 80); }
  try { reached.fetchPanel = (await fetch('chrome-extension://${extensionId}/sidepanel.html')).status; } catch (e) { reached.fetchPanel = 'blocked'; }
  try { reached.fetchManifest = (await fetch('chrome-extension://${extensionId}/manifest.json')).status; } catch (e) { reached.fetchManifest = 'blocked'; }
  try { reached.fetchCapture = (await fetch('chrome-extension://${extensionId}/capture.js')).status; } catch (e) { reached.fetchCapture = 'blocked'; }
  reached.globals = Object.keys(window).filter((k) => /secondlook/i.test(k));
  return reached;
};
</script></body></html>`;

type Reply = { ok?: boolean; error?: string; data?: unknown } | string | null | undefined;
const sendFromPanel = (panel: CdpPage, message: unknown): Promise<Reply> =>
  panel.evaluate((m: unknown) => (globalThis as any).chrome.runtime.sendMessage(m), message);
const tabIdOf = (panel: CdpPage, url: string): Promise<number> =>
  panel.evaluate(
    async (u: string) =>
      ((await (globalThis as any).chrome.tabs.query({})) as { id: number; url?: string }[]).find((t) => t.url === u)!
        .id,
    url,
  );

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
  it('every command in the protocol has a well-formed sample', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...COMMANDS].sort());
    for (const type of COMMANDS) {
      const sample = SAMPLES[type]({ tabId: 1, token: crypto.randomUUID() });
      expect(protocol[type].request.safeParse(sample).success, type).toBe(true);
    }
  });

  it('a hostile page, and content scripts beside our capture script, cannot change the database or a pending clip', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    panel = await run.openPanel(page);
    await createCase(panel, 'Forgery target');
    expect(await clipFromPanel(panel)).toContain('Clipped');

    // A clip waiting for the user's choice: its token is what a forger would most like to use.
    const list = await run.context.newPage();
    const listUrl = `${portal.origin}/mychart/test-results/results-list.html`;
    await list.goto(listUrl);
    const preview = (await sendFromPanel(panel, {
      type: 'clip/preview',
      payload: { tabId: await tabIdOf(panel, listUrl), selectionOnly: false },
    })) as { ok: boolean; data: { saved: boolean; token: string } };
    expect(preview.ok && preview.data.saved === false).toBe(true);
    const token = preview.data.token;

    // The hostile page is clipped; while our capture script is in the tab and busy (the slow image),
    // the page fires every forged message and event it can.
    const hostileUrl = `${portal.origin}/hostile/messages.html`;
    await page.goto(hostileUrl, { waitUntil: 'domcontentloaded' });
    await page.bringToFront();
    await panel.waitForText('[data-testid="tab-origin"]', portal.origin);
    const hostileTab = await tabIdOf(panel, hostileUrl);
    const before = await countRows(panel);
    const clip = clipFromPanel(panel);
    const listening = await panel.waitFor(
      async (tabId: number) => {
        const c = (globalThis as any).chrome;
        const [probe] = await c.scripting.executeScript({
          target: { tabId },
          func: () => typeof (globalThis as { secondLook?: unknown }).secondLook,
        });
        return probe?.result === 'object';
      },
      [hostileTab],
      30_000,
    );
    expect(listening).toBe(true);
    const report = (await page.evaluate(([commands, tabId]) => (window as any).fireForgeries(commands, tabId), [
      COMMANDS,
      hostileTab,
    ] as const)) as Record<string, unknown>;
    const clipStillRunning = !(await panel.text('[data-testid="clip-status"]')).includes('Hostile messages');
    expect(await clip).toContain('Clipped');
    const afterClip = await countRows(panel);

    // What the page could reach: not our capture script (it lives in the isolated world), no extension
    // messaging, no extension resources.
    expect(report.captureGlobal).toBe('undefined');
    expect(report.chromeRuntime).toBeFalsy();
    expect(report.fetchPanel).toBe('blocked');
    expect(report.fetchManifest).toBe('blocked');
    expect(report.fetchCapture).toBe('blocked');
    expect(report.globals).toEqual([]);

    // Content scripts in the capture script's own world, in the top frame and the subframe, send every
    // real command with well-formed payloads (the real tab, the real pending token), then odd shapes.
    const messages = [
      ...COMMANDS.map((type) => ({ type, payload: SAMPLES[type]({ tabId: hostileTab, token }) })),
      ...COMMANDS.map((type) => ({ type, payload: { tabId: -1, token: 'not-a-uuid', indexes: 'all' } })),
      ...COMMANDS.map((type) => ({ type })),
      { type: 'records/add', payload: { records: [] } },
      { type: '__proto__', payload: {} },
      { type: 'constructor', payload: {} },
      { type: 'x'.repeat(10_000), payload: {} },
      'clip/tab',
      null,
      [1, 2, 3],
    ];
    const replies: { frameId: number; result: Reply[] }[] = await panel.evaluate(
      async (tabId: number, list: unknown[]) => {
        const c = (globalThis as any).chrome;
        const results = await c.scripting.executeScript({
          target: { tabId, allFrames: true },
          func: async (shapes: unknown[]) => {
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
          args: [list],
        });
        return results.map((r: { frameId: number; result: Reply[] }) => ({ frameId: r.frameId, result: r.result }));
      },
      hostileTab,
      messages,
    );
    const after = await countRows(panel);
    const pending = (await sendFromPanel(panel, { type: 'clip/pending', payload: { token } })) as {
      ok: boolean;
      data: { alive: boolean };
    };

    const all = replies.flatMap((r) => r.result);
    const accepted = all.filter((x) => typeof x === 'object' && x?.ok === true).length;
    const forbidden = all.filter((x) => typeof x === 'object' && x?.error === 'forbidden').length;
    const wellFormed = replies.flatMap((r) => r.result.slice(0, COMMANDS.length));
    console.log(
      `Forged messages: ${report.sent} page messages/events fired while the capture script was in the tab ` +
        `(clip still running: ${clipStillRunning}); ${all.length} messages from content scripts in ${replies.length} frames ` +
        `(${COMMANDS.length} real commands: ${COMMANDS.join(', ')}; well-formed, then malformed): ${accepted} accepted, ` +
        `${forbidden} refused as forbidden, the rest ignored; database rows changed: ${JSON.stringify(after) === JSON.stringify(afterClip) ? 0 : 'YES'}; ` +
        `pending clip still alive: ${pending.data?.alive}`,
    );
    expect(clipStillRunning).toBe(true);
    expect(replies.length).toBe(2);
    expect(accepted).toBe(0);
    // Every real command, well-formed, from either frame: refused by sender before any parsing.
    expect(wellFormed).toEqual(Array(COMMANDS.length * 2).fill({ ok: false, error: 'forbidden' }));
    // Malformed payloads are refused by sender too; a command without any payload is not a message of ours.
    expect(forbidden).toBe(COMMANDS.length * 2 * 2);
    expect(after).toEqual(afterClip);
    // The legitimate hostile-page clip added exactly one record, nothing else.
    expect(afterClip.records).toBe((before.records ?? 0) + 1);
    // The forged save and discard did not touch the pending clip: the panel can still save it.
    expect(pending).toEqual({ ok: true, data: { alive: true } });
    const saved = (await sendFromPanel(panel, { type: 'clip/save', payload: { token, indexes: [0] } })) as {
      ok: boolean;
      data: { added: string[] };
    };
    expect(saved.ok && saved.data.added.length).toBe(1);
    await list.close();
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
