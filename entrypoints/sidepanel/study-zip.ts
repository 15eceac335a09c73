import type { StudyFile } from '../../lib/imaging';
import { readZipDirectory } from '../../lib/import/zip-directory';
import { readContent, sourceRange } from '../../lib/import/zip-entry';
import { zipSource } from '../../lib/import/zip-source';

const STUDY_ENTRY = /(^|\/)DICOMDIR$|\.dcm$/i;

/**
 * The files inside a zip of a CD or of a DICOM download, as study files under `<zip name>/`, or null
 * when the zip holds no DICOMDIR and no .dcm file (then it is an XDM or another document for the
 * ordinary import). The zip's directory is checked first (names, sizes, bombs: lib/import). Stored
 * entries become slices of the zip File itself, never read into memory; deflated ones are inflated one
 * entry at a time into a Blob.
 */
export async function studyFilesFromZip(zip: File): Promise<StudyFile[] | null> {
  const source = zipSource(zip);
  let entries;
  try {
    entries = await readZipDirectory(source);
  } catch {
    return null;
  }
  if (!entries.some((e) => STUDY_ENTRY.test(e.name))) return null;
  const files: StudyFile[] = [];
  for (const entry of entries) {
    if (entry.directory || entry.encrypted) continue;
    const path = `${zip.name}/${entry.name}`;
    if (entry.method === 0 && entry.compressedSize === entry.size) {
      files.push({ path, file: zip.slice(entry.dataOffset, entry.dataOffset + entry.size) });
      continue;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    await readContent(sourceRange(source, entry.dataOffset, entry.compressedSize, entry.name), entry, (chunk) => {
      size += chunk.byteLength;
      if (size > entry.size) throw new Error(`${entry.name}: more data than declared`);
      parts.push(chunk.slice());
    });
    files.push({ path, file: new Blob(parts as Uint8Array<ArrayBuffer>[]) });
  }
  return files;
}
