import type { SentPackage } from '../core/sent-package';
import { escapeHtml } from './html';

/** Where a package keeps the case's earlier exports (format `second-look/sent-log-1`). */
export const SENT_LOG_PATH = 'data/sent-log.json';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** INDEX.HTM's list of the packages sent before this one: to whom, when, with what, and whether they arrived. */
export function sentLogHtml(log: readonly SentPackage[]): string {
  if (!log.length) return '';
  const rows = log.map(
    (p) =>
      `<tr><td>${escapeHtml(p.sentAt.slice(0, 10))}</td><td>${escapeHtml(p.recipient || 'not said')}</td><td>${escapeHtml(p.fileName)}</td><td>${p.recordCount}</td><td>${yesNo(p.redacted)}</td><td>${yesNo(p.passwordProtected)}</td><td>${p.confirmedAt ? `arrived (confirmed ${escapeHtml(p.confirmedAt.slice(0, 10))})` : 'not confirmed'}</td><td><code>${escapeHtml(p.sha256)}</code></td></tr>`,
  );
  return `<h2 id="sent-log">Packages sent before this one (${log.length})</h2>
<p class="notice">The patient's log of earlier exports of this case (also in ${SENT_LOG_PATH}). This package is not in it.</p>
<div class="wide"><table><thead><tr><th>Sent</th><th>For</th><th>File</th><th>Records</th><th>Redacted</th><th>Password</th><th>Arrived</th><th>SHA-256 of the zip</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}
