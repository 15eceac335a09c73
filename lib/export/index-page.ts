import { portalLabel, RecordKind, type Case, type CaseRecord } from '../core/model';
import { completenessHtml, labTableHtml, questionsHtml, storyHtml } from './cover-sheet';
import { escapeHtml, htmlPage } from './html';
import { KIND_LABELS } from './kind-labels';
import { PACKAGE_DISCLAIMER } from './disclaimer';
import { labMatrix } from '../labs';
import { isTitleOnly } from '../case';
import type { CaseStory, CompletenessItem, PackageQuestion } from './package-input';
import { caseTimeline, type TimelineOpinion } from '../case';
import type { SentPackage } from '../core/sent-package';
import { timelineHtml } from './timeline-html';
import { sentLogHtml } from './sent-log-html';

export { KIND_LABELS };

export interface IndexedAttachment {
  name: string;
  href: string;
  mediaType: string;
  size: number;
}

export interface IndexedRecord {
  record: CaseRecord;
  /** Path of record.html relative to the zip root. */
  href: string;
  attachments?: IndexedAttachment[];
}

export interface CoverSheet {
  story?: CaseStory;
  questions?: PackageQuestion[];
  completeness?: CompletenessItem[];
  /** One sentence on data/patient-shared-bundle.json: what it is, or why this package has none. */
  patientShared?: string;
  /** Opinions received, for the timeline. */
  opinions?: TimelineOpinion[];
  /** Earlier exports of this case (data/sent-log.json). */
  sentLog?: SentPackage[];
}

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function attachmentList(items: IndexedRecord[]): string {
  const rows = items.flatMap(({ record, attachments = [] }) =>
    attachments.map(
      (a) =>
        `<tr><td><a href="${escapeHtml(a.href)}">${escapeHtml(a.name)}</a></td><td>${escapeHtml(a.mediaType)}</td><td>${sizeLabel(a.size)}</td><td>${escapeHtml(record.title)}</td></tr>`,
    ),
  );
  if (!rows.length) return '';
  return `<h2 id="attachments">Attached files (${rows.length})</h2>
<p class="notice">Exactly as downloaded from the portal (byte-identical). Images in DICOM format need a DICOM viewer.</p>
<table><thead><tr><th>File</th><th>Type</th><th>Size</th><th>Record</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** Said next to a record that kept nothing but its title, so no one takes it for the document itself. */
const titleOnlyFlag = (record: CaseRecord, files: number) =>
  isTitleOnly(record, files) ? ' <strong class="flag">(only the title was captured)</strong>' : '';

/** INDEX.HTM: the doctor's entry point. Works offline with JavaScript disabled. */
export function indexPageHtml(
  caseData: Case,
  records: IndexedRecord[],
  generatedAt: Date,
  cover: CoverSheet = {},
): string {
  const groups = RecordKind.options
    .map((kind) => ({ kind, items: records.filter((r) => r.record.kind === kind) }))
    .filter((group) => group.items.length > 0);
  const hrefById = new Map(records.map((r) => [r.record.id, r.href]));
  const sections = groups
    .map(
      ({ kind, items }) => `<h3 id="kind-${kind}">${escapeHtml(KIND_LABELS[kind])} (${items.length})</h3>
<table><thead><tr><th>Date</th><th>Record</th><th>Files</th><th>Portal</th></tr></thead><tbody>
${items
  .map(
    ({ record, href, attachments = [] }) =>
      `<tr><td>${escapeHtml(record.clinicalDate?.slice(0, 10) ?? 'undated')}</td><td><a href="${escapeHtml(href)}">${escapeHtml(record.title)}</a>${titleOnlyFlag(record, attachments.length)}</td><td>${attachments.map((a) => `<a href="${escapeHtml(a.href)}">${escapeHtml(a.name)}</a>`).join('<br>')}</td><td>${escapeHtml(portalLabel(record.provenance))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  const labs = labTableHtml(labMatrix(records.map((r) => r.record)));
  const attachments = attachmentList(records);
  const timeline = timelineHtml(
    caseTimeline(
      records.map((r) => r.record),
      cover.opinions,
    ),
    (id) => hrefById.get(id),
  );
  const sent = sentLogHtml(cover.sentLog ?? []);
  const nav = [
    cover.story?.reason?.trim() ? ['reason', 'Reason for the opinion'] : null,
    cover.questions?.length ? ['questions', 'Questions'] : null,
    cover.completeness?.length ? ['completeness', 'Completeness'] : null,
    ['records', 'Records'],
    ...groups.map(({ kind, items }) => [`kind-${kind}`, `${KIND_LABELS[kind]} (${items.length})`]),
    labs ? ['labs', 'Lab results across dates'] : null,
    attachments ? ['attachments', 'Attached files'] : null,
    timeline ? ['timeline', 'Timeline'] : null,
    sent ? ['sent-log', 'Packages sent before this one'] : null,
  ].filter((x): x is string[] => x !== null);
  return htmlPage(
    `${caseData.title}: records for a second opinion`,
    `<h1>${escapeHtml(caseData.title)}</h1>
<p class="notice">Records collected by the patient from their patient portals with Second Look, for a second opinion.
Prepared ${escapeHtml(generatedAt.toISOString().slice(0, 10))}. ${records.length} record(s).
These are patient-collected copies; each record page names its source and the time it was captured.
A printable summary is in summary.pdf.</p>
<p class="notice" data-disclaimer>${escapeHtml(PACKAGE_DISCLAIMER)}</p>
${cover.patientShared ? `<p class="notice" id="patient-shared">${escapeHtml(cover.patientShared)}</p>` : ''}
<nav><ul>${nav.map(([id, label]) => `<li><a href="#${id}">${escapeHtml(label!)}</a></li>`).join('')}</ul></nav>
${storyHtml(cover.story)}
${questionsHtml(cover.questions, (id) => hrefById.get(id))}
${completenessHtml(cover.completeness)}
<h2 id="records">Records by kind, newest first</h2>
${sections || '<p>No records in this case yet.</p>'}
${labs}
${attachments}
${timeline}
${sent}`,
  );
}
