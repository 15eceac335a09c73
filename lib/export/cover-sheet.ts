import { escapeHtml } from './html';
import { cellText, flagLabel, rowRangeText, UNDATED, type LabCellValue, type LabMatrix } from '../labs';
import { isGap, type CaseStory, type CompletenessItem, type PackageQuestion } from './package-input';

/** Questions in the patient's priority order (lower number first; ties keep the given order). */
export const byPriority = (questions: PackageQuestion[] = []): PackageQuestion[] =>
  questions
    .map((q, i) => ({ q, i }))
    .sort((a, b) => a.q.priority - b.q.priority || a.i - b.i)
    .map(({ q }) => q);

const paragraphs = (value: string) =>
  value
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

export function storyHtml(story: CaseStory | undefined): string {
  if (!story) return '';
  const parts: string[] = [];
  if (story.timeSensitive) parts.push('<p class="flag">The patient marked this decision as time-sensitive.</p>');
  if (story.reason?.trim())
    parts.push(`<h2 id="reason">Reason for the second opinion</h2>\n${paragraphs(story.reason)}`);
  const body = [
    story.summary?.trim() ? paragraphs(story.summary) : '',
    ...(story.sections ?? [])
      .filter((s) => s.text.trim())
      .map((s) => `<h3>${escapeHtml(s.label)}</h3>\n${paragraphs(s.text)}`),
  ].filter(Boolean);
  if (body.length) parts.push(`<h2 id="story">The patient's story</h2>\n${body.join('\n')}`);
  return parts.join('\n');
}

export function questionsHtml(
  questions: PackageQuestion[] | undefined,
  recordHref: (id: string) => string | undefined,
): string {
  const ordered = byPriority(questions);
  if (!ordered.length) return '';
  const items = ordered.map((q) => {
    const links = (q.recordIds ?? [])
      .map((id) => recordHref(id))
      .filter((href): href is string => !!href)
      .map((href, i) => `<a href="${escapeHtml(href)}">record ${i + 1}</a>`);
    const family = q.family ? ` <span class="notice">(${escapeHtml(q.family)})</span>` : '';
    const answer = q.answer?.trim() ? `<br><span class="notice">Answer noted: ${escapeHtml(q.answer)}</span>` : '';
    return `<li>${escapeHtml(q.text)}${family}${links.length ? ` <span class="notice">See ${links.join(', ')}</span>` : ''}${answer}</li>`;
  });
  return `<h2 id="questions">The patient's questions, most important first</h2>\n<ol>\n${items.join('\n')}\n</ol>`;
}

export function completenessHtml(items: CompletenessItem[] | undefined): string {
  if (!items?.length) return '';
  const gaps = items.filter(isGap);
  const rows = items
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.family)}</td><td${isGap(item) ? ' class="flag"' : ''}>${escapeHtml(item.status)}</td><td>${item.count}</td><td>${escapeHtml(isGap(item) ? item.hint : '')}</td></tr>`,
    )
    .join('\n');
  const summary = gaps.length
    ? `<p><strong>Known gaps:</strong> ${gaps.map((g) => escapeHtml(g.family)).join(', ')}. The patient may still be requesting these.</p>`
    : '<p>Every checklist family has at least one record.</p>';
  return `<h2 id="completeness">Completeness</h2>\n${summary}\n<table><thead><tr><th>Records</th><th>Status</th><th>Count</th><th>Gap</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

const sourcesTitle = (value: LabCellValue) =>
  value.sources.length > 1
    ? ` title="${escapeHtml(`Same result in ${value.sources.length} records: ${value.sources.map((s) => `${s.recordTitle} (${s.portal})`).join('; ')}`)}"`
    : '';

export function labTableHtml(matrix: LabMatrix): string {
  if (!matrix.rows.length) return '';
  const head = matrix.dates.map((d) => `<th>${escapeHtml(d === UNDATED ? 'Undated' : d)}</th>`).join('');
  const rows = matrix.rows
    .map((row) => {
      const cells = matrix.dates
        .map((d) => {
          const values = row.cells.get(d);
          if (!values) return '<td></td>';
          const texts = cellText(row, values);
          const flagged = values.some((v) => flagLabel(v.flag) || v.conflict);
          const items = values.map(
            (v, i) =>
              `<span class="lab-value${flagLabel(v.flag) || v.conflict ? ' flag' : ''}"${sourcesTitle(v)}>${escapeHtml(texts[i]!)}</span>`,
          );
          return `<td${flagged ? ' class="flag"' : ''}>${items.join(' · ')}</td>`;
        })
        .join('');
      const also = row.alsoNamed.length
        ? `<br><span class="notice">also printed as ${escapeHtml(row.alsoNamed.join('; '))}</span>`
        : '';
      return `<tr><th scope="row">${escapeHtml(row.test)}${also}</th><td>${escapeHtml(row.unit)}</td><td>${escapeHtml(rowRangeText(row))}</td>${cells}</tr>`;
    })
    .join('\n');
  return `<h2 id="labs">Lab results across dates</h2>
<p class="notice">Values as captured from the portals, oldest date first, each with its own flag (H, L, A, CRIT: the portal's) and time.
One test printed in another unit is converted to the row's unit, the printed value shown beside it.
A result found in several records is shown once; "sources differ" marks two records giving different values for the same test and time.</p>
<div class="wide"><table><thead><tr><th>Test</th><th>Unit</th><th>Reference range</th>${head}</tr></thead><tbody>
${rows}
</tbody></table></div>`;
}
