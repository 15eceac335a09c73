import { TIMELINE_KINDS, type TimelineEntry } from '../case';
import { escapeHtml } from './html';
import type { PackageText } from './package-text';

/**
 * The case's timeline as a section of INDEX.HTM. It filters by kind without script: each "only X" link
 * targets an empty marker before the table, and a `:target` rule hides the other kinds' rows.
 */
export function timelineHtml(
  entries: readonly TimelineEntry[],
  hrefOf: (recordId: string) => string | undefined,
  text: PackageText,
): string {
  if (!entries.length) return '';
  const words = text.timeline;
  const present = TIMELINE_KINDS.filter((kind) => entries.some((e) => e.kind === kind));
  const rules = present.map((kind) => `#tl-${kind}:target~table tbody tr:not(.tl-${kind}){display:none}`).join('\n');
  const rows = entries.map((e) => {
    const href = e.recordId ? hrefOf(e.recordId) : undefined;
    const title = href ? `<a href="${escapeHtml(href)}">${escapeHtml(e.title)}</a>` : escapeHtml(e.title);
    const event = words.events[e.event];
    return `<tr class="tl-${e.kind}"><td>${escapeHtml(e.date?.slice(0, 10) ?? text.undated)}</td><td>${escapeHtml(words.kinds[e.kind])}${event ? ` (${escapeHtml(event)})` : ''}</td><td>${title}${e.detail ? `<br><span class="notice">${escapeHtml(e.detail)}</span>` : ''}</td><td>${escapeHtml(e.source ?? '')}</td></tr>`;
  });
  const filters = present
    .map(
      (kind) =>
        `<a href="#tl-${kind}">${escapeHtml(words.kinds[kind])} (${entries.filter((e) => e.kind === kind).length})</a>`,
    )
    .join(' | ');
  return `<h2 id="timeline">${escapeHtml(words.heading(entries.length))}</h2>
<style>${rules}</style>
<section>
<p class="notice">${escapeHtml(words.showOnly)} ${filters} | <a href="#timeline">${escapeHtml(words.all)}</a>. ${escapeHtml(words.undatedLast)}</p>
${present.map((kind) => `<span id="tl-${kind}"></span>`).join('')}
<table><thead><tr>${words.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
</section>`;
}
