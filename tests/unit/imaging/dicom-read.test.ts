import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DicomError, instanceOf, readDicomdir, readDicomHeader, studyList } from '../../../lib/imaging';
import { THIRD_PARTY } from '../../harness/shared';
import { syntheticDicom } from '../../tools/synthetic-dicom';

const DICOM = `${THIRD_PARTY}/dicom`;
const blobOf = (path: string) => new Blob([readFileSync(path)]);

describe('DICOM headers', () => {
  it('reads the study attributes of the CT fixture without its pixel data', async () => {
    const file = blobOf(`${DICOM}/CT_small.dcm`);
    const header = await readDicomHeader(file);
    // Values as printed by `dcmdump CT_small.dcm` (pydicom's test file).
    const instance = instanceOf(header.dataSet);
    expect(instance.modality).toBe('CT');
    expect(instance.studyDate).toBe('2004-01-19');
    expect(instance.studyDescription).toBe('e+1');
    expect(instance.sopInstanceUid).toBe('1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322');
    // The header stops where the 32768 bytes of pixel data start; 138 bytes of trailing padding
    // (FFFC,FFFC) follow them (6300 + 32768 + 138 = 39206, the file's size).
    expect(header.headerEnd).toBe(6300);
    expect(header.pixelEnd).toBe(6300 + 32768);
    expect(header.bytes.length).toBe(header.headerEnd);
  });

  it('keeps nothing that names the patient in the instance summary', async () => {
    const instance = instanceOf((await readDicomHeader(blobOf(`${DICOM}/MR_small.dcm`))).dataSet);
    const { patientKey, ...kept } = instance;
    expect(JSON.stringify(kept)).not.toMatch(/CompressedSamples/i);
    expect(patientKey).toBeTruthy();
  });

  it('calls a file cut short in its pixel data truncated', async () => {
    const bytes = readFileSync(`${DICOM}/CT_small.dcm`);
    const cut = new Blob([bytes.subarray(0, bytes.length - 1000)]);
    await expect(readDicomHeader(cut)).rejects.toMatchObject({ problem: 'truncated' });
  });

  it('calls a file cut short inside its header truncated', async () => {
    const bytes = readFileSync(`${DICOM}/CT_small.dcm`);
    await expect(readDicomHeader(new Blob([bytes.subarray(0, 900)]))).rejects.toMatchObject({ problem: 'truncated' });
  });

  it('refuses a file that is not DICOM', async () => {
    const error = await readDicomHeader(new Blob(['%PDF-1.4 '.repeat(40)])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DicomError);
    expect((error as DicomError).problem).toBe('not-dicom');
  });

  it('reads a header longer than the first read (a large private block)', async () => {
    const bytes = syntheticDicom({
      studyUid: '1.2.3.4.1',
      seriesUid: '1.2.3.4.1.1',
      sopUid: '1.2.3.4.1.1.1',
      privateNote: 'x'.repeat(600_000),
      pixelBytes: 1_000_000,
    });
    const header = await readDicomHeader(new Blob([bytes as BlobPart]));
    expect(instanceOf(header.dataSet).studyUid).toBe('1.2.3.4.1');
    expect(header.headerEnd).toBe(bytes.length - 1_000_000);
  });
});

describe('the study list of a DICOMDIR', () => {
  it('lists the CD fixture: 2 patients, 6 studies, 13 series, 31 instances', async () => {
    const dir = await readDicomdir(blobOf(`${DICOM}/dicomdirtests/DICOMDIR`));
    // Counted by hand from the DICOMDIR's records (PATIENT Doe^Archibald: studies ...5534.0.1 with 3
    // CR series of 1 and ...28319.0.1 with one CT series of 4; PATIENT Doe^Peter: ...16302.0.1 with CT
    // series of 2 and 5, ...18148.0.427 with MR series of 1 and 1, ...18148.0.133 with 1 and 3,
    // ...18148.0.1 with 1, 3 and 7). The fixture folders hold 9 series folders, but MR1 and MR2 each
    // mix series of three studies, so the folders are not the series.
    expect(dir.patients).toBe(2);
    expect(dir.entries).toHaveLength(31);
    const studies = studyList(dir.entries.map((e) => ({ instance: e.instance, file: e.path.join('/') })));
    expect(studies).toHaveLength(6);
    const series = studies.flatMap((s) => s.study.series);
    expect(series).toHaveLength(13);
    expect(series.map((s) => s.instances).sort((a, b) => a - b)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 4, 5, 7]);
    expect(studies.map((s) => s.study.instances).sort((a, b) => a - b)).toEqual([2, 3, 4, 4, 7, 11]);
    expect(studies.reduce((n, s) => n + s.study.instances, 0)).toBe(31);
    const byFolder = (prefix: string) => studies.filter((s) => s.files.every((f) => f.startsWith(prefix)));
    expect(
      byFolder('77654033')
        .flatMap((s) => s.study.modalities)
        .sort(),
    ).toEqual(['CR', 'CT']);
    expect(byFolder('98892003').flatMap((s) => s.study.modalities)).toEqual(['MR', 'MR', 'MR']);
    // Every file the directory names exists in the fixture.
    for (const entry of dir.entries)
      expect(() => readFileSync(`${DICOM}/dicomdirtests/${entry.path.join('/')}`)).not.toThrow();
  });
});
