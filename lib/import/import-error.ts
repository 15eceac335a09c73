import { z } from '../core/schema';

/** Why a package was refused. An enum so the UI can translate each one (ui catalogue keys `import_error_<code>`). */
export const ImportErrorCode = z.enum([
  'not-a-zip',
  'truncated',
  'corrupt',
  'unsupported-zip',
  'encrypted',
  'wrong-password',
  'unsafe-path',
  'symlink',
  'duplicate-entry',
  'overlapping-entries',
  'too-many-entries',
  'too-large',
  'compression-ratio',
  'missing-manifest',
  'invalid-manifest',
  'newer-format',
  'unknown-format',
  'missing-file',
  'unlisted-file',
  'size-mismatch',
  'hash-mismatch',
  'invalid-record',
]);
export type ImportErrorCode = z.infer<typeof ImportErrorCode>;

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    /** For logs and bug reports: names the entry or field, never record content. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ImportError';
  }
}

export const fail = (code: ImportErrorCode, detail: string): never => {
  throw new ImportError(code, detail);
};
