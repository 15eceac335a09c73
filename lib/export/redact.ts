import type { CaseRecord } from '../core/model';
import { OPINION_TEXT_FIELDS } from '../core/workspace-model';
import { sortRecords } from '../case';
import type { ManifestWorkspaceInput, PackageAttachment, PackageInput } from './package-input';
import {
  dateVariants,
  detectAddressIds,
  detectIdentifiers,
  nameVariants,
  type Detected,
  type IdentifierKind,
} from './redact-patterns';

export { IdentifierKind } from './redact-patterns';

export const REDACTED = '[REDACTED]';

export interface RedactionOptions {
  /** The patient's and family members' names, as the user typed them. */
  names?: string[];
  /** ISO dates (YYYY-MM-DD); every common printed form is matched. */
  datesOfBirth?: string[];
  /** Anything else the user wants gone (an employer, a town). */
  terms?: string[];
}

export interface RedactionFinding {
  kind: IdentifierKind;
  text: string;
  count: number;
  /** Where it occurs, e.g. "Record 3: page text", "Attachment file name". */
  where: string[];
}

export interface RedactionPreview {
  findings: RedactionFinding[];
  /** Attachments whose content (PDF, images, DICOM) cannot be redacted; only their names are. */
  unredactedFiles: string[];
  /** A copy of the input with the accepted findings removed everywhere the package is built from. */
  apply(input: PackageInput, accept?: (finding: RedactionFinding) => boolean): PackageInput;
}

interface Field {
  where: string;
  text: string;
}

/** File names join words with underscores, which would defeat whole-word matching. */
const spaced = (name: string) => name.replace(/_/g, ' ');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

/** Case-insensitive, whole-word where the term starts/ends with a letter or digit, any run of spaces. */
function termsPattern(terms: string[], html: boolean): RegExp | undefined {
  const space = html ? '(?:\\s|&nbsp;|&#160;)+' : '\\s+';
  const alternatives = [...new Set(terms.filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .flatMap((term) =>
      html ? [term, term.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')] : [term],
    )
    .map((term) => {
      const body = term.trim().split(/\s+/).map(escapeRegExp).join(space);
      // The start is checked in `startsInsideWord`, not with a leading \b: captured text glues labels to values ("providerDana").
      return `${body}${/\w$/.test(term) ? '\\b' : ''}`;
    });
  return alternatives.length ? new RegExp(alternatives.join('|'), 'gi') : undefined;
}

/**
 * Whole words only, except that a capital after a lower-case letter starts a word: page text glues a
 * label to its value ("Ordering providerDana R. Mercer"), and the name must still go.
 */
function startsInsideWord(text: string, offset: number, match: string): boolean {
  if (offset === 0 || !/^\w/.test(match)) return false;
  const before = text[offset - 1]!;
  return /\w/.test(before) && !(/[a-z]/.test(before) && /^[A-Z]/.test(match));
}

const replaceTerms = (text: string, pattern: RegExp): string =>
  text.replace(pattern, (match: string, offset: number, whole: string) =>
    startsInsideWord(whole, offset, match) ? match : REDACTED,
  );

const countTerms = (text: string, pattern: RegExp): number =>
  [...text.matchAll(pattern)].filter((m) => !startsInsideWord(text, m.index, m[0])).length;

/** Text nodes and attribute values only, so the markup itself stays intact. */
function redactHtml(html: string, pattern: RegExp): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part.replace(/(=\s*)("[^"]*"|'[^']*')/g, (_, eq: string, value: string) => eq + replaceTerms(value, pattern))
        : replaceTerms(part, pattern),
    )
    .join('');
}

/** Dates stay machine-readable: a clinical date is not an identifier, and the schemas require the format. */
const DATE_KEYS = new Set(['date', 'collected', 'resulted', 'startDate']);
function redactDeep<T>(value: T, redact: (s: string) => string, key = ''): T {
  if (typeof value === 'string') return (DATE_KEYS.has(key) ? value : redact(value)) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact, k)])) as T;
  }
  return value;
}

function fields(input: PackageInput): { text: Field[]; paths: Field[] } {
  const text: Field[] = [{ where: 'Case title', text: input.caseData.title }];
  if (input.story) text.push({ where: 'Story', text: JSON.stringify(Object.values(input.story)) });
  for (const q of input.questions ?? []) text.push({ where: 'Questions', text: `${q.text}\n${q.answer ?? ''}` });
  const paths: Field[] = [];
  sortRecords(input.records).forEach((r, i) => {
    const at = `Record ${i + 1}`;
    text.push(
      { where: `${at}: title`, text: r.title },
      { where: `${at}: page title`, text: r.provenance.pageTitle },
      { where: `${at}: page text`, text: r.text },
      { where: `${at}: page`, text: stripTags(r.snapshotHtml) },
      { where: `${at}: note`, text: r.note },
      { where: `${at}: structured data`, text: r.structured ? JSON.stringify(r.structured) : '' },
    );
    paths.push({ where: `${at}: source address`, text: r.provenance.path });
  });
  for (const a of input.attachments ?? []) text.push({ where: 'Attachment file name', text: spaced(a.name) });
  for (const o of input.opinions ?? [])
    text.push({ where: 'Opinions', text: OPINION_TEXT.map((f) => o[f]).join('\n') });
  for (const p of input.sentLog ?? []) text.push({ where: 'Sent packages', text: `${p.fileName}\n${p.recipient}` });
  const reasons = input.workspace?.details?.decision.reasons;
  if (reasons) text.push({ where: 'Decision', text: reasons });
  return { text, paths };
}

/**
 * Finds identifiers in everything the package is built from and previews what redaction removes.
 * The user reviews the list (and may untick findings) before `apply` makes the redacted copy.
 */
export function previewRedaction(input: PackageInput, options: RedactionOptions = {}): RedactionPreview {
  const given: Detected[] = [
    ...(options.names ?? []).flatMap((n) => nameVariants(n).map((text) => ({ kind: 'name' as const, text }))),
    ...(options.datesOfBirth ?? []).flatMap((d) =>
      dateVariants(d).map((text) => ({ kind: 'date-of-birth' as const, text })),
    ),
    ...(options.terms ?? []).filter((t) => t.trim()).map((text) => ({ kind: 'term' as const, text: text.trim() })),
  ];
  const { text, paths } = fields(input);
  const candidates = new Map<string, Detected>();
  const add = (d: Detected) => {
    const key = d.text.toLowerCase();
    if (!candidates.has(key)) candidates.set(key, d);
  };
  given.forEach(add);
  for (const field of text) detectIdentifiers(field.text).forEach(add);
  for (const field of paths) detectAddressIds(field.text).forEach(add);

  const findings: RedactionFinding[] = [];
  for (const candidate of candidates.values()) {
    const pattern = termsPattern([candidate.text], false)!;
    const where = new Set<string>();
    let count = 0;
    for (const field of [...text, ...paths]) {
      const hits = countTerms(field.text, pattern);
      if (hits) where.add(field.where);
      count += hits;
    }
    if (count > 0) findings.push({ ...candidate, count, where: [...where] });
  }
  // DICOM is not listed: its headers are de-identified when the package is written (lib/imaging), or the export stops.
  const unredactedFiles = (input.attachments ?? [])
    .filter((a) => !/^text\//.test(a.mediaType) && a.mediaType !== 'application/dicom')
    .map((a) => a.name);
  return {
    findings,
    unredactedFiles,
    apply: (target, accept = () => true) => applyRedaction(target, findings.filter(accept)),
  };
}

function applyRedaction(input: PackageInput, findings: RedactionFinding[]): PackageInput {
  const terms = findings.map((f) => f.text);
  const textPattern = termsPattern(terms, false);
  const htmlPattern = termsPattern(terms, true);
  // Nothing to replace still leaves out what only a plain package may carry (the redaction choices, the
  // patient's details): they name exactly what a redacted package must not.
  if (!textPattern || !htmlPattern)
    return { ...input, workspace: input.workspace && redactWorkspace(input.workspace, (s) => s) };
  const redact = (s: string) => replaceTerms(s, textPattern);
  const record = (r: CaseRecord): CaseRecord => ({
    ...r,
    title: redact(r.title),
    text: redact(r.text),
    note: redact(r.note),
    snapshotHtml: redactHtml(r.snapshotHtml, htmlPattern),
    provenance: { ...r.provenance, pageTitle: redact(r.provenance.pageTitle), path: redact(r.provenance.path) },
    structured: redactDeep(r.structured, redact),
  });
  const attachment = (a: PackageAttachment): PackageAttachment => {
    const redacted = redact(spaced(a.name));
    return redacted === spaced(a.name) ? a : { ...a, name: redacted };
  };
  return {
    ...input,
    caseData: { ...input.caseData, title: redact(input.caseData.title) },
    records: input.records.map(record),
    story: redactDeep(input.story, redact),
    questions: input.questions?.map((q) => ({
      ...q,
      text: redact(q.text),
      answer: q.answer === undefined ? undefined : redact(q.answer),
    })),
    completeness: redactDeep(input.completeness, redact),
    attachments: input.attachments?.map(attachment),
    workspace: input.workspace && redactWorkspace(input.workspace, redact),
    opinions: input.opinions?.map((o) => ({
      ...o,
      ...Object.fromEntries(OPINION_TEXT.map((f) => [f, redact(o[f])])),
    })),
    sentLog: input.sentLog?.map((p) => ({ ...p, fileName: redact(p.fileName), recipient: redact(p.recipient) })),
  };
}

/** Opinion fields that hold words (its date stays machine-readable). */
const OPINION_TEXT = OPINION_TEXT_FIELDS.filter((field) => field !== 'date');

/**
 * The stored workspace, redacted like the cover sheet. The redaction choices themselves are left out:
 * the names they list are exactly what the redacted package must not carry.
 */
function redactWorkspace(workspace: ManifestWorkspaceInput, redact: (s: string) => string): ManifestWorkspaceInput {
  const details = workspace.details;
  return {
    ...(details
      ? {
          details: {
            story: redactDeep(details.story, redact),
            notApplicable: details.notApplicable,
            decision: {
              ...details.decision,
              ...(details.decision.reasons === undefined ? {} : { reasons: redact(details.decision.reasons) }),
            },
            updatedAt: details.updatedAt,
          },
        }
      : {}),
    questions: workspace.questions.map((q) => ({ ...q, text: redact(q.text), answer: redact(q.answer) })),
  };
}

/** The copy a redacted export writes: the accepted findings removed, and marked redacted (no patient-shared bundle). */
export function redactedInput(
  input: PackageInput,
  options: RedactionOptions,
  accept: (finding: RedactionFinding) => boolean = () => true,
): PackageInput {
  return { ...previewRedaction(input, options).apply(input, accept), redacted: true };
}
