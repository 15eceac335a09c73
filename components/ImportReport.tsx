import type { DocumentReport, UnreadableDocument } from '../lib/import/files';
import { useT, type MessageKey } from './i18n';
import { kindKey } from './RecordList';

/**
 * What became of every section of every imported document: records of a kind, kept as written, or
 * empty in the file. The patient sees that nothing was dropped, and what to look for in the case.
 */
export function ImportReport({
  reports,
  missing = [],
  unreadable = [],
}: {
  reports: DocumentReport[];
  missing?: string[];
  unreadable?: UnreadableDocument[];
}) {
  const t = useT();
  const sections = reports.reduce((n, r) => n + r.sections.length, 0);
  return (
    <div data-testid="import-report">
      {missing.map((path) => (
        <p key={path} class="warn" data-testid="import-missing">
          {t('importMissingDocument', [path])}
        </p>
      ))}
      {unreadable.map((doc) => (
        <p key={doc.path} class="warn" data-testid="import-unreadable">
          {t('importUnreadableDocument', [doc.path, t(`fileError_${doc.error.replace(/-/g, '_')}` as MessageKey)])}
          {doc.detail ? <span class="muted"> ({doc.detail})</span> : null}
        </p>
      ))}
      {sections > 0 ? (
        <details>
          <summary>{t('importReportSummary', [reports.length, sections])}</summary>
          {reports.map((report, i) => (
            <div key={i} data-testid="import-report-document">
              <h4 dir="auto">
                {report.title} <span class="muted">({report.source})</span>
              </h4>
              <ul>
                {report.sections.map((s, j) => (
                  <li key={j} dir="auto" data-testid="import-report-section" data-outcome={s.outcome}>
                    {s.outcome === 'structured' && s.kind
                      ? s.entries
                        ? t('importSectionItems', [s.title, t(kindKey(s.kind)), s.records, s.entries])
                        : t('importSectionRecords', [s.title, t(kindKey(s.kind)), s.records])
                      : s.outcome === 'verbatim'
                        ? s.partOf
                          ? t('importSectionPartOf', [s.title, s.partOf])
                          : t('importSectionVerbatim', [s.title, t(kindKey(s.kind ?? 'other'))])
                        : t('importSectionEmpty', [s.title])}
                    {s.code ? <span class="muted"> · LOINC {s.code}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      ) : null}
    </div>
  );
}
