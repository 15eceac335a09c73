/** Windows device names: a segment named so (whatever its extension) opens a device instead of a file. */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Why an archive entry's name is not safe to use as a path, or undefined when it is: the one rule the
 * package importer and the XDM reader both judge names by. Safe means relative, forward slashes only,
 * printable, and the same file on Windows, macOS and Linux: no `.`/`..`/empty segments (zip-slip), no
 * drive letter, colon (NTFS streams), backslash, control or bidirectional-override characters, no
 * device names and no segment ending in a dot or space (Windows silently drops them, so two names meet).
 */
export function entryNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name.includes('\u0000')) return 'NUL in name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'control character in name';
  // Right-to-left overrides and isolates make `exe.pdf` look like `fdp.exe` in a message.
  if (/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) return 'bidirectional control in name';
  if (name.includes(':')) return 'colon in name';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'empty, . or .. segment';
  if (segments.some((s) => /[. ]$/.test(s))) return 'segment ends in a dot or space';
  if (segments.some((s) => DEVICE.test(s))) return 'device name';
  return undefined;
}
