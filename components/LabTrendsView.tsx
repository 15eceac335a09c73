import type { LabTrend } from '../lib/labs/lab-trends';
import { useT } from './i18n';
import { Sparkline } from './Sparkline';

/**
 * Each test across records, dates and portals in one table. Values are shown exactly as the lab
 * reported them; the same test in another unit gets its own row, marked, never converted.
 */
export function LabTrendsView({ trends }: { trends: LabTrend[] }) {
  const t = useT();
  return (
    <section aria-labelledby="labs-heading" class="card" data-testid="lab-trends">
      <h2 id="labs-heading">{t('labsHeading')}</h2>
      <p class="muted">{t('labsIntro')}</p>
      {trends.length === 0 ? <p class="muted">{t('labsEmpty')}</p> : null}
      {trends.length > 0 ? (
        <div class="scroll-x">
          <table class="trends">
            <thead>
              <tr>
                <th scope="col">{t('labsTest')}</th>
                <th scope="col">{t('labsResults')}</th>
                <th scope="col">{t('labsTrend')}</th>
              </tr>
            </thead>
            <tbody>
              {trends.map((trend) => {
                const numeric = trend.points.filter((p) => p.numericValue !== undefined);
                return (
                  <tr key={trend.key} data-testid="lab-trend">
                    <th scope="row" dir="auto">
                      {trend.test}
                      <div class="muted">
                        {trend.unit ?? t('labsNoUnit')}
                        {trend.otherUnits ? <strong class="warn"> {t('labsOtherUnits')}</strong> : null}
                      </div>
                    </th>
                    <td>
                      <ul class="points">
                        {trend.points.map((p, i) => (
                          <li
                            key={i}
                            class={p.outOfRange ? 'out' : undefined}
                            data-out={p.outOfRange ? 'true' : undefined}
                          >
                            <span class="date">{p.date?.slice(0, 10) ?? t('recordUndated')}</span>{' '}
                            <span dir="auto" class="value">
                              {p.value}
                            </span>
                            {p.outOfRange ? (
                              <strong class="flag"> {t('labsOutOfRange', [p.flag ?? '!'])}</strong>
                            ) : null}
                            {p.referenceRange ? <span class="muted"> ({p.referenceRange})</span> : null}
                            <span class="muted"> · {p.portal}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <Sparkline
                        values={numeric.map((p) => p.numericValue!)}
                        outOfRange={numeric.map((p) => p.outOfRange)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
