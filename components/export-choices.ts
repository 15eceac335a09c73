import type { DocumentLanguage } from '../lib/core/document-language';
import type { PageSize } from '../lib/export/package-input';
import type { IdentifierKind } from '../lib/export/redact';
import type { MessageKey } from './i18n';

/** Long enough that guessing it against AES-256 takes more than an afternoon. */
export const MIN_PASSWORD_LENGTH = 10;

/** The export options form, as typed (the wiring turns it into the exporter's choices). */
export interface ExportOptionsValue {
  excluded: string[];
  pageSize: PageSize;
  /** The language of the package's own pages; the panel's language unless changed. */
  language: DocumentLanguage;
  redact: boolean;
  /** Names to remove, separated by commas or new lines. */
  names: string;
  /** YYYY-MM-DD or empty. */
  dateOfBirth: string;
  /** Findings the user unticked, by lower-cased text. */
  rejected: string[];
  protect: boolean;
  password: string;
  confirm: string;
  /** data/patient-shared-bundle.json: on unless the patient unticks it (redaction leaves it out anyway). */
  patientShared: boolean;
}

export const defaultExportOptions = (language: DocumentLanguage = 'en'): ExportOptionsValue => ({
  excluded: [],
  pageSize: 'letter',
  language,
  redact: false,
  names: '',
  dateOfBirth: '',
  rejected: [],
  protect: false,
  password: '',
  confirm: '',
  patientShared: true,
});

export const typedNames = (names: string): string[] =>
  names
    .split(/[,;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);

/** Why the password cannot be used yet, or null when protection is off or the password is fine. */
export function passwordProblem(
  value: Pick<ExportOptionsValue, 'protect' | 'password' | 'confirm'>,
): MessageKey | null {
  if (!value.protect) return null;
  if (value.password.length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (value.password !== value.confirm) return 'passwordMismatch';
  return null;
}

export const redactKindKey = (kind: IdentifierKind) => `redact_kind_${kind.replace(/-/g, '_')}` as MessageKey;
