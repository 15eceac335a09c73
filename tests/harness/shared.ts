import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The workplace's shared/ folder (third-party fixtures), which sits beside the repository both here and
 * in CI's fresh clone. SECOND_LOOK_SHARED overrides it.
 */
export const SHARED = process.env.SECOND_LOOK_SHARED ?? resolve(import.meta.dirname, '../../../shared');
export const THIRD_PARTY = resolve(SHARED, 'fixtures/third-party');

if (!existsSync(THIRD_PARTY)) {
  throw new Error(`third-party fixtures not found at ${THIRD_PARTY}: set SECOND_LOOK_SHARED to the shared/ folder`);
}
