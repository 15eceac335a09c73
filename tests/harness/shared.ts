import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

/** The local repository this one was cloned from, if any: a fresh clone in a temporary folder has no shared/ beside it. */
function clonedFrom(): string | undefined {
  try {
    const url = execFileSync('git', ['-C', REPO, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8' }).trim();
    const path = url.startsWith('file://') ? new URL(url).pathname : url;
    return isAbsolute(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The workplace's shared/ folder (third-party fixtures): SECOND_LOOK_SHARED if set, else beside the
 * repository, else beside the local repository it was cloned from (a newcomer's clone in a temp folder).
 */
function findShared(): string {
  const origin = clonedFrom();
  const candidates = process.env.SECOND_LOOK_SHARED
    ? [process.env.SECOND_LOOK_SHARED]
    : [resolve(REPO, '../shared'), ...(origin ? [resolve(origin, '../shared')] : [])];
  const found = candidates.find((c) => existsSync(resolve(c, 'fixtures/third-party')));
  if (!found)
    throw new Error(
      `third-party fixtures not found (looked in ${candidates.join(', ')}): set SECOND_LOOK_SHARED to the shared/ folder`,
    );
  return found;
}

export const SHARED = findShared();
export const THIRD_PARTY = resolve(SHARED, 'fixtures/third-party');
