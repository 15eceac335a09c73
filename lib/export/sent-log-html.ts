import type { SentPackage } from '../core/sent-package';
import { escapeHtml } from './html';
import type { PackageText } from './package-text';

/** Where a package keeps the case's earlier exports (format `second-look/sent-log-1`). */
export const SENT_LOG_PATH = 'data/sent-log.json';

/** INDEX.HTM's list of the packages sent before this one: to whom, when, with what, and whether they arrived. */
export function sentLogHtml(log: readonly SentPackage[], text: PackageText): string {
  if (!log.length) return '';
  const words = text.sentLog;
  const yesNo = (value: boolean) => escapeHtml(value ? text.yes : words.no);
  const rows = log.map(
    (p) =>
      `<tr><td>${escapeHtml(p.sentAt.slice(0, 10))}</td><td>${escapeHtml(p.recipient || words.notSaid)}</td><td>${escapeHtml(p.fileName)}</td><td>${p.recordCount}</td><td>${yesNo(p.redacted)}</td><td>${yesNo(p.passwordProtected)}</td><td>${escapeHtml(p.confirmedAt ? words.arrived(p.confirmedAt.slice(0, 10)) : words.notConfirmed)}</td><td><code>${escapeHtml(p.sha256)}</code></td></tr>`,
  );
  return `<h2 id="sent-log">${escapeHtml(words.heading(log.length))}</h2>
<p class="notice">${escapeHtml(words.notice(SENT_LOG_PATH))}</p>
<div class="wide" tabindex="0" role="region" aria-labelledby="sent-log"><table><thead><tr>${words.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}
