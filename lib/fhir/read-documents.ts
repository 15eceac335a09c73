import { base64ToBytes } from './resource';
import { bounded, clinicalDate, codeIn, conceptText, type Json } from './read-values';
import type { RecordKind } from '../core/model';

export interface ReadFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

export type ReadProblem = 'invalid-base64' | 'not-fetched' | 'reference-not-found' | 'unknown-type';

export interface ReadAttachments {
  files: ReadFile[];
  texts: string[];
  notFetched: string[];
  invalid: string[];
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/rtf': 'rtf',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/json': 'json',
};

const safeName = (value: string) => value.replace(/[^A-Za-z0-9._ -]+/g, '_').slice(0, 120) || 'attachment';

/**
 * FHIR Attachments -> files kept byte-exact (decoded once from base64, never re-encoded), the text of
 * plain-text ones, the addresses we did not fetch (no request leaves the machine) and those whose data is
 * not base64. `textOnly` leaves plain text out of the files (our own bundle's notes: the text is the record).
 */
export function readAttachments(attachments: Json[], label: string, textOnly = false): ReadAttachments {
  const out: ReadAttachments = { files: [], texts: [], notFetched: [], invalid: [] };
  attachments.forEach((a, i) => {
    const mediaType = String(a.contentType ?? 'application/octet-stream')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const title = bounded(a.title, 200);
    if (typeof a.data !== 'string') {
      if (typeof a.url === 'string') out.notFetched.push(a.url.slice(0, 2000));
      return;
    }
    const bytes = base64ToBytes(a.data);
    if (!bytes) {
      out.invalid.push(title ?? `${label} attachment ${i + 1}`);
      return;
    }
    if (mediaType.startsWith('text/plain')) out.texts.push(new TextDecoder().decode(bytes));
    if (textOnly && mediaType === 'text/plain') return;
    const extension = EXTENSIONS[mediaType] ?? 'bin';
    const base = safeName(title ?? `${label}-${i + 1}`);
    out.files.push({ name: /\.[a-z0-9]{2,5}$/i.test(base) ? base : `${base}.${extension}`, mediaType, bytes });
  });
  return out;
}

const DOC_KINDS: Record<string, RecordKind> = {
  '18748-4': 'imaging',
  '11526-1': 'pathology',
  '11502-2': 'lab',
  '11504-8': 'surgical',
  '18776-5': 'plan',
};

export function documentKind(doc: Json): RecordKind {
  const loinc = codeIn(doc.type, 'http://loinc.org');
  return (loinc && DOC_KINDS[loinc]) || 'note';
}

export const documentDate = (doc: Json): string | undefined =>
  clinicalDate(doc.context?.period?.start) ?? clinicalDate(doc.date);

export const documentTitle = (doc: Json): string =>
  (bounded(doc.type?.text, 1000) ?? bounded(doc.description, 1000) ?? (conceptText(doc.type) || 'Document')).slice(
    0,
    1000,
  );

/** Paragraphs, or report sections when the text is "heading\ntext" blocks (how our own bundle writes reports). */
export function splitText(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
