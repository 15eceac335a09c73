import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenLabRows, storedLabRows } from '../harness/ccda-import';
import { sectionsOf } from '../harness/ccda-sections';
import type { CdpPage } from '../harness/cdp-page';
import type { ChromiumRun } from '../harness/chromium';
import { readTable } from '../harness/panel-actions';
import type { DemoPortal } from '../harness/portal-server';
import { THIRD_PARTY } from '../harness/shared';
import { startChromiumSuite, stopSuite } from '../harness/suite';

// Capture through the real side panel: preview of a multi-record page, attachments kept byte-identical,
// a login page refused, and records from a C-CDA file.
let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;

const DEMO = join(import.meta.dirname, '../demo-portal');
const CCDA = `${THIRD_PARTY}/ccda/hl7_BMP_with_Troponin.xml`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Attachments as stored, read back from the panel's own IndexedDB and hashed there. */
const storedAttachments = (p: CdpPage) =>
  p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('second-look');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<
      { name: string; mediaType: string; size: number; sha256: string; blob: Blob; recordId: string }[]
    >((resolve, reject) => {
      const request = db.transaction('attachments').objectStore('attachments').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    const out = [];
    for (const row of rows) {
      out.push({
        name: row.name,
        mediaType: row.mediaType,
        size: row.size,
        sha256: row.sha256,
        blobSize: row.blob.size,
        blobSha256: hex(await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer())),
      });
    }
    db.close();
    return out;
  });

const recordTitles = (p: CdpPage) =>
  p.evaluate(() =>
    [...document.querySelectorAll('[data-testid="record-open"] .title')].map((e) => e.textContent ?? ''),
  );

beforeAll(async () => {
  ({ portal, run } = await startChromiumSuite());
});
afterAll(() => stopSuite({ panel, run, portal }));

describe('portal-aware capture in Chromium', () => {
  it('previews a multi-record page, saves the ticked records with their PDF, and reports the login page', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/results-list.html`);
    panel = await run.openPanel(page);
    await panel.fill('[data-testid="case-new-title"]', 'Capture e2e');
    await panel.click('[data-testid="case-create"]');
    await panel.waitFor(
      () =>
        (document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent ??
          '') === 'Capture e2e',
      [],
    );

    await panel.click('[data-testid="clip-page"]');
    await panel.waitForSelector('[data-testid="clip-preview"]', 30_000);
    const preview = await panel.text('[data-testid="clip-preview"]');
    expect(preview).toContain('Found 3 records');
    expect(preview).toContain('Lipid Panel');
    expect(preview).toContain('Urinalysis');
    // The third panel lives inside an open shadow root.
    expect(preview).toContain('Hemoglobin A1c');
    expect(preview).toMatch(/lipid-panel-report\.pdf \(1\.\d KB\)/);
    // The login page behind the urinalysis' "Download report" is already named in the preview.
    expect(preview).toMatch(/“session-expired\.pdf” was not kept: the portal answered with its sign-in page/);
    // Untick the A1c, then save.
    await panel.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLInputElement>('[data-testid="preview-item"]')];
      items.find((i) => i.closest('li')?.textContent?.includes('Hemoglobin A1c'))!.click();
    });
    await panel.click('[data-testid="preview-save"]');
    const status = await panel.waitForText('[data-testid="clip-status"]', 'Clipped', 30_000);
    expect(status).toContain('Lipid Panel; Urinalysis');
    expect(status).not.toContain('A1c');
    expect(status).toContain('Attachments kept: 1');
    // The login page behind "Download report" is named and refused; unreadable parts are warned about.
    expect(status).toMatch(/“session-expired\.pdf” was not kept: the portal answered with its sign-in page/);
    expect(status).toContain('frame Second Look cannot read (1)');
    expect(status).toContain('Show more');
    await panel.waitFor(() => document.querySelectorAll('[data-testid="record-open"]').length === 2, []);
    expect((await recordTitles(panel)).sort()).toEqual(['Lipid Panel', 'Urinalysis']);

    const served = readFileSync(join(DEMO, 'mychart/documents/lipid-panel-report.pdf'));
    const stored = await storedAttachments(panel);
    expect(stored).toEqual([
      {
        name: 'lipid-panel-report.pdf',
        mediaType: 'application/pdf',
        size: served.length,
        sha256: sha256(served),
        blobSize: served.length,
        blobSha256: sha256(served),
      },
    ]);

    // The record shows its file with a download button.
    await panel.evaluate(() => {
      [...document.querySelectorAll<HTMLButtonElement>('[data-testid="record-open"]')]
        .find((b) => b.textContent?.includes('Lipid'))!
        .click();
    });
    const files = await panel.waitForText('[data-testid="record-attachments"]', 'lipid-panel-report.pdf');
    expect(files).toContain('application/pdf');
    expect(files).toContain('Download');
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('.link')!.click());
  });

  it('saves a single-record page at once, with its linked PDF byte-identical', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/athena/pathology/report.html`);
    await panel.waitForText('[data-testid="tab-origin"]', '127.0.0.1');
    await panel.click('[data-testid="clip-page"]');
    const status = await panel.waitForText('[data-testid="clip-status"]', 'Surgical Pathology Report', 30_000);
    expect(status).toContain('Attachments kept: 1');
    const served = readFileSync(join(DEMO, 'athena/pathology/surgical-pathology-report.pdf'));
    const stored = await storedAttachments(panel);
    expect(stored.find((a) => a.name === 'surgical-pathology-report.pdf')).toMatchObject({
      sha256: sha256(served),
      blobSha256: sha256(served),
      size: served.length,
    });
  });

  it('reads a record inside a same-origin frame (a wrapper portal embedding MyChart)', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/wrapper.html`);
    await page.frameLocator('iframe').locator('h1').waitFor();
    await panel.waitForText('[data-testid="tab-origin"]', '127.0.0.1');
    await panel.click('[data-testid="clip-page"]');
    expect(await panel.waitForText('[data-testid="clip-status"]', 'CBC with Differential', 30_000)).toContain(
      'Clipped',
    );
    expect(await panel.text('[data-testid="clip-status"]')).not.toContain('cannot read');
  });

  it('imports a C-CDA file through the panel file input as lab records', async () => {
    const { root } = await panel.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
    const { nodeId } = await panel.send<{ nodeId: number }>('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '[data-testid="file-input"]',
    });
    await panel.send('DOM.setFileInputFiles', { nodeId, files: [CCDA] });
    const status = await panel.waitForText('[data-testid="file-status"]', 'hl7_BMP_with_Troponin.xml', 30_000);
    expect(status).toMatch(/added \d+ record/);
    // The list may already hold lab records from the tests before: wait for this file's to be listed.
    await panel.waitFor(
      () => /Troponin|Metabolic|BMP/i.test(document.querySelector('[data-testid="records-lab"]')?.textContent ?? ''),
      [],
    );
    // Chromium's own DOMParser read the same lab rows (LOINC, value, unit, flag) as jsdom in Node, and
    // every panel is kept: the two "Troponin T" panels (2012-10-02 and -03) share title and narrative
    // but not their rows or date, which the snapshot now carries, so neither is taken for a duplicate.
    const stored = await storedLabRows(panel, 'hl7_BMP_with_Troponin.xml');
    const golden = goldenLabRows('hl7_BMP_with_Troponin.xml');
    expect([...stored].sort()).toEqual([...golden].sort());
    expect(stored.filter((row) => row[1] === '2947-0')).toEqual([['Na', '2947-0', '140', 'mmol/L', 'N']]);

    // A hostile XML file (refused before parsing) and a malformed one (Chrome's DOMParser answers with a
    // <parsererror> document) are refused with a message and write nothing.
    const before = (await recordTitles(panel)).length;
    const choose = (name: string, xml: string) =>
      panel.evaluate(
        (fileName: string, text: string) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid="file-input"]')!;
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], fileName, { type: 'text/xml' }));
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        name,
        xml,
      );
    await choose(
      'lolz.xml',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><ClinicalDocument>&lol2;</ClinicalDocument>',
    );
    expect(await panel.waitForText('[data-testid="file-status"]', 'lolz.xml')).toContain('Nothing was saved');
    // Cut short, the document still holds whole lab results: only noticing the parse error keeps them out.
    const truncated = readFileSync(CCDA, 'utf8').slice(0, Math.floor(readFileSync(CCDA).length * 0.8));
    await choose('truncated.xml', truncated);
    expect(await panel.waitForText('[data-testid="file-status"]', 'truncated.xml')).toMatch(
      /the file is not XML .* Nothing was saved/,
    );
    expect((await recordTitles(panel)).length).toBe(before);
  });

  it('imports the HL7 CCD sample with its allergies, and reports every section of it', async () => {
    const file = `${THIRD_PARTY}/ccda/sample_ccdas_HL7_Samples_CCD.sample.xml`;
    // The sections as the XML holds them, read in Node with a plain DOM walk (not by the extension).
    const expected = sectionsOf(readFileSync(file, 'utf8'));
    expect(expected).toHaveLength(14);
    const { root } = await panel.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
    const { nodeId } = await panel.send<{ nodeId: number }>('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '[data-testid="file-input"]',
    });
    await panel.send('DOM.setFileInputFiles', { nodeId, files: [file] });
    expect(
      await panel.waitForText('[data-testid="file-status"]', 'sample_ccdas_HL7_Samples_CCD.sample.xml', 30_000),
    ).toMatch(/added \d+ record/);
    const report = await panel.evaluate(() =>
      [...document.querySelectorAll('[data-testid="import-report-section"]')].map((li) => ({
        text: li.textContent ?? '',
        outcome: li.getAttribute('data-outcome'),
      })),
    );
    expect(report).toHaveLength(expected.length);
    for (const [i, section] of expected.entries()) {
      expect(report[i]!.text.startsWith(`${section.title}:`), report[i]!.text).toBe(true);
      if (section.code) expect(report[i]!.text).toContain(`LOINC ${section.code}`);
      expect(report[i]!.outcome).not.toBe('empty');
    }
    // The allergies, as the sample codes them (each active, "Moderate to severe"), stored by Chromium.
    const records = (await readTable(panel, 'records')) as {
      kind: string;
      structured?: { allergies?: { substance: string; reaction?: string; severity?: string; status?: string }[] };
    }[];
    const allergies = records.find((r) => r.kind === 'allergy')?.structured?.allergies ?? [];
    expect(allergies.map((a) => [a.reaction, a.severity, a.status])).toEqual([
      ['Hives', 'Moderate to severe', 'Active'],
      ['Wheezing', 'Moderate to severe', 'Active'],
      ['Nausea', 'Moderate to severe', 'Active'],
    ]);
    expect(allergies.map((a) => a.substance)).toEqual(['ALLERGENIC EXTRACT, PENICILLIN', 'ASPIRIN', 'Codeine']);
    await panel.waitForText('[data-testid="records-allergy"]', 'Allergies, Adverse Reactions, Alerts');
  });

  it('takes a PDF dropped on the panel as a record with the file attached byte-identical', async () => {
    const pdf = readFileSync(join(DEMO, 'athena/pathology/surgical-pathology-report.pdf'));
    await panel.evaluate((base64: string) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'Biopsy_pathology_2026-10-30.pdf', { type: 'application/pdf' }));
      const zone = document.querySelector('[data-testid="file-drop"]')!;
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, pdf.toString('base64'));
    expect(await panel.waitForText('[data-testid="file-status"]', 'Biopsy_pathology_2026-10-30.pdf')).toContain(
      'added 1 record',
    );
    await panel.waitForText('[data-testid="records-pathology"]', 'Biopsy pathology 2026 10 30');
    const stored = (await storedAttachments(panel)).find((a) => a.name === 'Biopsy_pathology_2026-10-30.pdf');
    expect(stored).toMatchObject({
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      blobSha256: sha256(pdf),
    });
  });
});
