// @vitest-environment node
// Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import { nodeSanitizer } from '../../harness/node-sanitizer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { completeness } from '../../../lib/case';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import type { ImagingStudy } from '../../../lib/core/model';
import { Manifest } from '../../../lib/export/manifest';
import { packageEntries } from '../../../lib/export/package';
import { importStudies, sortChosenFiles, type StudyFile } from '../../../lib/imaging';
import { THIRD_PARTY } from '../../harness/shared';
import { syntheticStudy } from '../../tools/synthetic-dicom';
import { collect } from '../helpers/synthetic-case';

const CD = `${THIRD_PARTY}/dicom/dicomdirtests`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function folderFiles(root: string, prefix: string): { path: string; bytes: Uint8Array }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
    );
  return walk(root).map((path) => ({
    path: `${prefix}/${relative(root, path)}`,
    bytes: new Uint8Array(readFileSync(path)),
  }));
}
const asStudyFiles = (files: { path: string; bytes: Uint8Array }[]): StudyFile[] =>
  files.map((f) => ({ path: f.path, file: new Blob([f.bytes as BlobPart]) }));

let db: CaseDb;
let caseId: string;
beforeEach(async () => {
  db = new CaseDb(`imaging-${crypto.randomUUID()}`);
  caseId = (await createCase(db, 'Imaging')).id;
});

describe('importing imaging studies', () => {
  it('imports the CD fixture as one imaging record per study, every file kept byte-exact', async () => {
    const source = folderFiles(CD, 'cd');
    const outcomes = await importStudies(db, caseId, asStudyFiles(source));
    const records = await db.records.where('caseId').equals(caseId).toArray();
    // By hand from the DICOMDIR (see dicom-read.test.ts): 6 studies, 31 images, 2 patients.
    expect(records).toHaveLength(6);
    expect(records.every((r) => r.kind === 'imaging' && r.structured?.type === 'imaging-study')).toBe(true);
    expect(records.reduce((n, r) => n + (r.structured as ImagingStudy).instances, 0)).toBe(31);
    expect(outcomes.filter((o) => o.result.ok)).toHaveLength(6);
    expect(outcomes.find((o) => !o.result.ok && o.result.error === 'dicom-several-patients')?.result).toMatchObject({
      detail: '2',
    });
    const stored = await db.attachments.where('caseId').equals(caseId).toArray();
    expect(stored).toHaveLength(31); // the DICOMDIR itself is read, not kept
    for (const attachment of stored) {
      const original = source.find((f) => f.path === attachment.name)!;
      const bytes = new Uint8Array(await attachment.blob.arrayBuffer());
      expect(sha256(bytes)).toBe(sha256(original.bytes));
      expect(attachment.sha256).toBe(sha256(original.bytes));
      expect(attachment.mediaType).toBe('application/dicom');
    }
    // Nothing that names the patients is in the records.
    expect(JSON.stringify(records)).not.toMatch(/Doe|Archibald|Peter|77654033|98890234/);
    // Importing the same CD again adds nothing.
    const again = await importStudies(db, caseId, asStudyFiles(source));
    expect(again.filter((o) => o.result.ok && o.result.duplicates === 1)).toHaveLength(6);
    expect(await db.records.count()).toBe(6);
  });

  it('names a truncated file, keeps the rest of its study, and loses nothing already stored', async () => {
    const study = syntheticStudy({ seed: 3, series: 1, perSeries: 3 });
    study[1] = { ...study[1]!, bytes: study[1]!.bytes.subarray(0, study[1]!.bytes.length - 700) };
    const outcomes = await importStudies(db, caseId, asStudyFiles(study));
    expect(outcomes).toContainEqual({ name: 'study3/SE1/IM2.dcm', result: { ok: false, error: 'dicom-truncated' } });
    const [record] = await db.records.toArray();
    expect((record!.structured as ImagingStudy).instances).toBe(2);
    expect((await db.attachments.toArray()).map((a) => a.name).sort()).toEqual([
      'study3/SE1/IM1.dcm',
      'study3/SE1/IM3.dcm',
    ]);
  });

  it('says so when a DICOMDIR points at files that are not there, and writes nothing', async () => {
    const outcomes = await importStudies(db, caseId, [
      { path: 'CD/DICOMDIR', file: new Blob([readFileSync(`${CD}/DICOMDIR`)]) },
    ]);
    expect(outcomes).toContainEqual({
      name: 'CD/DICOMDIR',
      result: { ok: false, error: 'dicomdir-points-nowhere', detail: '31' },
    });
    expect(await db.records.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
  });

  it('imports what a DICOMDIR lists and is there, and counts what is missing', async () => {
    const source = folderFiles(CD, 'cd').filter((f) => !f.path.includes('/98892003/'));
    const outcomes = await importStudies(db, caseId, asStudyFiles(source));
    expect(outcomes).toContainEqual({
      name: 'cd/DICOMDIR',
      result: { ok: false, error: 'dicomdir-missing-files', detail: '17' },
    });
    expect(await db.attachments.count()).toBe(14);
  });

  it('sorts a chosen folder: DICOM and the rest of its folder to the study, loose documents to the file import', async () => {
    const files = [
      ...asStudyFiles(syntheticStudy({ seed: 5, series: 1, perSeries: 1 })),
      { path: 'study5/AUTORUN.INF', file: new Blob(['[autorun]']) },
      { path: 'report.pdf', file: new Blob(['%PDF-1.4']) },
    ];
    const { study, documents } = await sortChosenFiles(files);
    expect(study.map((f) => f.path)).toEqual(['study5/SE1/IM1.dcm', 'study5/AUTORUN.INF']);
    expect(documents.map((f) => f.path)).toEqual(['report.pdf']);
    const outcomes = await importStudies(db, caseId, study);
    expect(outcomes).toContainEqual({ name: '1', result: { ok: false, error: 'dicom-skipped-files', detail: '1' } });
  });

  it('makes the checklist count the study as the images, and a report without one "report only"', async () => {
    const report = { id: 'r', kind: 'imaging' as const, structured: undefined };
    expect(completeness([report], { notApplicable: {} }).find((i) => i.family === 'imaging-images')).toMatchObject({
      status: 'report-only',
      hint: 'hint_imaging_images_for_reports',
    });
    await importStudies(db, caseId, asStudyFiles(syntheticStudy({ seed: 6, series: 2, perSeries: 2 })));
    const records = [report, ...(await db.records.toArray())];
    const items = completeness(records, { notApplicable: {}, attachments: await db.attachments.toArray() });
    expect(items.find((i) => i.family === 'imaging-images')).toMatchObject({ status: 'present', count: 4 });
    // The study is not an imaging report: only the report counts there.
    expect(items.find((i) => i.family === 'imaging-reports')).toMatchObject({ count: 1 });
  });
});

const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => {
  validate: (r: unknown, v?: boolean) => unknown[];
};

describe('imaging studies in the package', () => {
  it('writes the files byte-exact under images/, hashed in the manifest, listed in INDEX.HTM, as FHIR ImagingStudy', async () => {
    const source = syntheticStudy({ seed: 7, series: 2, perSeries: 2 });
    await importStudies(db, caseId, asStudyFiles(source));
    const caseData = (await db.cases.get(caseId))!;
    const records = await db.records.toArray();
    const entries = await collect(
      packageEntries({
        caseData,
        records,
        generatedAt: new Date('2026-12-01T10:00:00Z'),
        generator: { name: 'Second Look', version: 'test' },
        sanitize: (html) => html,
        summaryPdf: false,
        attachments: (await db.attachments.toArray()).map((a) => ({ ...a, data: a.blob })),
      }),
    );
    const images = entries.filter((e) => e.path.startsWith('images/'));
    // The study's own layout; DICOM File IDs (SE1) kept as they are, other names made safe and lower-case.
    const inPackage = (path: string) => path.replace(/IM(\d)\.dcm$/, 'im$1.dcm');
    expect(images.map((e) => e.path.replace(/^images\/[^/]+\//, '')).sort()).toEqual(
      source.map((f) => inPackage(f.path)).sort(),
    );
    expect(images[0]!.path).toBe('images/0001_2026-01-15_imaging_ct-chest-with-contrast-ct/study7/SE1/im1.dcm');
    const manifest = Manifest.parse(JSON.parse(new TextDecoder().decode(entries.at(-1)!.data)));
    for (const file of source) {
      const entry = images.find((e) => e.path.endsWith(inPackage(file.path)))!;
      expect(sha256(entry.data)).toBe(sha256(file.bytes));
      expect(entry.compress).toBe(false);
      expect(manifest.files.find((f) => f.path === entry.path)).toMatchObject({
        sha256: sha256(file.bytes),
        size: file.bytes.length,
        mediaType: 'application/dicom',
      });
    }
    expect(manifest.records[0]!.files.filter((p) => p.startsWith('images/'))).toHaveLength(4);
    const index = new TextDecoder().decode(entries.find((e) => e.path === 'INDEX.HTM')!.data);
    for (const entry of images) expect(index).toContain(`href="${entry.path}"`);
    const bundle = JSON.parse(new TextDecoder().decode(entries.find((e) => e.path === 'data/fhir-bundle.json')!.data));
    const study = bundle.entry
      .map((e: { resource: { resourceType: string } }) => e.resource)
      .find((r: { resourceType: string }) => r.resourceType === 'ImagingStudy');
    expect(study).toMatchObject({
      status: 'available',
      identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.826.0.1.3680043.9.7133.7.1' }],
      modality: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' }],
      started: '2026-01-15',
      numberOfSeries: 2,
      numberOfInstances: 4,
      description: 'CT CHEST WITH CONTRAST',
    });
    expect(study.series.map((s: { uid: string; numberOfInstances: number }) => [s.uid, s.numberOfInstances])).toEqual([
      ['1.2.826.0.1.3680043.9.7133.7.1.1', 2],
      ['1.2.826.0.1.3680043.9.7133.7.1.2', 2],
    ]);
    expect(new Validator().validate(bundle, true)).toEqual([]);
  }, 60_000);
});

describe('an imaging study through export and import', () => {
  it('comes back as the same imaging record with its files byte-exact (the package import is generic over attachments)', async () => {
    const { readPackage } = await import('../../../lib/import/package-import');
    const { importCase } = await import('../../../lib/import/import-case');
    const { zipEntries } = await import('../helpers/zip-build');
    const source = syntheticStudy({ seed: 8, series: 1, perSeries: 3 });
    await importStudies(db, caseId, asStudyFiles(source));
    const zip = await zipEntries(
      packageEntries({
        caseData: (await db.cases.get(caseId))!,
        records: await db.records.toArray(),
        generatedAt: new Date('2026-12-01T10:00:00Z'),
        generator: { name: 'Second Look', version: 'test' },
        sanitize: (html) => html,
        summaryPdf: false,
        attachments: (await db.attachments.toArray()).map((a) => ({ ...a, data: a.blob })),
      }),
    );
    const read = await readPackage(new Blob([zip as BlobPart]));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const other = new CaseDb(`imaging-back-${crypto.randomUUID()}`);
    const { caseId: restored } = await importCase(other, read.data, { sanitize: nodeSanitizer() });
    const [record] = await other.records.where('caseId').equals(restored).toArray();
    expect(record!.structured).toEqual((await db.records.toArray())[0]!.structured);
    const files = await other.attachments.where('caseId').equals(restored).toArray();
    expect(files.map((f) => f.name).sort()).toEqual(source.map((f) => f.path).sort());
    for (const f of files)
      expect(sha256(new Uint8Array(await f.blob.arrayBuffer()))).toBe(
        sha256(source.find((s) => s.path === f.name)!.bytes),
      );
  }, 60_000);
});
