// External programs the tests run are installed by tests/tools/ensure-browsers.sh. A test that needs one
// fails when it is missing: it never skips, so a green run means the check really ran.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Throws, naming the setup script, unless `program` is an executable on the PATH. */
export function requireProgram(program: string): void {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return;
    } catch {
      // not in this directory
    }
  }
  throw new Error(
    `${program} is not installed: run bash tests/tools/ensure-browsers.sh (it installs every program the tests use)`,
  );
}
