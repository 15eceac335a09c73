import type { RecordKind, StructuredData } from '../core/model';
import { documentDate, documentKind, documentTitle, readAttachments, splitText } from './read-documents';
import { recordTag, source, type FhirItem, type ProblemSink } from './read-model';
import { reportCategory } from './read-observations';
import { readRecord, type ReadRecord } from './read-record';
import { bounded, clinicalDate, conceptText, narrativeText, type Json } from './read-values';
import { resourceLine } from './rendered-pdf';

/** A DocumentReference: its text as the record, its inline attachments as files. */
export function documentRecord(item: FhirItem, problem: ProblemSink): ReadRecord {
  const r = item.resource;
  const tag = recordTag(r);
  const files = readAttachments(
    ((r.content as Json[] | undefined) ?? []).map((c) => c.attachment ?? {}),
    'document',
    !!tag,
  );
  files.invalid.forEach((name) => problem(item, 'invalid-base64', name));
  files.notFetched.forEach((url) => problem(item, 'not-fetched', url));
  const kind = documentKind(r);
  const paragraphs = files.texts.flatMap(splitText);
  const noteType = bounded(r.type?.text, 200) ?? bounded(conceptText(r.type), 200);
  const author = bounded(
    ((r.author as Json[] | undefined) ?? [])
      .map((a) => a.display)
      .filter(Boolean)
      .join(', '),
    500,
  );
  const structured: StructuredData =
    kind === 'imaging' || kind === 'pathology'
      ? {
          type: 'report',
          sections: paragraphs.map((p) => ({
            heading: p.split('\n')[0]!.slice(0, 500),
            text: p.split('\n').slice(1).join('\n'),
          })),
        }
      : { type: 'note', ...(noteType ? { noteType } : {}), ...(author ? { author } : {}), paragraphs };
  const lines = [
    ...(narrativeText(r) ? [narrativeText(r)!] : []),
    ...files.notFetched.map((url) => `Not fetched (only an address was given): ${url}`),
    ...files.invalid.map((name) => `Not readable (the data is not valid base64): ${name}`),
  ];
  return readRecord(
    kind,
    tag?.display ?? documentTitle(r),
    documentDate(r),
    structured,
    [source(item)],
    lines,
    files.files,
  );
}

/** A DiagnosticReport that is not a lab panel: its text, conclusion and presentedForm files. */
export function reportRecord(item: FhirItem, problem: ProblemSink): ReadRecord {
  const r = item.resource;
  const files = readAttachments((r.presentedForm as Json[] | undefined) ?? [], 'report');
  files.invalid.forEach((name) => problem(item, 'invalid-base64', name));
  files.notFetched.forEach((url) => problem(item, 'not-fetched', url));
  const category = reportCategory(r);
  const sections = [
    ...files.texts.map((text) => ({ heading: 'Report', text })),
    ...(narrativeText(r) ? [{ heading: 'Narrative', text: narrativeText(r)! }] : []),
    ...(r.conclusion ? [{ heading: 'Conclusion', text: String(r.conclusion) }] : []),
    ...((r.conclusionCode as Json[] | undefined) ?? []).map((c) => ({
      heading: 'Conclusion code',
      text: conceptText(c),
    })),
  ];
  const kind: RecordKind = category === 'note' ? 'note' : category;
  const title = conceptText(r.code) || 'Report';
  return readRecord(
    kind,
    title,
    clinicalDate(r.effectiveDateTime) ?? clinicalDate(r.effectivePeriod?.start) ?? clinicalDate(r.issued),
    { type: 'report', exam: title.slice(0, 500), sections },
    [source(item)],
    [resourceLine(r), ...files.notFetched.map((url) => `Not fetched (only an address was given): ${url}`)],
    files.files,
  );
}

/** Any other resource: kept as it came (its JSON as a file), with its narrative as the record text. */
export function verbatimRecord(item: FhirItem): ReadRecord {
  const r = item.resource;
  const type = String(r.resourceType);
  const nameOf = (r.name as Json[] | undefined)?.[0];
  const label =
    conceptText(r.code) ||
    conceptText(r.type) ||
    (typeof nameOf === 'object'
      ? String(nameOf.text ?? [...(nameOf.given ?? []), nameOf.family].filter(Boolean).join(' '))
      : String(r.name ?? '')) ||
    conceptText(r.description) ||
    String(r.id ?? '');
  const json = JSON.stringify(r, null, 2);
  const kind: RecordKind = ['Goal', 'ServiceRequest', 'CareTeam'].includes(type) ? 'plan' : 'other';
  return readRecord(
    kind,
    `${type}: ${label}`.slice(0, 1000),
    clinicalDate(r.effectiveDateTime) ?? clinicalDate(r.authoredOn) ?? clinicalDate(r.recorded),
    undefined,
    [source(item)],
    [...(narrativeText(r) ? [narrativeText(r)!] : []), 'FHIR resource as received:', json],
    [
      {
        name: `${type}-${String(r.id ?? 'resource')}.json`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120),
        mediaType: 'application/fhir+json',
        bytes: new TextEncoder().encode(json),
      },
    ],
  );
}
