import { parseDicom, type DataSet } from 'dicom-parser';

/** Why a file could not be read as DICOM; each has a message in the catalogue. */
export type DicomProblem = 'not-dicom' | 'truncated' | 'unreadable' | 'header-too-large' | 'unsupported-syntax';

export class DicomError extends Error {
  constructor(
    readonly problem: DicomProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'DicomError';
  }
}

/** The part of a File or Blob the readers use, so Node tests can pass Blobs. */
export type FileLike = Pick<Blob, 'size' | 'slice'>;

export const PIXEL_DATA = 'x7fe00010';
const FIRST_READ = 256 * 1024;
/** Headers past this (huge private blocks) are refused rather than read whole. */
export const MAX_HEADER_BYTES = 64 * 1024 * 1024;
const DEFLATED = '1.2.840.10008.1.2.1.99';

/** The attributes of one DICOM file up to (not including) its pixel data, and where the header ends. */
export interface DicomHeader {
  dataSet: DataSet;
  /** The header's bytes (a copy the caller may change): the whole file when it has no pixel data. */
  bytes: Uint8Array;
  /** Offset in the file where the bytes not held in `bytes` start (pixel data and anything after). */
  headerEnd: number;
  /** Where a defined-length pixel data value ends; bytes after it are trailing attributes (padding, signatures). */
  pixelEnd?: number;
}

const bytesOf = async (file: FileLike, end: number) => new Uint8Array(await file.slice(0, end).arrayBuffer());
const isPart10 = (head: Uint8Array) =>
  head.length >= 132 && head[128] === 0x44 && head[129] === 0x49 && head[130] === 0x43 && head[131] === 0x4d;

/** dicom-parser throws strings or `{exception, dataSet}`; both become one message. */
const parserMessage = (thrown: unknown): string => {
  const inner = (thrown as { exception?: unknown } | undefined)?.exception ?? thrown;
  return String(inner instanceof Error ? inner.message : inner).slice(0, 300);
};

/** True when an undefined-length (encapsulated) pixel data element is closed by its delimiter at the file's end. */
async function endsWithDelimiter(file: FileLike): Promise<boolean> {
  if (file.size < 8) return false;
  const tail = new Uint8Array(await file.slice(file.size - 8, file.size).arrayBuffer());
  return tail[0] === 0xfe && tail[1] === 0xff && tail[2] === 0xdd && tail[3] === 0xe0;
}

/**
 * Reads a Part 10 file's header without reading its pixel data: the first 256 KB, more only when the
 * header is longer. A file cut short (inside the header, or with less pixel data than the header
 * declares) is `truncated`: nothing of it is kept.
 */
export async function readDicomHeader(file: FileLike): Promise<DicomHeader> {
  if (file.size < 132) throw new DicomError('not-dicom', 'shorter than a DICOM preamble');
  let end = Math.min(file.size, FIRST_READ);
  for (;;) {
    const bytes = await bytesOf(file, end);
    if (!isPart10(bytes)) throw new DicomError('not-dicom', 'no DICM prefix at offset 128');
    let dataSet: DataSet;
    try {
      dataSet = parseDicom(bytes, { untilTag: PIXEL_DATA });
    } catch (thrown) {
      if (end < file.size && end < MAX_HEADER_BYTES) {
        end = Math.min(file.size, end * 4, MAX_HEADER_BYTES);
        continue;
      }
      const message = parserMessage(thrown);
      if (end >= MAX_HEADER_BYTES && end < file.size) throw new DicomError('header-too-large', message);
      if (/deflate|inflater/i.test(message)) throw new DicomError('unsupported-syntax', message);
      throw new DicomError(/overrun|past end|beyond/i.test(message) ? 'truncated' : 'unreadable', message);
    }
    if (dataSet.string('x00020010') === DEFLATED)
      throw new DicomError('unsupported-syntax', 'deflated transfer syntax');
    const pixels = dataSet.elements[PIXEL_DATA];
    if (!pixels) {
      // No pixel data (a structured report, a DICOMDIR): the parse must have covered the whole file.
      if (end < file.size) {
        if (end >= MAX_HEADER_BYTES) throw new DicomError('header-too-large', 'no pixel data within 64 MB');
        end = Math.min(file.size, end * 4, MAX_HEADER_BYTES);
        continue;
      }
      return { dataSet, bytes, headerEnd: file.size };
    }
    const undefinedLength = pixels.length === 0xffffffff || pixels.hadUndefinedLength === true;
    if (undefinedLength ? !(await endsWithDelimiter(file)) : pixels.dataOffset + pixels.length > file.size)
      throw new DicomError('truncated', `pixel data ends past the file's ${file.size} bytes`);
    // The header is everything before the pixel data's value (its tag, VR and length included).
    const headerEnd = Math.min(pixels.dataOffset, bytes.length);
    return {
      dataSet,
      bytes: bytes.slice(0, headerEnd),
      headerEnd,
      ...(undefinedLength ? {} : { pixelEnd: pixels.dataOffset + pixels.length }),
    };
  }
}

/** True when the first bytes are a Part 10 DICOM file's preamble and prefix. */
export async function isDicomFile(file: FileLike): Promise<boolean> {
  return file.size >= 132 && isPart10(await bytesOf(file, 132));
}
