import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

export interface CheckedPackage {
  entries: Record<string, Uint8Array>;
  manifest: {
    format: string;
    records: { title: string; kind: string; files: string[] }[];
    files: { path: string; size: number; sha256: string }[];
  };
  /** Files whose size or SHA-256 differ from the manifest, and zip entries the manifest does not list. */
  problems: string[];
}

/** Opens a package as any reader would and checks every file against data/manifest.json. */
export function checkPackage(path: string): CheckedPackage {
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  const manifest = JSON.parse(new TextDecoder().decode(entries['data/manifest.json'])) as CheckedPackage['manifest'];
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    const data = entries[file.path];
    if (!data) problems.push(`missing ${file.path}`);
    else if (data.byteLength !== file.size) problems.push(`size ${file.path}`);
    else if (createHash('sha256').update(data).digest('hex') !== file.sha256) problems.push(`hash ${file.path}`);
  }
  for (const name of Object.keys(entries)) {
    if (name !== 'data/manifest.json' && !name.endsWith('/') && !listed.has(name)) problems.push(`unlisted ${name}`);
  }
  return { entries, manifest, problems };
}

/**
 * The zip the extension just saved. Under Playwright's CDP connection Chromium stores downloads under a
 * GUID name (Playwright sets "allowAndName"), so wait for a finished .zip that was not there before.
 */
export async function waitForNewZip(dir: string, before: string[], timeoutMs = 30_000): Promise<string> {
  const { readdirSync } = await import('node:fs');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = readdirSync(dir).filter((f) => f.endsWith('.zip') && !before.includes(f));
    if (fresh.length === 1) return `${dir}/${fresh[0]}`;
    if (fresh.length > 1) throw new Error(`several new downloads: ${fresh.join(', ')}`);
    if (Date.now() > deadline) throw new Error(`no finished zip in ${dir}: ${readdirSync(dir).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
