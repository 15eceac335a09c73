import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../case';
import { escapeHtml } from './html';

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  result: 'Results',
  report: 'Reports',
  note: 'Notes',
  image: 'Images',
  medication: 'Medications',
  encounter: 'Encounters',
  opinion: 'Opinions',
  other: 'Other',
};

const EVENT_LABELS: Record<TimelineEntry['event'], string> = {
  record: '',
  'medication-started': 'started',
  'medication-stopped': 'stopped',
  'medication-listed': 'listed',
  encounter: '',
  opinion: 'opinion received',
};

/**
 * The case's timeline as a section of INDEX.HTM. It filters by kind without script: each "only X" link
 * targets an empty marker before the table, and a `:target` rule hides the other kinds' rows.
 */
export function timelineHtml(
  entries: readonly TimelineEntry[],
  hrefOf: (recordId: string) => string | undefined,
): string {
  if (!entries.length) return '';
  const present = TIMELINE_KINDS.filter((kind) => entries.some((e) => e.kind === kind));
  const rules = present.map((kind) => `#tl-${kind}:target~table tbody tr:not(.tl-${kind}){display:none}`).join('\n');
  const rows = entries.map((e) => {
    const href = e.recordId ? hrefOf(e.recordId) : undefined;
    const title = href ? `<a href="${escapeHtml(href)}">${escapeHtml(e.title)}</a>` : escapeHtml(e.title);
    const event = EVENT_LABELS[e.event];
    return `<tr class="tl-${e.kind}"><td>${escapeHtml(e.date?.slice(0, 10) ?? 'undated')}</td><td>${TIMELINE_KIND_LABELS[e.kind]}${event ? ` (${event})` : ''}</td><td>${title}${e.detail ? `<br><span class="notice">${escapeHtml(e.detail)}</span>` : ''}</td><td>${escapeHtml(e.source ?? '')}</td></tr>`;
  });
  return `<h2 id="timeline">Timeline: everything in the case, oldest first (${entries.length})</h2>
<style>${rules}</style>
<section>
<p class="notice">Show only: ${present.map((kind) => `<a href="#tl-${kind}">${TIMELINE_KIND_LABELS[kind]} (${entries.filter((e) => e.kind === kind).length})</a>`).join(' | ')} | <a href="#timeline">all</a>. Undated entries are last.</p>
${present.map((kind) => `<span id="tl-${kind}"></span>`).join('')}
<table><thead><tr><th>Date</th><th>Kind</th><th>What</th><th>Portal</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
</section>`;
}
