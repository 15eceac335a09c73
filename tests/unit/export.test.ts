import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Manifest } from '../../lib/export/manifest';
import { packageFileName, recordFolderName, slugify } from '../../lib/export/names';
import { packageEntries, type PackageEntry } from '../../lib/export/package';
import { writeZip } from '../../lib/export/zip';
import type { Case, CaseRecord } from '../../lib/core/model';
import { capturedRecord } from './factories';

const caseData: Case = {
  id: 'case-1',
  title: 'Breast biopsy result, Nov 2026',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
};
const record = (id: string, overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  ...capturedRecord(),
  id,
  caseId: 'case-1',
  capturedAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  contentHash: 'a'.repeat(64),
  note: '',
  ...overrides,
});
const generatedAt = new Date('2026-11-25T12:00:00.000Z');

async function buildZip(records: CaseRecord[]) {
  const chunks: Uint8Array[] = [];
  const entries = packageEntries({
    caseData,
    records,
    generatedAt,
    generator: { name: 'Second Look', version: '0.1.0' },
    sanitize: (html) => html.replace(/<script[\s\S]*?<\/script>/g, ''),
  });
  await writeZip(entries, (c) => chunks.push(c), { modified: generatedAt });
  const zip = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  chunks.reduce((offset, c) => (zip.set(c, offset), offset + c.byteLength), 0);
  return unzipSync(zip);
}

describe('names', () => {
  it('are ASCII, lower-case, safe on every OS and stable', () => {
    expect(slugify('Résultat: Biopsie du sein / NOV 2026!')).toBe('resultat-biopsie-du-sein-nov-2026');
    expect(slugify('CON')).toBe('con-file');
    expect(slugify('🙂')).toBe('untitled');
    expect(slugify('x'.repeat(200)).length).toBeLessThanOrEqual(40);
    expect(recordFolderName(0, '2026-10-28', 'lab', 'CBC with Differential')).toBe(
      '0001_2026-10-28_lab_cbc-with-differential',
    );
    expect(recordFolderName(11, undefined, 'note', 'Visit')).toBe('0012_undated_note_visit');
    expect(packageFileName(caseData.title, generatedAt)).toBe(
      'SecondLook_breast-biopsy-result-nov-2026_2026-11-25.zip',
    );
  });
});

describe('records package', () => {
  it('holds INDEX.HTM, README.TXT, each record page and text, and a manifest with every size and hash', async () => {
    const files = await buildZip([
      record('r1', { title: 'CBC with Differential', note: 'Ask about WBC' }),
      record('r2', {
        kind: 'imaging',
        title: 'CT chest',
        clinicalDate: '2026-10-29',
        snapshotHtml: '<p>Findings</p><script>alert(1)</script>',
      }),
    ]);
    const manifest = Manifest.parse(JSON.parse(new TextDecoder().decode(files['data/manifest.json'])));
    expect(manifest.format).toBe('second-look/1');
    expect(manifest.records.map((r) => r.title)).toEqual(['CBC with Differential', 'CT chest']);
    expect(Object.keys(files).sort()).toEqual([...manifest.files.map((f) => f.path), 'data/manifest.json'].sort());
    for (const file of manifest.files) {
      expect(files[file.path]!.byteLength).toBe(file.size);
      expect(createHash('sha256').update(files[file.path]!).digest('hex')).toBe(file.sha256);
    }
    const ctPage = new TextDecoder().decode(files[manifest.records[1]!.files[0]!]);
    expect(ctPage).toContain('Findings');
    expect(ctPage).not.toContain('<script');
    expect(ctPage).toContain("default-src 'none'");
    const index = new TextDecoder().decode(files['INDEX.HTM']);
    expect(index).toContain('href="records/0002_2026-10-29_imaging_ct-chest/record.html"');
    const text = new TextDecoder().decode(files['records/0001_2026-10-28_lab_cbc-with-differential/record.txt']);
    expect(text).toContain('Patient note: Ask about WBC');
    expect(text).toContain('Source address: http://127.0.0.1:8080/mychart/cbc.html');
    expect(new TextDecoder().decode(files['README.TXT'])).toContain(
      'records/0001_2026-10-28_lab_cbc-with-differential/record.html',
    );
  });

  it('escapes titles so a hostile title cannot inject markup into INDEX.HTM', async () => {
    const files = await buildZip([record('r1', { title: '<img src=x onerror=alert(1)>' })]);
    expect(new TextDecoder().decode(files['INDEX.HTM'])).not.toContain('<img src=x');
  });

  it('cancels between entries and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    async function* one(): AsyncGenerator<PackageEntry> {
      yield { path: 'a.txt', data: new Uint8Array(3), mediaType: 'text/plain', compress: true };
    }
    await expect(
      writeZip(one(), () => undefined, { modified: generatedAt, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
