import { slugify } from './names';

/** DICOM File IDs (PS3.10: upper-case letters, digits, underscore, up to 8 characters) are kept as they are. */
const FILE_ID = /^[A-Z0-9_]{1,8}$/;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

function segment(part: string): string {
  if (FILE_ID.test(part) && !RESERVED.test(part)) return part;
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(part);
  const base = slugify(match ? part.slice(0, -match[0].length) : part, 60);
  return match ? `${base}.${match[1]!.toLowerCase()}` : base;
}

/**
 * Where a study's file goes in the package: `images/<record folder>/<its path within the study>`, each
 * part made safe on Windows, macOS and Linux, unique within `taken` (which it updates).
 */
export function imagePath(folder: string, name: string, taken: Set<string>): string {
  const parts = name
    .split(/[\\/]+/)
    .filter((p) => p && p !== '.' && p !== '..')
    .map(segment);
  const relative = parts.length ? parts.join('/') : 'image.dcm';
  let candidate = `${folder}/${relative}`;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${folder}/${relative}-${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
