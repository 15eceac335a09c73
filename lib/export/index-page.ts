import { portalLabel, RecordKind, type Case, type CaseRecord } from '../core/model';
import { completenessHtml, labTableHtml, questionsHtml, storyHtml } from './cover-sheet';
import { escapeHtml, htmlPage } from './html';
import { KIND_LABELS } from './kind-labels';
import { packageText, type PackageText } from './package-text';
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

function attachmentList(items: IndexedRecord[], text: PackageText): string {
  const rows = items.flatMap(({ record, attachments = [] }) =>
    attachments.map(
      (a) =>
        `<tr><td><a href="${escapeHtml(a.href)}">${escapeHtml(a.name)}</a></td><td>${escapeHtml(a.mediaType)}</td><td>${sizeLabel(a.size)}</td><td>${escapeHtml(record.title)}</td></tr>`,
    ),
  );
  if (!rows.length) return '';
  return `<h2 id="attachments">${escapeHtml(text.index.attachmentsHeading(rows.length))}</h2>
<p class="notice">${escapeHtml(text.index.attachmentsNotice)}</p>
<table><thead><tr>${headerCells(text.index.attachmentColumns)}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** Said next to a record that kept nothing but its title, so no one takes it for the document itself. */
const titleOnlyFlag = (record: CaseRecord, files: number, text: PackageText) =>
  isTitleOnly(record, files) ? ` <strong class="flag">${escapeHtml(text.index.titleOnly)}</strong>` : '';

const headerCells = (headers: readonly string[]) => headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');

/** INDEX.HTM: the doctor's entry point. Works offline with JavaScript disabled. */
export function indexPageHtml(
  caseData: Case,
  records: IndexedRecord[],
  generatedAt: Date,
  cover: CoverSheet = {},
  text: PackageText = packageText('en'),
): string {
  const groups = RecordKind.options
    .map((kind) => ({ kind, items: records.filter((r) => r.record.kind === kind) }))
    .filter((group) => group.items.length > 0);
  const hrefById = new Map(records.map((r) => [r.record.id, r.href]));
  const sections = groups
    .map(
      ({ kind, items }) => `<h3 id="kind-${kind}">${escapeHtml(text.kinds[kind])} (${items.length})</h3>
<table><thead><tr>${headerCells(text.index.recordColumns)}</tr></thead><tbody>
${items
  .map(
    ({ record, href, attachments = [] }) =>
      `<tr><td>${escapeHtml(record.clinicalDate?.slice(0, 10) ?? text.undated)}</td><td><a href="${escapeHtml(href)}">${escapeHtml(record.title)}</a>${titleOnlyFlag(record, attachments.length, text)}</td><td>${attachments.map((a) => `<a href="${escapeHtml(a.href)}">${escapeHtml(a.name)}</a>`).join('<br>')}</td><td>${escapeHtml(portalLabel(record.provenance))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  const labs = labTableHtml(labMatrix(records.map((r) => r.record)), text);
  const attachments = attachmentList(records, text);
  const timeline = timelineHtml(
    caseTimeline(
      records.map((r) => r.record),
      cover.opinions,
    ),
    (id) => hrefById.get(id),
    text,
  );
  const sent = sentLogHtml(cover.sentLog ?? [], text);
  const { nav: names } = text.index;
  const nav = [
    cover.story?.reason?.trim() ? ['reason', names.reason] : null,
    cover.questions?.length ? ['questions', names.questions] : null,
    cover.completeness?.length ? ['completeness', names.completeness] : null,
    ['records', names.records],
    ...groups.map(({ kind, items }) => [`kind-${kind}`, `${text.kinds[kind]} (${items.length})`]),
    labs ? ['labs', names.labs] : null,
    attachments ? ['attachments', names.attachments] : null,
    timeline ? ['timeline', text.timeline.nav] : null,
    sent ? ['sent-log', text.sentLog.nav] : null,
  ].filter((x): x is string[] => x !== null);
  return htmlPage(
    text.index.title(caseData.title),
    `<h1>${escapeHtml(caseData.title)}</h1>
<p class="notice">${escapeHtml(text.index.intro(generatedAt.toISOString().slice(0, 10), records.length))}</p>
<p class="notice" data-disclaimer>${escapeHtml(text.disclaimer)}</p>
${cover.patientShared ? `<p class="notice" id="patient-shared">${escapeHtml(cover.patientShared)}</p>` : ''}
<nav><ul>${nav.map(([id, label]) => `<li><a href="#${id}">${escapeHtml(label!)}</a></li>`).join('')}</ul></nav>
${storyHtml(cover.story, text)}
${questionsHtml(cover.questions, (id) => hrefById.get(id), text)}
${completenessHtml(cover.completeness, text)}
<h2 id="records">${escapeHtml(text.index.recordsHeading)}</h2>
${sections || `<p>${escapeHtml(text.index.noRecords)}</p>`}
${labs}
${attachments}
${timeline}
${sent}`,
    text.lang,
  );
}
