// @vitest-environment node
// Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { CaseDb } from '../../../lib/core/db';
import { importStudies } from '../../../lib/imaging';
import { studyFilesFromZip } from '../../../entrypoints/sidepanel/study-zip';
import { THIRD_PARTY } from '../../harness/shared';

const CD = `${THIRD_PARTY}/dicom/dicomdirtests`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

describe('a zip of a CD with a DICOMDIR', () => {
  it('imports every study in it, files byte-exact, stored and deflated entries alike', async () => {
    const files = walk(CD).map((path) => ({ name: relative(CD, path), bytes: new Uint8Array(readFileSync(path)) }));
    // Half the entries stored, half deflated, as zip tools mix them.
    const zippable: Zippable = Object.fromEntries(
      files.map((f, i) => [`CD/${f.name}`, [f.bytes, { level: i % 2 ? 0 : 6 }]]),
    );
    const zip = new File([zipSync(zippable) as BlobPart], 'patient-cd.zip');
    const inside = await studyFilesFromZip(zip);
    expect(inside).toHaveLength(32); // 31 images and the DICOMDIR
    const db = new CaseDb(`study-zip-${crypto.randomUUID()}`);
    const { id } = await createCase(db, 'CD');
    const outcomes = await importStudies(db, id, inside!);
    expect(outcomes.filter((o) => o.result.ok)).toHaveLength(6);
    expect(outcomes.some((o) => !o.result.ok && o.result.error.startsWith('dicomdir'))).toBe(false);
    const stored = await db.attachments.toArray();
    expect(stored).toHaveLength(31);
    for (const a of stored) {
      const source = files.find((f) => `patient-cd.zip/CD/${f.name}` === a.name)!;
      expect(sha256(new Uint8Array(await a.blob.arrayBuffer()))).toBe(sha256(source.bytes));
    }
  });

  it('leaves a zip without DICOM to the ordinary file import', async () => {
    const zip = new File(
      [zipSync({ 'IHE_XDM/SUBSET01/DOC0001.XML': new TextEncoder().encode('<x/>') }) as BlobPart],
      'x.zip',
    );
    expect(await studyFilesFromZip(zip)).toBeNull();
    expect(await studyFilesFromZip(new File(['not a zip'], 'y.zip'))).toBeNull();
  });
});
