/**
 * Synthetic DICOM Part 10 files for tests and the benchmark: Explicit VR Little Endian, a made-up
 * patient, the attributes the study list and the de-identification profile act on, and pixel data of
 * any size (a counter pattern, so byte-exactness is checked on every byte). No real patient data.
 */
export interface SyntheticInstance {
  patientName?: string;
  patientId?: string;
  birthDate?: string;
  studyUid: string;
  seriesUid: string;
  sopUid: string;
  modality?: string;
  studyDescription?: string;
  seriesDescription?: string;
  seriesNumber?: number;
  studyDate?: string;
  institution?: string;
  referringPhysician?: string;
  accession?: string;
  /** A private block whose text would identify the patient. */
  privateNote?: string;
  /** An Other Patient IDs Sequence item holding the patient's id again, to check sequences are cleaned. */
  otherIdInSequence?: boolean;
  burnedIn?: boolean;
  pixelBytes?: number;
}

const LONG_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN', 'UC', 'UR']);
const enc = new TextEncoder();

function element(group: number, el: number, vr: string, value: Uint8Array): Uint8Array {
  const padded = value.length % 2 ? concat([value, new Uint8Array([vr === 'UI' || vr === 'OB' ? 0 : 0x20])]) : value;
  const long = LONG_VRS.has(vr);
  const head = new Uint8Array(long ? 12 : 8);
  const view = new DataView(head.buffer);
  view.setUint16(0, group, true);
  view.setUint16(2, el, true);
  head[4] = vr.charCodeAt(0);
  head[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, padded.length, true);
  else view.setUint16(6, padded.length, true);
  return concat([head, padded]);
}

const str = (group: number, el: number, vr: string, value: string) => element(group, el, vr, enc.encode(value));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function item(content: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  const view = new DataView(head.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, 0xe000, true);
  view.setUint32(4, content.length, true);
  return concat([head, content]);
}

/** The header (meta + data set up to the pixel data element's length) and the pixel length, so big files can be made in parts. */
export function syntheticDicomParts(instance: SyntheticInstance): { header: Uint8Array; pixelBytes: number } {
  const i = instance;
  const pixelBytes = i.pixelBytes ?? 512;
  const sopClass = '1.2.840.10008.5.1.4.1.1.2';
  const metaBody = concat([
    element(0x0002, 0x0001, 'OB', new Uint8Array([0, 1])),
    str(0x0002, 0x0002, 'UI', sopClass),
    str(0x0002, 0x0003, 'UI', i.sopUid),
    str(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1'),
    str(0x0002, 0x0012, 'UI', '1.2.826.0.1.3680043.9.7133.1'),
  ]);
  const groupLength = new Uint8Array(4);
  new DataView(groupLength.buffer).setUint32(0, metaBody.length, true);
  const side = Math.max(1, Math.floor(Math.sqrt(pixelBytes / 2)));
  const data = concat([
    str(0x0008, 0x0016, 'UI', sopClass),
    str(0x0008, 0x0018, 'UI', i.sopUid),
    str(0x0008, 0x0020, 'DA', i.studyDate ?? '20260115'),
    str(0x0008, 0x0030, 'TM', '093000'),
    str(0x0008, 0x0050, 'SH', i.accession ?? 'ACC12345'),
    str(0x0008, 0x0060, 'CS', i.modality ?? 'CT'),
    str(0x0008, 0x0080, 'LO', i.institution ?? 'Synthetic General Hospital'),
    str(0x0008, 0x0090, 'PN', i.referringPhysician ?? 'Referrer^Robin'),
    str(0x0008, 0x1030, 'LO', i.studyDescription ?? 'CT CHEST WITH CONTRAST'),
    str(0x0008, 0x103e, 'LO', i.seriesDescription ?? 'AXIAL 5MM'),
    ...(i.privateNote
      ? [str(0x0009, 0x0010, 'LO', 'SYNTHETIC_PRIVATE'), str(0x0009, 0x1001, 'UT', i.privateNote)]
      : []),
    str(0x0010, 0x0010, 'PN', i.patientName ?? 'Testpatient^Alex'),
    str(0x0010, 0x0020, 'LO', i.patientId ?? 'SYN-0001'),
    str(0x0010, 0x0030, 'DA', i.birthDate ?? '19700101'),
    str(0x0010, 0x0040, 'CS', 'O'),
    ...(i.otherIdInSequence
      ? [element(0x0010, 0x1002, 'SQ', item(concat([str(0x0010, 0x0020, 'LO', i.patientId ?? 'SYN-0001')])))]
      : []),
    str(0x0020, 0x000d, 'UI', i.studyUid),
    str(0x0020, 0x000e, 'UI', i.seriesUid),
    str(0x0020, 0x0011, 'IS', String(i.seriesNumber ?? 1)),
  ]);
  const us = (el: number, value: number) => {
    const v = new Uint8Array(2);
    new DataView(v.buffer).setUint16(0, value, true);
    return element(0x0028, el, 'US', v);
  };
  const pixelHead = new Uint8Array(12);
  const pv = new DataView(pixelHead.buffer);
  pv.setUint16(0, 0x7fe0, true);
  pv.setUint16(2, 0x0010, true);
  pixelHead[4] = 0x4f; // O
  pixelHead[5] = 0x57; // W
  pv.setUint32(8, pixelBytes, true);
  const header = concat([
    new Uint8Array(128),
    enc.encode('DICM'),
    element(0x0002, 0x0000, 'UL', groupLength),
    metaBody,
    data,
    us(0x0002, 1),
    str(0x0028, 0x0004, 'CS', 'MONOCHROME2'),
    us(0x0010, side),
    us(0x0011, Math.max(1, Math.floor(pixelBytes / 2 / side))),
    us(0x0100, 16),
    us(0x0101, 16),
    us(0x0102, 15),
    us(0x0103, 0),
    str(0x0028, 0x0301, 'CS', i.burnedIn ? 'YES' : 'NO'),
    pixelHead,
  ]);
  return { header, pixelBytes };
}

/** Pixel bytes `from`..`from+length` of the counter pattern (any part of a large file can be made alone). */
export function pixelPattern(from: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let k = 0; k < length; k++) out[k] = (from + k) * 7 + 3;
  return out;
}

/** A whole synthetic file (pixel data even-sized, as DICOM requires). */
export function syntheticDicom(instance: SyntheticInstance): Uint8Array {
  const { header, pixelBytes } = syntheticDicomParts({
    ...instance,
    pixelBytes: ((instance.pixelBytes ?? 512) + 1) & ~1,
  });
  return concat([header, pixelPattern(0, pixelBytes)]);
}

/** A synthetic study: `series` series of `perSeries` instances, UIDs under a made-up root. */
export function syntheticStudy(
  options: {
    seed?: number;
    series?: number;
    perSeries?: number;
    pixelBytes?: number;
  } & Partial<SyntheticInstance> = {},
): { path: string; bytes: Uint8Array }[] {
  const { seed = 1, series = 2, perSeries = 3, pixelBytes = 2048, ...rest } = options;
  const root = `1.2.826.0.1.3680043.9.7133.${seed}`;
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (let s = 1; s <= series; s++)
    for (let n = 1; n <= perSeries; n++)
      files.push({
        path: `study${seed}/SE${s}/IM${n}.dcm`,
        bytes: syntheticDicom({
          studyUid: `${root}.1`,
          seriesUid: `${root}.1.${s}`,
          sopUid: `${root}.1.${s}.${n}`,
          seriesNumber: s,
          seriesDescription: s === 1 ? 'AXIAL 5MM' : 'CORONAL REFORMAT',
          pixelBytes,
          ...rest,
        }),
      });
  return files;
}
