import { escapeHtml } from './html';
import { cellText, flagLabel, rowRangeText, UNDATED, type LabCellValue, type LabMatrix } from '../labs';
import { isGap, type CaseStory, type CompletenessItem, type PackageQuestion } from './package-input';
import { packageText, type PackageText } from './package-text';

const EN = packageText('en');

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

export function storyHtml(story: CaseStory | undefined, text: PackageText = EN): string {
  if (!story) return '';
  const parts: string[] = [];
  if (story.timeSensitive) parts.push(`<p class="flag">${escapeHtml(text.cover.timeSensitive)}</p>`);
  if (story.reason?.trim())
    parts.push(`<h2 id="reason">${escapeHtml(text.cover.reasonHeading)}</h2>\n${paragraphs(story.reason)}`);
  const body = [
    story.summary?.trim() ? paragraphs(story.summary) : '',
    ...(story.sections ?? [])
      .filter((s) => s.text.trim())
      .map((s) => `<h3>${escapeHtml(s.label)}</h3>\n${paragraphs(s.text)}`),
  ].filter(Boolean);
  if (body.length) parts.push(`<h2 id="story">${escapeHtml(text.cover.storyHeading)}</h2>\n${body.join('\n')}`);
  return parts.join('\n');
}

export function questionsHtml(
  questions: PackageQuestion[] | undefined,
  recordHref: (id: string) => string | undefined,
  text: PackageText = EN,
): string {
  const ordered = byPriority(questions);
  if (!ordered.length) return '';
  const items = ordered.map((q) => {
    const links = (q.recordIds ?? [])
      .map((id) => recordHref(id))
      .filter((href): href is string => !!href)
      .map((href, i) => `<a href="${escapeHtml(href)}">${escapeHtml(text.cover.recordLink(i + 1))}</a>`);
    const family = q.family ? ` <span class="notice">(${escapeHtml(q.family)})</span>` : '';
    const answer = q.answer?.trim()
      ? `<br><span class="notice">${escapeHtml(text.cover.answerNoted)} ${escapeHtml(q.answer)}</span>`
      : '';
    return `<li>${escapeHtml(q.text)}${family}${links.length ? ` <span class="notice">${escapeHtml(text.cover.see)} ${links.join(', ')}</span>` : ''}${answer}</li>`;
  });
  return `<h2 id="questions">${escapeHtml(text.cover.questionsHeading)}</h2>\n<ol>\n${items.join('\n')}\n</ol>`;
}

export function completenessHtml(items: CompletenessItem[] | undefined, text: PackageText = EN): string {
  if (!items?.length) return '';
  const gaps = items.filter(isGap);
  const rows = items
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.family)}</td><td${isGap(item) ? ' class="flag"' : ''}>${escapeHtml(text.cover.status(item.status))}</td><td>${item.count}</td><td>${escapeHtml(isGap(item) ? item.hint : '')}</td></tr>`,
    )
    .join('\n');
  const summary = gaps.length
    ? `<p><strong>${escapeHtml(text.cover.knownGaps)}</strong> ${gaps.map((g) => escapeHtml(g.family)).join(', ')}. ${escapeHtml(text.cover.stillRequesting)}</p>`
    : `<p>${escapeHtml(text.cover.noGaps)}</p>`;
  const head = text.cover.completenessColumns.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<h2 id="completeness">${escapeHtml(text.cover.completenessHeading)}</h2>\n${summary}\n<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

const sourcesTitle = (value: LabCellValue, text: PackageText) =>
  value.sources.length > 1
    ? ` title="${escapeHtml(`${text.labs.sameResultIn(value.sources.length)} ${value.sources.map((s) => `${s.recordTitle} (${s.portal})`).join('; ')}`)}"`
    : '';

export function labTableHtml(matrix: LabMatrix, text: PackageText = EN): string {
  if (!matrix.rows.length) return '';
  const undated = text.undated.charAt(0).toUpperCase() + text.undated.slice(1);
  const head = matrix.dates.map((d) => `<th>${escapeHtml(d === UNDATED ? undated : d)}</th>`).join('');
  const rows = matrix.rows
    .map((row) => {
      const cells = matrix.dates
        .map((d) => {
          const values = row.cells.get(d);
          if (!values) return '<td></td>';
          const texts = cellText(row, values, text.labs.cell);
          const flagged = values.some((v) => flagLabel(v.flag) || v.conflict);
          const items = values.map(
            (v, i) =>
              `<span class="lab-value${flagLabel(v.flag) || v.conflict ? ' flag' : ''}"${sourcesTitle(v, text)}>${escapeHtml(texts[i]!)}</span>`,
          );
          return `<td${flagged ? ' class="flag"' : ''}>${items.join(' · ')}</td>`;
        })
        .join('');
      const also = row.alsoNamed.length
        ? `<br><span class="notice">${escapeHtml(text.labs.alsoPrintedAs)} ${escapeHtml(row.alsoNamed.join('; '))}</span>`
        : '';
      return `<tr><th scope="row">${escapeHtml(row.test)}${also}</th><td>${escapeHtml(row.unit)}</td><td>${escapeHtml(rowRangeText(row, text.labs.cell))}</td>${cells}</tr>`;
    })
    .join('\n');
  const columns = text.labs.columns.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<h2 id="labs">${escapeHtml(text.labs.heading)}</h2>
<p class="notice">${escapeHtml(text.labs.notice)}</p>
<div class="wide" tabindex="0" role="region" aria-labelledby="labs"><table><thead><tr>${columns}${head}</tr></thead><tbody>
${rows}
</tbody></table></div>`;
}
