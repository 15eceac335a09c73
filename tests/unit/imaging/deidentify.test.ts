import { readFileSync } from 'node:fs';
import { parseDicom, type DataSet } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import {
  BASIC_PROFILE,
  DeidentificationRefused,
  deidentifyDicom,
  deidentifyImages,
  uidReplacer,
} from '../../../lib/imaging';
import { THIRD_PARTY } from '../../harness/shared';
import { syntheticDicom, syntheticStudy } from '../../tools/synthetic-dicom';

const DICOM = `${THIRD_PARTY}/dicom`;
const salt = new Uint8Array(32).fill(7);
const parse = async (blob: Blob): Promise<{ bytes: Uint8Array; dataSet: DataSet }> => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { bytes, dataSet: parseDicom(bytes) };
};
const value = (dataSet: DataSet, tag: string) => (dataSet.string(tag) ?? '').replace(/\0/g, '').trim();

describe('DICOM de-identification (PS3.15 Annex E, Basic Profile)', () => {
  it('empties every identifying attribute of the CT fixture, tag by tag, and keeps the pixels', async () => {
    const original = readFileSync(`${DICOM}/CT_small.dcm`);
    const before = parseDicom(new Uint8Array(original));
    // What the fixture holds before (read with the parser, as a reader would).
    expect(value(before, 'x00100010')).toBe('CompressedSamples^CT1');
    expect(value(before, 'x00080080')).toBe('JFK IMAGING CENTER');
    const { bytes, dataSet } = await parse(
      await deidentifyDicom(new Blob([original]), 'CT_small.dcm', uidReplacer(salt)),
    );
    expect(bytes.length).toBe(original.length);
    // Z and X attributes present in this file: read back empty.
    for (const tag of [
      'x00100010',
      'x00100020',
      'x00100030',
      'x00101010',
      'x00101030',
      'x00080080',
      'x00081010',
      'x00081030',
      'x00080090',
      'x00080050',
    ])
      expect(value(dataSet, tag), tag).toBe('');
    // Private groups (GE's 0009, 0011, 0019, 0043 ...): no byte of their values left.
    for (const [tag, element] of Object.entries(dataSet.elements))
      if (Number.parseInt(tag.slice(1, 5), 16) % 2 === 1 && !element.items)
        expect(
          [...bytes.subarray(element.dataOffset, element.dataOffset + element.length)].every(
            (b) => b === 0 || b === 0x20,
          ),
          tag,
        ).toBe(true);
    // UIDs: replaced, still valid (2.25 root, digits), the SOP instance UID equal to the meta header's.
    for (const tag of ['x00080018', 'x0020000d', 'x0020000e', 'x00020003']) {
      expect(value(dataSet, tag), tag).not.toBe(value(before, tag));
      expect(value(dataSet, tag)).toMatch(/^2\.25\.[1-9]\d*(\.[1-9]\d*)?$/);
    }
    expect(value(dataSet, 'x00080018')).toBe(value(dataSet, 'x00020003'));
    // Kept: modality, dates (Retain Longitudinal Temporal Information with Full Dates), SOP class, pixel data.
    expect(value(dataSet, 'x00080060')).toBe('CT');
    expect(value(dataSet, 'x00080020')).toBe('20040119');
    expect(value(dataSet, 'x00080016')).toBe('1.2.840.10008.5.1.4.1.1.2');
    const pixels = dataSet.elements.x7fe00010!;
    expect(
      Buffer.from(bytes.subarray(pixels.dataOffset, pixels.dataOffset + pixels.length)).equals(
        original.subarray(pixels.dataOffset, pixels.dataOffset + pixels.length),
      ),
    ).toBe(true);
    // The name appears nowhere in the file.
    expect(Buffer.from(bytes).includes('CompressedSamples')).toBe(false);
  });

  it('cleans sequences, private text and every synthetic identifier, and replaces UIDs consistently across files', async () => {
    const study = syntheticStudy({
      seed: 9,
      series: 2,
      perSeries: 2,
      patientName: 'Quillfeather^Juniper',
      patientId: 'QF-778899',
      institution: 'Lantern Bay Clinic',
      referringPhysician: 'Marrow^Desmond',
      accession: 'ACC99887766',
      privateNote: 'patient Juniper Quillfeather, phone 555-0199',
      otherIdInSequence: true,
    });
    const replaced = uidReplacer(salt);
    const out = await Promise.all(
      study.map((f) => deidentifyDicom(new Blob([f.bytes as BlobPart]), f.path, replaced).then(parse)),
    );
    for (const { bytes, dataSet } of out) {
      const text = Buffer.from(bytes).toString('latin1');
      for (const identifier of [
        'Quillfeather',
        'Juniper',
        'QF-778899',
        'Lantern Bay',
        'Marrow',
        'ACC99887766',
        '555-0199',
      ])
        expect(text, identifier).not.toContain(identifier);
      const sequence = dataSet.elements.x00101002!;
      expect(value(sequence.items![0]!.dataSet!, 'x00100020')).toBe('');
    }
    // One study, two series, four instances before: the same after, under new UIDs.
    expect(new Set(out.map((o) => value(o.dataSet, 'x0020000d'))).size).toBe(1);
    expect(new Set(out.map((o) => value(o.dataSet, 'x0020000e'))).size).toBe(2);
    expect(new Set(out.map((o) => value(o.dataSet, 'x00080018'))).size).toBe(4);
    expect(value(out[0]!.dataSet, 'x0020000d')).toBe(replaced('1.2.826.0.1.3680043.9.7133.9.1'));
  });

  it('refuses a file that declares burned-in annotation, and a file it cannot read', async () => {
    const burned = syntheticDicom({
      studyUid: '1.2.3.1',
      seriesUid: '1.2.3.1.1',
      sopUid: '1.2.3.1.1.1',
      burnedIn: true,
    });
    await expect(
      deidentifyDicom(new Blob([burned as BlobPart]), 'burned.dcm', uidReplacer(salt)),
    ).rejects.toBeInstanceOf(DeidentificationRefused);
    const cut = syntheticDicom({ studyUid: '1.2.3.1', seriesUid: '1.2.3.1.1', sopUid: '1.2.3.1.1.1' }).subarray(0, 400);
    await expect(deidentifyDicom(new Blob([cut as BlobPart]), 'cut.dcm', uidReplacer(salt))).rejects.toMatchObject({
      reason: 'unreadable',
    });
  });

  it('replaces the UIDs the study record keeps with the ones written into its files', async () => {
    const [file] = syntheticStudy({ seed: 4, series: 1, perSeries: 1 });
    const result = await deidentifyImages(
      [
        {
          name: 'a.dcm',
          mediaType: 'application/dicom',
          size: file!.bytes.length,
          sha256: 'x'.repeat(64),
          data: file!.bytes,
        },
      ],
      [
        {
          structured: {
            type: 'imaging-study' as const,
            studyInstanceUid: '1.2.826.0.1.3680043.9.7133.4.1',
            modalities: ['CT'],
            series: [{ uid: '1.2.826.0.1.3680043.9.7133.4.1.1', instances: 1 }],
            instances: 1,
          },
        },
      ],
      salt,
    );
    const { dataSet } = await parse(result.attachments[0]!.data as unknown as Blob);
    const s = result.records[0]!.structured!;
    expect(s.type === 'imaging-study' && s.studyInstanceUid).toBe(value(dataSet, 'x0020000d'));
    expect(s.type === 'imaging-study' && s.series[0]!.uid).toBe(value(dataSet, 'x0020000e'));
    expect(result.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.deidentified).toBe(1);
  });

  it('writes UIDs of exactly the asked length, valid under 2.25', () => {
    const replace = uidReplacer(salt);
    for (let length = 6; length <= 64; length++) {
      const uid = replace('1.2.3.4', length);
      expect(uid).toHaveLength(length);
      expect(uid).toMatch(/^2\.25\.[1-9]\d*(\.[1-9]\d*)?$/);
    }
    expect(replace('1.2.3.4', 20)).toBe(replace('1.2.3.4', 20));
    expect(replace('1.2.3.4', 20)).not.toBe(replace('1.2.3.5', 20));
  });

  it('lists each attribute once, with its tag in the form the parser uses', () => {
    const tags = BASIC_PROFILE.map(([tag]) => tag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of tags) expect(tag).toMatch(/^x[0-9a-f]{8}$/);
  });
});
