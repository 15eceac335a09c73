import type { LabTrend } from '../lib/labs/lab-trends';
import { useT } from './i18n';
import { Sparkline } from './Sparkline';

/**
 * Each test across records, dates and portals in one table. Values are shown as the lab reported them;
 * one printed in another unit of the same measure is converted to the row's unit with the printed value
 * beside it; a unit that cannot be converted gets its own row, marked. A result in several records is
 * one point listing every portal; two records disagreeing at one time are both shown and marked.
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
                      {trend.names.length > 1 ? (
                        <div class="muted" dir="auto">
                          {t('labsAlsoNamed', [trend.names.slice(1).join('; ')])}
                        </div>
                      ) : null}
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
                            {p.original ? (
                              <span class="muted" dir="auto">
                                {' '}
                                ({t('labsConvertedFrom', [`${p.original.value} ${p.original.unit}`.trim()])})
                              </span>
                            ) : null}
                            {p.outOfRange ? (
                              <strong class="flag"> {t('labsOutOfRange', [p.flag ?? '!'])}</strong>
                            ) : null}
                            {p.referenceRange ? <span class="muted"> ({p.referenceRange})</span> : null}
                            <span class="muted">
                              {' '}
                              · {[...new Set(p.sources.map((s) => s.portal))].join(', ')}
                              {p.sources.length > 1 ? ` (${p.sources.length})` : ''}
                            </span>
                            {p.conflict ? (
                              <strong class="warn" data-conflict="true">
                                {' '}
                                {t('labsSourcesDiffer')}
                              </strong>
                            ) : null}
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
