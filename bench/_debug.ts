import { launchChromium } from '/work/speed/tests/harness/chromium';
import { testBuild } from '/work/speed/tests/harness/builds';
import { startDemoPortal } from '/work/speed/tests/harness/portal-server';
import { CaptureOutcome, decodeCapture } from '/work/speed/lib/clip/clip';
const portal = await startDemoPortal();
const run = await launchChromium({ extensionDir: testBuild('chrome') });
try {
  const page = run.context.pages()[0] ?? (await run.context.newPage());
  const bg = await run.attachBackground();
  for (const rows of [200, 5000, 50000])
    for (const mode of ['native', 'fallback', 'native', 'fallback', 'native', 'fallback']) {
      await page.goto(`${portal.origin}/generated/labs.html?rows=${rows}`);
      const fb = mode === 'fallback';
      const expression = `(async () => {
      const c = chrome;
      const [tab] = await c.tabs.query({ url: '${portal.origin}/*' });
      if (${fb}) await c.scripting.executeScript({ target: { tabId: tab.id }, func: () => { delete Document.parseHTML; globalThis.Sanitizer = undefined; } });
      await c.scripting.executeScript({ target: { tabId: tab.id }, files: ['/capture.js'] });
      let [r] = await c.scripting.executeScript({ target: { tabId: tab.id }, func: (s) => globalThis.secondLook.capture(s).catch((e) => 'ERR ' + e + ' ' + e.stack), args: [false] });
      if (r.result === 'fallback-sanitizer-needed') {
        await c.scripting.executeScript({ target: { tabId: tab.id }, files: ['/purify.js'] });
        [r] = await c.scripting.executeScript({ target: { tabId: tab.id }, func: (s) => globalThis.secondLook.capture(s).catch((e) => 'ERR ' + e + ' ' + e.stack), args: [false] });
      }
      return r.result;
    })()`;
      const reply = (await bg.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as any;
      const raw = reply.result.value;

      const decoded = decodeCapture(raw) as Record<string, unknown>;
      const parsed = CaptureOutcome.safeParse(decoded);
      const tm = (decoded as any).timings;
      console.log(
        rows,
        mode,
        parsed.success,
        Object.entries(tm)
          .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(0) : v}`)
          .join(' '),
        'html',
        ((decoded as any).records[0].snapshotHtml.length / 1024).toFixed(0) + 'KB',
      );
    }
} finally {
  await run.close();
  await portal.close();
}
