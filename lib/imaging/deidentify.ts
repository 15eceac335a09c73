import { sha256 } from '@noble/hashes/sha2.js';
import type { DataSet, Element } from 'dicom-parser';
import { DicomError, readDicomHeader, type FileLike } from './dicom-header';
import { groupAction, PROFILE_ACTIONS, type ProfileAction } from './deidentify-profile';

const STRING_VRS = new Set([
  'AE',
  'AS',
  'CS',
  'DA',
  'DS',
  'DT',
  'IS',
  'LO',
  'LT',
  'PN',
  'SH',
  'ST',
  'TM',
  'UC',
  'UR',
  'UT',
]);

/** Why an image cannot be de-identified: the export is refused rather than sent with the patient in it. */
export class DeidentificationRefused extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'burned-in-annotation' | 'unreadable',
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'DeidentificationRefused';
  }
}

/**
 * A UID replacement that is the same for the same UID (and length) within one export, so study, series
 * and references between files still line up, and unlinkable to the original without the random salt.
 * The result is a valid UID under the 2.25 root (ITU-T X.667: a 128-bit integer), exactly `length`
 * characters long, so it can be written in place.
 */
export function uidReplacer(salt: Uint8Array): (uid: string, length?: number) => string {
  const digits = (seed: string): string => {
    const hash = sha256(new Uint8Array([...salt, ...new TextEncoder().encode(seed)]));
    let value = 0n;
    for (const byte of hash.slice(0, 16)) value = (value << 8n) | BigInt(byte);
    return (value === 0n ? 1n : value).toString(); // no leading zero
  };
  return (uid, length = uid.length) => {
    if (length < 6) return ''.padEnd(length, '0').slice(0, length); // too short to be a UID at all
    let integer = digits(uid);
    const base = `2.25.${integer}`;
    if (length <= base.length) return base.slice(0, length);
    let extra = length - base.length;
    if (extra === 1) {
      integer = integer.slice(0, -1);
      extra = 2;
    }
    const tail = digits(`${uid}:tail`)
      .padEnd(extra, '7')
      .slice(0, extra - 1);
    return `2.25.${integer}.${tail}`;
  };
}

type Writer = { bytes: Uint8Array; replaceUid: (uid: string, length?: number) => string };

const readAscii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));
const isPrintable = (bytes: Uint8Array, at: number, length: number) =>
  bytes.subarray(at, at + length).every((b) => b === 0 || (b >= 0x20 && b < 0x7f));

/** Empties a value in place: padding for text (so a reader sees an empty value), zeros for binary. */
function blank(element: Element, { bytes }: Writer): void {
  if (element.items) {
    for (const item of element.items) if (item.dataSet) blankAll(item.dataSet, bytes);
    return;
  }
  const end = Math.min(element.dataOffset + element.length, bytes.length);
  if (element.dataOffset >= end) return;
  const text = element.vr ? STRING_VRS.has(element.vr) : isPrintable(bytes, element.dataOffset, element.length);
  bytes.fill(text ? 0x20 : 0x00, element.dataOffset, end);
}

function blankAll(dataSet: DataSet, bytes: Uint8Array): void {
  for (const element of Object.values(dataSet.elements)) blank(element, { bytes, replaceUid: () => '' });
}

function replaceUids(element: Element, { bytes, replaceUid }: Writer): void {
  if (element.items) {
    for (const item of element.items) if (item.dataSet) applyProfile(item.dataSet, { bytes, replaceUid });
    return;
  }
  if (element.dataOffset + element.length > bytes.length) return;
  const parts = readAscii(bytes, element.dataOffset, element.length).split('\\');
  const replaced = parts.map((part) => {
    const uid = part.replace(/[\0 ]+$/, '');
    return uid ? replaceUid(uid, uid.length) + part.slice(uid.length) : part;
  });
  const out = replaced.join('\\');
  for (let i = 0; i < out.length; i++) bytes[element.dataOffset + i] = out.charCodeAt(i);
}

function act(action: ProfileAction, element: Element, writer: Writer): void {
  if (action === 'U') replaceUids(element, writer);
  else blank(element, writer);
}

/** Walks a data set (and the items of sequences it keeps) applying the profile to each attribute. */
function applyProfile(dataSet: DataSet, writer: Writer): void {
  for (const [tag, element] of Object.entries(dataSet.elements)) {
    const action = PROFILE_ACTIONS.get(tag) ?? groupAction(tag);
    if (action) act(action, element, writer);
    else if (element.items) for (const item of element.items) if (item.dataSet) applyProfile(item.dataSet, writer);
  }
}

/**
 * De-identifies one DICOM file with the Basic Profile (deidentify-profile.ts). Every value is replaced
 * in place by one of the same length (emptied, or a new UID), so no length in the file changes and the
 * pixel data is carried over untouched from the original, never read: the result is a Blob made of the
 * changed header and a slice of the original. Refused when the images say they carry burned-in text
 * (Burned In Annotation YES): the profile cannot clean pixels.
 */
export async function deidentifyDicom(
  file: FileLike,
  name: string,
  replaceUid: (uid: string, length?: number) => string,
): Promise<Blob> {
  let header;
  try {
    header = await readDicomHeader(file);
  } catch (error) {
    throw new DeidentificationRefused(name, 'unreadable', error instanceof DicomError ? error.message : 'unreadable');
  }
  const burnedIn = header.dataSet.string('x00280301')?.trim().toUpperCase();
  if (burnedIn === 'YES')
    throw new DeidentificationRefused(name, 'burned-in-annotation', 'Burned In Annotation is YES');
  const bytes = header.bytes.slice();
  applyProfile(header.dataSet, { bytes, replaceUid });
  const pixelEnd = header.pixelEnd ?? file.size;
  const parts: BlobPart[] = [bytes as Uint8Array<ArrayBuffer>, file.slice(header.headerEnd, pixelEnd)];
  if (pixelEnd < file.size) parts.push(await blankTrailingPadding(file, pixelEnd, name));
  return new Blob(parts, { type: 'application/dicom' });
}

/**
 * Attributes after the pixel data are not read by the header parser. Data Set Trailing Padding
 * (FFFC,FFFC) is the one such attribute kept, zeroed; anything else there (a digital signature, a
 * vendor's trailer) could hold identifiers the profile must remove, so the file is refused.
 */
async function blankTrailingPadding(file: FileLike, from: number, name: string): Promise<Uint8Array<ArrayBuffer>> {
  const length = file.size - from;
  const refuse = () =>
    new DeidentificationRefused(name, 'unreadable', `${length} bytes of attributes after the pixel data`);
  if (length < 12 || length > 16 * 1024 * 1024) throw refuse();
  const tail = new Uint8Array(await file.slice(from, file.size).arrayBuffer());
  const view = new DataView(tail.buffer);
  const isPadding =
    view.getUint16(0, true) === 0xfffc && view.getUint16(2, true) === 0xfffc && tail[4] === 0x4f && tail[5] === 0x42;
  if (!isPadding || view.getUint32(8, true) !== length - 12) throw refuse();
  tail.fill(0, 12);
  return tail;
}
