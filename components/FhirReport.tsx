import type { FhirImportSummary } from '../lib/import/fhir-files';
import { useT, type MessageKey } from './i18n';

/** What a FHIR import did with every resource type, and each problem by file and resource. */
export function FhirReport({ summary }: { summary: FhirImportSummary }) {
  const t = useT();
  return (
    <div class="stack tight" data-testid="fhir-report">
      <h3>{t('fhirReportHeading')}</h3>
      <ul>
        {summary.report.map((line) => (
          <li key={`${line.resourceType}-${line.outcome}`} data-testid="fhir-report-line">
            {t('fhirReportLine', [line.resourceType, line.count, t(`fhirOutcome_${line.outcome}` as MessageKey)])}
          </li>
        ))}
      </ul>
      {summary.patientFilled ? <p>{t('fhirPatientFilled')}</p> : null}
      {summary.storyRestored ? <p>{t('fhirStoryRestored')}</p> : null}
      {summary.problems.length ? (
        <ul data-testid="fhir-problems">
          {summary.problems.map((p, i) => (
            <li key={i} class="warn">
              {t(`fhirProblem_${p.problem.replace(/-/g, '_')}` as MessageKey, [p.file, p.resource, p.detail])}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
