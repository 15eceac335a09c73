import { useState } from 'preact/hooks';
import { compareOpinions } from '../lib/case/compare-opinions';
import type { Opinion } from '../lib/core/workspace-model';
import { useT, type MessageKey } from './i18n';
import { opinionFieldKey, opinionName } from './OpinionForm';

const agreementKey = { agree: 'compareAgree', differ: 'compareDiffer', incomplete: 'compareIncomplete' } as const;

/** Two or more opinions side by side, field by field, marked agree or differ by plain text equality. */
export function OpinionCompare({ opinions }: { opinions: Opinion[] }) {
  const t = useT();
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const chosen = opinions.filter((o) => !excluded.has(o.id));
  const names = opinions.map((o, i) => opinionName(o, i, t('opinionUnnamed', [i + 1])));
  const chosenNames = chosen.map((o) => names[opinions.indexOf(o)]!);
  return (
    <section aria-labelledby="compare-heading" class="card stack" data-testid="opinion-compare">
      <h2 id="compare-heading">{t('compareHeading')}</h2>
      {opinions.length < 2 ? <p class="muted">{t('compareNeedTwo')}</p> : null}
      {opinions.length >= 2 ? (
        <>
          <fieldset>
            <legend>{t('compareChoose')}</legend>
            {opinions.map((o, i) => (
              <label key={o.id} class="inline" dir="auto">
                <input
                  type="checkbox"
                  checked={!excluded.has(o.id)}
                  onChange={(e) => {
                    const next = new Set(excluded);
                    if (e.currentTarget.checked) next.delete(o.id);
                    else next.add(o.id);
                    setExcluded(next);
                  }}
                />{' '}
                {names[i]}
              </label>
            ))}
          </fieldset>
          <p class="muted">{t('compareMethod')}</p>
          {chosen.length >= 2 ? (
            <div class="scroll-x">
              <table class="compare">
                <thead>
                  <tr>
                    <th scope="col">{t('compareField')}</th>
                    {chosenNames.map((name, i) => (
                      <th key={i} scope="col" dir="auto">
                        {name}
                      </th>
                    ))}
                    <th scope="col">{t('compareResult')}</th>
                  </tr>
                </thead>
                <tbody>
                  {compareOpinions(chosen).map((row) => (
                    <tr
                      key={row.field}
                      class={row.agreement}
                      data-testid={`compare-${row.field}`}
                      data-agreement={row.agreement}
                    >
                      <th scope="row">{t(opinionFieldKey(row.field))}</th>
                      {row.values.map((value, i) => (
                        <td key={i} dir="auto" class="pre">
                          {value || '—'}
                        </td>
                      ))}
                      <td>
                        <strong>{t(agreementKey[row.agreement] as MessageKey)}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="muted">{t('compareNeedTwo')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
