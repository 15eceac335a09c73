import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import type { ChromiumRun } from '../harness/chromium';
import type { DemoPortal } from '../harness/portal-server';
import { THIRD_PARTY } from '../harness/shared';
import { startChromiumSuite, stopSuite } from '../harness/suite';

// FHIR in, through the real side panel: the whole US Core folder chosen at once in the file picker.
let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;

const ROOT = `${THIRD_PARTY}/fhir-uscore`;
/** Entries of the generated Bundle (SL_E2E_FHIR_ENTRIES=200000 measures the size in the browser). */
const BIG = Number(process.env.SL_E2E_FHIR_ENTRIES ?? 50_000);

const FOLDER = readdirSync(ROOT)
  .filter((d) => statSync(join(ROOT, d)).isDirectory())
  .flatMap((d) => readdirSync(join(ROOT, d)).map((f) => join(ROOT, d, f)))
  .filter((p) => p.endsWith('.json'));

beforeAll(async () => {
  ({ portal, run } = await startChromiumSuite());
});
afterAll(() => stopSuite({ panel, run, portal }));

/** Records and attachments as stored, read from the panel's own IndexedDB (attachments hashed there). */
const stored = (p: CdpPage) =>
  p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('second-look');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const records = await all<{
      title: string;
      kind: string;
      provenance: { path: string };
      structured?: {
        type: string;
        results?: { test: string; value: string; unit?: string; loinc?: string; flag?: string; readBy?: string }[];
      };
    }>('records');
    const attachments = await all<{ name: string; size: number; blob: Blob; recordId: string }>('attachments');
    const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    const files = [];
    for (const a of attachments)
      files.push({
        name: a.name,
        size: a.size,
        sha256: hex(await crypto.subtle.digest('SHA-256', await a.blob.arrayBuffer())),
      });
    db.close();
    return { records, files };
  });

describe('FHIR import in Chromium', () => {
  it('imports the US Core folder: every resource structured or verbatim, a report by type, attachments byte-exact', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    panel = await run.openPanel(page);
    await panel.fill('[data-testid="case-new-title"]', 'FHIR e2e');
    await panel.click('[data-testid="case-create"]');
    await panel.waitForSelector('[data-testid="case-select"]');

    const { root } = await panel.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
    const { nodeId } = await panel.send<{ nodeId: number }>('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '[data-testid="file-input"]',
    });
    await panel.send('DOM.setFileInputFiles', { nodeId, files: FOLDER });
    await panel.waitForSelector('[data-testid="fhir-report"]', 120_000);
    const report = await panel.evaluate(() =>
      [...document.querySelectorAll('[data-testid="fhir-report-line"]')].map((li) => li.textContent ?? ''),
    );
    // Every resource is accounted for: 131 across the lines, each line "Type: count what".
    const total = report.reduce((n, line) => n + Number(/: (\d+) /.exec(line)?.[1] ?? 0), 0);
    expect(total).toBe(131);
    expect(report).toContain('Condition: 7 became records with their structure');
    expect(report).toContain('Practitioner: 3 kept as they came, with their text');
    expect(report).toContain('Patient: 1 used for About the patient');
    // The 15 coverage.json manifests are JSON but not FHIR: each named, nothing else lost.
    const status = await panel.text('[data-testid="file-status"]');
    expect(status.match(/it is JSON but not FHIR/g)).toHaveLength(15);

    const { records, files } = await stored(panel);
    const hb = records
      .flatMap((r) => r.structured?.results ?? [])
      .find((row) => row.loinc === '718-7' && row.value === '10.8');
    expect(hb).toMatchObject({ test: 'Hemoglobin', unit: 'g/dL', flag: 'L', readBy: 'coded-entry' });
    // Provenance names the file (as the browser names a picked file) and the resource id.
    expect(records.map((r) => r.provenance.path)).toContain(
      'device-pacemaker-active.json#Device/device-pacemaker-active',
    );
    // The discharge summary's inline PDF, byte-exact.
    const source = JSON.parse(readFileSync(`${ROOT}/documents/documentreference-discharge-summary-pdf.json`, 'utf8'));
    const inline = Buffer.from(
      source.content.find((c: { attachment: { data?: string } }) => c.attachment.data).attachment.data,
      'base64',
    );
    const digest = createHash('sha256').update(inline).digest('hex');
    expect(files.find((f) => f.sha256 === digest)).toMatchObject({ size: inline.byteLength });

    // About the patient was filled from the constant Patient.
    await panel.click('[data-testid="view-story"]');
    // The form shows the stored details once the case's details have loaded.
    await panel.waitFor(
      () => document.querySelector<HTMLInputElement>('[data-testid="patient-name"]')?.value === 'Casey Breadth-Tester',
      [],
    );
  }, 240_000);

  it('streams a generated Bundle of lab Observations (50,000 unless told): every row stored once, the report counts them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-fhir-big-'));
    const path = join(dir, 'big-bundle.json');
    const entry = Array.from({ length: BIG }, (_, i) => ({
      fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resource: {
        resourceType: 'Observation',
        id: `big${i}`,
        status: 'final',
        category: [{ coding: [{ code: 'laboratory' }] }],
        code: { text: 'Streamed glucose' },
        effectiveDateTime: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
        valueQuantity: { value: i, unit: 'mg/dL' },
      },
    }));
    writeFileSync(path, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }));
    try {
      await panel.click('[data-testid="view-records"]');
      const { root } = await panel.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
      const { nodeId } = await panel.send<{ nodeId: number }>('DOM.querySelector', {
        nodeId: root.nodeId,
        selector: '[data-testid="file-input"]',
      });
      await panel.send('DOM.setFileInputFiles', { nodeId, files: [path] });
      await panel.waitForText('[data-testid="file-status"]', `Observation: ${BIG} became records`, 180_000);
      const heap = await panel.send<{ usedSize: number }>('Runtime.getHeapUsage', {});
      console.log(
        `${BIG} entries in Chromium: panel JS heap ${(heap.usedSize / 1024 / 1024).toFixed(0)} MB after import`,
      );
      const rows = await panel.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('second-look');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const records = await new Promise<{ structured?: { results?: { test: string; numericValue?: number }[] } }[]>(
          (resolve, reject) => {
            const request = db.transaction('records').objectStore('records').getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          },
        );
        db.close();
        const values = records
          .flatMap((r) => r.structured?.results ?? [])
          .filter((row) => row.test === 'Streamed glucose')
          .map((row) => row.numericValue ?? -1);
        return { count: values.length, sum: values.reduce((a, b) => a + b, 0) };
      });
      // Every value 0..BIG-1 once: the count and the sum say none was lost or doubled.
      expect(rows).toEqual({ count: BIG, sum: ((BIG - 1) * BIG) / 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
