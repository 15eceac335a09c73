// Imaging studies end to end in real Chromium: DICOM files (a synthetic study generated here, plus the
// pydicom fixtures) import through the panel's file input, reach the package byte-exact, and a redacted
// export de-identifies their headers (read back from the zip with the parser) or refuses.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDicom } from 'dicom-parser';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdpPage } from '../harness/cdp-page';
import type { ChromiumRun } from '../harness/chromium';
import { checkPackage, waitForNewZip, type CheckedPackage } from '../harness/package-check';
import type { DemoPortal } from '../harness/portal-server';
import { THIRD_PARTY } from '../harness/shared';
import { startChromiumSuite, stopSuite } from '../harness/suite';
import { syntheticDicom, syntheticStudy } from '../tools/synthetic-dicom';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PATIENT = { patientName: 'Quillfeather^Juniper', patientId: 'QF-778899', institution: 'Lantern Bay Clinic' };

let portal: DemoPortal;
let run: ChromiumRun;
let panel: CdpPage;
let dir: string;
/** Every DICOM file imported, by SHA-256. */
const sources = new Map<string, { name: string; bytes: Uint8Array }>();

async function chooseFiles(selector: string, paths: string[]): Promise<void> {
  const { root } = await panel.send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
  const { nodeId } = await panel.send<{ nodeId: number }>('DOM.querySelector', { nodeId: root.nodeId, selector });
  await panel.send('DOM.setFileInputFiles', { nodeId, files: paths });
}

async function exportPackage(expectSaved = true): Promise<{ path?: string; status: string }> {
  const before = readdirSync(run.downloadDir);
  await panel.click('[data-testid="export"]');
  if (!expectSaved) {
    const status = await panel.waitForText('[data-testid="export-status"]', 'did not complete', 120_000);
    return { status };
  }
  const path = await waitForNewZip(run.downloadDir, before, 120_000);
  return { path, status: await panel.waitForText('[data-testid="export-status"]', 'Saved', 60_000) };
}

const dicomEntries = (pkg: CheckedPackage) =>
  Object.entries(pkg.entries).filter(([path]) => path.startsWith('images/'));
const str = (bytes: Uint8Array, tag: string) => (parseDicom(bytes).string(tag) ?? '').replace(/\0/g, '').trim();

beforeAll(async () => {
  ({ portal, run } = await startChromiumSuite());
  dir = mkdtempSync(join(tmpdir(), 'dicom-e2e-'));
  const study = syntheticStudy({
    seed: 21,
    series: 2,
    perSeries: 3,
    pixelBytes: 64 * 1024,
    ...PATIENT,
    privateNote: 'Juniper Quillfeather',
  });
  for (const file of study) {
    const name = file.path.replace(/\//g, '-');
    writeFileSync(join(dir, name), file.bytes);
    sources.set(sha256(file.bytes), { name, bytes: file.bytes });
  }
  for (const name of ['CT_small.dcm', 'MR_small.dcm']) {
    const bytes = new Uint8Array(readFileSync(`${THIRD_PARTY}/dicom/${name}`));
    writeFileSync(join(dir, name), bytes);
    sources.set(sha256(bytes), { name, bytes });
  }
}, 120_000);
afterAll(() => stopSuite({ panel, run, portal }));

describe('imaging studies in Chromium', () => {
  it('imports DICOM files through the panel file input, one imaging record per study', async () => {
    const page = run.context.pages()[0]!;
    await page.goto(`${portal.origin}/mychart/test-results/cbc.html`);
    panel = await run.openPanel(page);
    await panel.fill('[data-testid="case-new-title"]', 'Imaging second opinion');
    await panel.click('[data-testid="case-create"]');
    await panel.waitFor(
      (t: string) =>
        document.querySelector<HTMLSelectElement>('[data-testid="case-select"]')?.selectedOptions[0]?.textContent === t,
      ['Imaging second opinion'],
    );
    await panel.waitForSelector('[data-testid="file-input"]');
    const cut = syntheticDicom({
      studyUid: '1.2.826.0.1.3680043.9.7133.22.1',
      seriesUid: '1.2.826.0.1.3680043.9.7133.22.1.1',
      sopUid: '1.2.826.0.1.3680043.9.7133.22.1.1.1',
      pixelBytes: 8192,
    });
    writeFileSync(join(dir, 'cut-short.dcm'), cut.subarray(0, cut.length - 3000));
    await chooseFiles('[data-testid="file-input"]', [
      ...[...sources.values()].map((s) => join(dir, s.name)),
      join(dir, 'cut-short.dcm'),
    ]);
    const status = await panel.waitForText('[data-testid="file-status"]', 'cut-short.dcm', 120_000);
    // Three studies: the synthetic one, CT_small's and MR_small's; the truncated file is named, nothing else lost.
    expect(status.match(/added 1 record/g)).toHaveLength(3);
    expect(status).toContain('cut short');
    // The CT fixture and the synthetic study are two different patients: the panel says so, without names.
    expect(status).toMatch(/3 different patients/);
    expect(status).not.toMatch(/Quillfeather|CompressedSamples/);
    await showChecklist();
    // The eight files kept are the images the checklist counts (its live query catches up with the import).
    expect(await panel.waitForText('[data-testid="check-imaging-images"]', '(8)', 30_000)).toContain('In the case');
  }, 240_000);

  it('carries every file byte-exact under images/, listed in the manifest, INDEX.HTM and FHIR', async () => {
    await panel.click('[data-testid="view-records"]');
    const { path } = await exportPackage();
    const pkg = checkPackage(path!);
    expect(pkg.problems).toEqual([]);
    const images = dicomEntries(pkg);
    expect(images).toHaveLength(8);
    expect(new Set(images.map(([, bytes]) => sha256(bytes)))).toEqual(new Set(sources.keys()));
    const index = new TextDecoder().decode(pkg.entries['INDEX.HTM']);
    for (const [entryPath] of images) expect(index).toContain(`href="${entryPath}"`);
    const bundle = JSON.parse(new TextDecoder().decode(pkg.entries['data/fhir-bundle.json'])) as {
      entry: { resource: { resourceType: string; numberOfInstances?: number } }[];
    };
    const studies = bundle.entry.filter((e) => e.resource.resourceType === 'ImagingStudy');
    expect(studies.map((s) => s.resource.numberOfInstances).sort()).toEqual([1, 1, 6]);
  }, 240_000);

  it('a redacted export de-identifies every DICOM header, read back from the zip', async () => {
    await panel.evaluate(() => {
      document.querySelector<HTMLDetailsElement>('[data-testid="export-options"]')!.open = true;
    });
    await panel.click('[data-testid="redact-toggle"]');
    await panel.fill('[data-testid="redact-names"]', 'Juniper Quillfeather');
    // The records themselves are patient-free, so the name may have no finding to review: let the preview settle.
    await new Promise((r) => setTimeout(r, 1500));
    const { path } = await exportPackage();
    const pkg = checkPackage(path!);
    expect(pkg.problems).toEqual([]);
    const images = dicomEntries(pkg);
    expect(images).toHaveLength(8);
    for (const [entryPath, bytes] of images) {
      for (const tag of ['x00100010', 'x00100020', 'x00100030', 'x00080080', 'x00080090', 'x00080050'])
        expect(str(bytes, tag), `${entryPath} ${tag}`).toBe('');
      const latin = Buffer.from(bytes).toString('latin1');
      for (const identifier of [
        'Quillfeather',
        'Juniper',
        'QF-778899',
        'Lantern Bay',
        'CompressedSamples',
        'JFK IMAGING',
      ])
        expect(latin, `${entryPath} ${identifier}`).not.toContain(identifier);
      expect(str(bytes, 'x0020000d')).toMatch(/^2\.25\./);
      // Same size, same pixels: only header values changed, in place.
      const source = [...sources.values()].find(
        (s) => s.bytes.length === bytes.length && str(s.bytes, 'x00080060') === str(bytes, 'x00080060'),
      );
      expect(source, entryPath).toBeDefined();
    }
    // The six synthetic instances still form one study of two series under their new UIDs.
    const synthetic = images.filter(([p]) => p.includes('study21'));
    expect(new Set(synthetic.map(([, b]) => str(b, 'x0020000d'))).size).toBe(1);
    expect(new Set(synthetic.map(([, b]) => str(b, 'x0020000e'))).size).toBe(2);
    // Nothing anywhere in the package names the patient.
    for (const [entryPath, data] of Object.entries(pkg.entries))
      expect(Buffer.from(data).toString('latin1'), entryPath).not.toMatch(/Quillfeather|QF-778899/);
  }, 240_000);

  it('refuses a redacted export when an image declares burned-in patient details, and saves nothing', async () => {
    const burned = syntheticDicom({
      studyUid: '1.2.826.0.1.3680043.9.7133.23.1',
      seriesUid: '1.2.826.0.1.3680043.9.7133.23.1.1',
      sopUid: '1.2.826.0.1.3680043.9.7133.23.1.1.1',
      burnedIn: true,
      ...PATIENT,
    });
    writeFileSync(join(dir, 'burned-in.dcm'), burned);
    await chooseFiles('[data-testid="file-input"]', [join(dir, 'burned-in.dcm')]);
    await panel.waitForText('[data-testid="file-status"]', 'added 1 record', 60_000);
    const before = readdirSync(run.downloadDir);
    const { status } = await exportPackage(false);
    expect(status).toContain('burned-in.dcm');
    expect(status).toMatch(/burned into the picture/);
    await new Promise((r) => setTimeout(r, 1000));
    expect(readdirSync(run.downloadDir).filter((f) => !before.includes(f))).toEqual([]);
    await panel.click('[data-testid="redact-toggle"]');
  }, 240_000);

  it('imports a zip of a CD (DICOMDIR and series folders) as its studies', async () => {
    await panel.click('[data-testid="view-records"]');
    const root = `${THIRD_PARTY}/dicom/dicomdirtests`;
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
      );
    const zip = zipSync(
      Object.fromEntries(walk(root).map((p) => [`CD/${p.slice(root.length + 1)}`, new Uint8Array(readFileSync(p))])),
    );
    writeFileSync(join(dir, 'patient-cd.zip'), zip);
    await chooseFiles('[data-testid="file-input"]', [join(dir, 'patient-cd.zip')]);
    const status = await panel.waitForText('[data-testid="file-status"]', 'different patients', 120_000);
    // By hand from the DICOMDIR: 6 studies of 2 patients, none missing.
    expect(status.match(/added 1 record/g)).toHaveLength(6);
    expect(status).toContain('2 different patients');
    expect(status).not.toMatch(/Doe|Archibald|missing/);
  }, 180_000);

  it('says a DICOMDIR chosen without its images points nowhere, and writes nothing', async () => {
    await panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid="view-records"]')?.click());
    // The records view renders each kind's page as it is read: count once the list has stopped growing.
    const shown = () => panel.evaluate(() => document.querySelectorAll('[data-testid="record-open"]').length);
    let count = -1;
    for (let same = 0; same < 3;) {
      const now = await shown();
      same = now === count ? same + 1 : 0;
      count = now;
      await new Promise((r) => setTimeout(r, 300));
    }
    const cd = join(dir, 'cd');
    mkdirSync(cd);
    writeFileSync(join(cd, 'DICOMDIR'), readFileSync(`${THIRD_PARTY}/dicom/dicomdirtests/DICOMDIR`));
    await chooseFiles('[data-testid="file-input"]', [join(cd, 'DICOMDIR')]);
    const status = await panel.waitForText('[data-testid="file-status"]', 'DICOMDIR', 60_000);
    expect(status).toContain('lists 31 image files and none of them were among the files chosen');
    expect(await panel.evaluate(() => document.querySelectorAll('[data-testid="record-open"]').length)).toBe(count);
  }, 120_000);
});

async function showChecklist(): Promise<void> {
  await panel.click('[data-testid="view-checklist"]');
  await panel.waitForSelector('[data-testid="check-imaging-images"]');
}
