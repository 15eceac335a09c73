// @vitest-environment node
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Manifest } from '../../../lib/export/manifest';
import { packageEntries } from '../../../lib/export/package';
import { writeZip } from '../../../lib/export/zip';
import { syntheticStudy } from '../../tools/synthetic-dicom';

const hash = (algorithm: string, bytes: Uint8Array, encoding: 'hex' | 'base64' = 'hex') =>
  createHash(algorithm).update(bytes).digest(encoding);

describe('large files in the package', () => {
  it('streams files above the threshold from their Blob: same bytes, hashes and FHIR SHA-1 as any other', async () => {
    const study = syntheticStudy({ seed: 31, series: 1, perSeries: 3, pixelBytes: 300_000 });
    const now = new Date('2026-12-01T10:00:00Z').toISOString();
    const entries = packageEntries({
      caseData: { id: 'c', title: 'Streamed', createdAt: now, updatedAt: now },
      records: [
        {
          id: 'r',
          caseId: 'c',
          kind: 'imaging',
          title: 'CT (CT)',
          provenance: { portal: 'file', origin: 'file://', path: 'DICOM', pageTitle: 'CT' },
          snapshotHtml: '<p>CT</p>',
          text: 'CT',
          structured: { type: 'imaging-study', modalities: ['CT'], series: [{ instances: 3 }], instances: 3 },
          capturedAt: now,
          updatedAt: now,
          contentHash: 'a'.repeat(64),
          note: '',
        },
      ],
      attachments: study.map((f, i) => ({
        id: `a${i}`,
        recordId: 'r',
        name: f.path,
        mediaType: 'application/dicom',
        size: f.bytes.length,
        sha256: hash('sha256', f.bytes),
        data: new Blob([f.bytes as BlobPart]),
      })),
      generatedAt: new Date(now),
      generator: { name: 'Second Look', version: 'test' },
      sanitize: (html) => html,
      summaryPdf: false,
      streamAbove: 100_000,
    });
    const streamed: string[] = [];
    const chunks: Uint8Array[] = [];
    async function* watch() {
      for await (const entry of entries) {
        if (entry.blob) streamed.push(entry.path);
        yield entry;
      }
    }
    await writeZip(watch(), (chunk) => chunks.push(chunk.slice()), { modified: new Date(now) });
    expect(streamed).toHaveLength(3);
    const zip = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    const manifest = Manifest.parse(JSON.parse(new TextDecoder().decode(zip['data/manifest.json'])));
    const bundle = JSON.parse(new TextDecoder().decode(zip['data/fhir-bundle.json'])) as {
      entry: { resource: { resourceType: string; content?: { attachment: { url: string; hash: string } }[] } }[];
    };
    const fhirFiles = bundle.entry.flatMap((e) => e.resource.content ?? []).map((c) => c.attachment);
    for (const file of study) {
      const path = streamed.find((p) => p.endsWith(file.path.split('/').pop()!.toLowerCase()))!;
      expect(hash('sha256', zip[path]!)).toBe(hash('sha256', file.bytes));
      expect(manifest.files.find((f) => f.path === path)).toMatchObject({
        sha256: hash('sha256', file.bytes),
        size: file.bytes.length,
      });
      expect(fhirFiles.find((f) => f.url === path)?.hash).toBe(hash('sha1', file.bytes, 'base64'));
    }
  });

  it('refuses a streamed file that no longer matches its recorded hash', async () => {
    const [file] = syntheticStudy({ seed: 32, series: 1, perSeries: 1, pixelBytes: 300_000 });
    const now = new Date().toISOString();
    const entries = packageEntries({
      caseData: { id: 'c', title: 'x', createdAt: now, updatedAt: now },
      records: [
        {
          id: 'r',
          caseId: 'c',
          kind: 'imaging',
          title: 'CT',
          provenance: { portal: 'file', origin: 'file://', path: 'DICOM', pageTitle: 'CT' },
          snapshotHtml: '<p>CT</p>',
          text: 'CT',
          capturedAt: now,
          updatedAt: now,
          contentHash: 'a'.repeat(64),
          note: '',
        },
      ],
      attachments: [
        {
          id: 'a',
          recordId: 'r',
          name: 'x.dcm',
          mediaType: 'application/dicom',
          size: file!.bytes.length,
          sha256: 'b'.repeat(64),
          data: new Blob([file!.bytes as BlobPart]),
        },
      ],
      generatedAt: new Date(),
      generator: { name: 'x', version: '1' },
      sanitize: (h) => h,
      summaryPdf: false,
      streamAbove: 1000,
    });
    await expect(writeZip(entries, () => undefined, { modified: new Date() })).rejects.toThrow(/does not match/);
  });
});
