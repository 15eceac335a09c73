/**
 * Capture figures, not a timed test: `npx tsx tests/tools/measure-capture.ts labs 50000` clips the generated
 * 50,000-row results page through the real panel; `... pdf 200` clips a page linking a 200 MiB PDF and
 * checks the stored SHA-256 against the served bytes. Needs `npm run build:test`.
 */
import { createHash } from 'node:crypto';
import { launchChromium } from '../harness/chromium';
import { testBuild } from '../harness/builds';
import { startDemoPortal } from '../harness/portal-server';
import { generatedPdfChunk } from '../harness/generated-pages';

const which = process.argv[2] ?? 'labs';
const portal = await startDemoPortal();
const run = await launchChromium({ extensionDir: testBuild('chrome') });
try {
  const page = run.context.pages()[0]!;
  await page.goto(`${portal.origin}/athena/pathology/report.html`);
  const panel = await run.openPanel(page);
  await panel.fill('[data-testid="case-new-title"]', 'Measure');
  await panel.click('[data-testid="case-create"]');
  await panel.waitFor(
    () =>
      (document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent ??
        '') === 'Measure',
    [],
  );
  const target =
    which === 'labs'
      ? `${portal.origin}/generated/labs.html?rows=${process.argv[3] ?? 50000}`
      : `${portal.origin}/generated/report.html?mb=${process.argv[3] ?? 200}`;
  const t0 = Date.now();
  await page.goto(target, { timeout: 120_000 });
  console.log('page load ms', Date.now() - t0);
  await panel.waitForText('[data-testid="tab-origin"]', '127.0.0.1');
  const start = Date.now();
  await panel.click('[data-testid="clip-page"]');
  let maxLatency = 0;
  const phases = new Set<string>();
  for (;;) {
    const s = Date.now();
    const state = await panel.evaluate(() => ({
      progress: document.querySelector('[data-testid="clip-progress"]')?.textContent ?? '',
      status: document.querySelector('[data-testid="clip-status"]')?.textContent ?? '',
    }));
    maxLatency = Math.max(maxLatency, Date.now() - s);
    if (Date.now() - s > 200) console.log('panel answered after', Date.now() - s, 'ms at', s - start, 'ms');
    if (state.progress) {
      const k = state.progress.replace(/[\d.]+ of.*/, 'N of');
      if (!phases.has(k)) {
        phases.add(k);
        console.log('phase', k, 'at', Date.now() - start);
      }
    }
    if (/Clipped|Already|error|wrong|large|Nothing/i.test(state.status)) {
      console.log('status', state.status.slice(0, 300));
      break;
    }
    if (Date.now() - start > 600_000) {
      console.log('timeout');
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log('clip ms', Date.now() - start, 'max panel eval latency ms', maxLatency, 'phases', [...phases]);
  if (which !== 'labs') {
    const mb = Number(process.argv[3] ?? 200);
    const h = createHash('sha256');
    for (let i = 0; i < mb; i++) h.update(generatedPdfChunk(i));
    const stored = await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const o = indexedDB.open('second-look');
        o.onsuccess = () => ok(o.result);
      });
      const rows = await new Promise<{ name: string; size: number; sha256: string; blob: Blob }[]>((ok) => {
        const r = db.transaction('attachments').objectStore('attachments').getAll();
        r.onsuccess = () => ok(r.result);
      });
      const out = [];
      for (const row of rows)
        out.push({
          name: row.name,
          size: row.size,
          blobSize: row.blob.size,
          sha256: row.sha256,
          re: Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer())), (x) =>
            x.toString(16).padStart(2, '0'),
          ).join(''),
        });
      return out;
    });
    console.log('served sha', h.digest('hex'));
    console.log('stored', JSON.stringify(stored));
  }
} finally {
  await run.close();
  await portal.close();
}
