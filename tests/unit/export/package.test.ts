import { describe, expect, it } from 'vitest';
import { packageEntries, packageEntryCount } from '../../../lib/export/package';
import { Manifest } from '../../../lib/export/manifest';
import { sha256Hex } from '../../../lib/core/hash';
import { attachments, collect, packageInput } from '../helpers/synthetic-case';

const decode = (data: Uint8Array) => new TextDecoder().decode(data);

describe('packageEntries', () => {
  it('lists every other file in the manifest with its real size, SHA-256 and media type', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    const manifestEntry = entries.at(-1)!;
    expect(manifestEntry.path).toBe('data/manifest.json');
    const manifest = Manifest.parse(JSON.parse(decode(manifestEntry.data)));
    const others = entries.slice(0, -1);
    expect(manifest.files.map((f) => f.path)).toEqual(others.map((e) => e.path));
    for (const [i, entry] of others.entries()) {
      expect(manifest.files[i]!.size).toBe(entry.data.byteLength);
      expect(manifest.files[i]!.sha256).toBe(await sha256Hex(entry.data));
      expect(manifest.files[i]!.mediaType).toBe(entry.mediaType);
    }
    expect(others.map((e) => e.path)).toEqual(
      expect.arrayContaining(['INDEX.HTM', 'README.TXT', 'summary.pdf', 'data/fhir-bundle.json']),
    );
    expect(new Set(entries.map((e) => e.path.toLowerCase())).size).toBe(entries.length);
  });

  it('writes attachments byte-identical under the record folder with safe unique names, stored when compressed', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    const files = entries.filter((e) => e.path.includes('/files/'));
    expect(files.map((e) => e.path.replace(/^records\/\d{4}_[^/]+\//, ''))).toEqual([
      'files/ct-report-final.pdf',
      'files/key-image.png',
      'files/key-image-2.png',
      'files/con-file.txt',
    ]); // sorted by original name within a record, then the next record
    const sources = await attachments();
    for (const [i, entry] of files.entries()) {
      const source = sources[i]!.data;
      const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
      expect(entry.data).toEqual(bytes);
    }
    expect(files.map((e) => e.compress)).toEqual([false, false, false, true]);
    const manifest = Manifest.parse(JSON.parse(decode(entries.at(-1)!.data)));
    const ct = manifest.records.find((r) => r.id === 'rec-ct')!;
    expect(ct.files).toHaveLength(5);
    expect(ct.attachments!.map((a) => a.name)).toEqual(['CT Report (final).PDF', 'key image.png', 'key image.png']);
    for (const path of manifest.records.flatMap((r) => r.files))
      expect(manifest.files.some((f) => f.path === path)).toBe(true);
    for (const entry of entries)
      for (const segment of entry.path.split('/')) {
        expect(segment.length).toBeLessThanOrEqual(100);
        expect(segment).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(segment).not.toMatch(/\.$/);
      }
  });

  it('says in advance how many entries it will yield (for progress)', async () => {
    for (const overrides of [{}, { summaryPdf: false, attachments: undefined }]) {
      const input = await packageInput(overrides);
      expect((await collect(packageEntries(input))).length).toBe(packageEntryCount(input));
    }
  });

  it('refuses an attachment whose bytes no longer match its recorded hash', async () => {
    const input = await packageInput();
    input.attachments![0] = { ...input.attachments![0]!, sha256: '0'.repeat(64) };
    await expect(collect(packageEntries(input))).rejects.toThrow(/SHA-256/);
  });

  it('carries story, questions and completeness into the manifest', async () => {
    const entries = await collect(packageEntries(await packageInput()));
    const manifest = Manifest.parse(JSON.parse(decode(entries.at(-1)!.data)));
    expect(manifest.case.reason).toMatch(/surgery/);
    expect(manifest.questions.map((q) => q.id)).toEqual(['q2', 'q1', 'q3']);
    expect(manifest.completeness?.[1]?.status).toBe('missing');
  });

  it('still builds a package without the optional inputs', async () => {
    const entries = await collect(
      packageEntries({
        ...(await packageInput()),
        story: undefined,
        questions: undefined,
        completeness: undefined,
        attachments: undefined,
        summaryPdf: false,
      }),
    );
    expect(entries.map((e) => e.path)).not.toContain('summary.pdf');
    expect(Manifest.safeParse(JSON.parse(decode(entries.at(-1)!.data))).success).toBe(true);
  });
});
