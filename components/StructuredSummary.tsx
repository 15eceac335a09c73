import type { StructuredData } from '../lib/core/model';
import { useT } from './i18n';
import { StructuredList } from './StructuredLists';

/**
 * What Second Look read from the page, as tables: the part software and the doctor can use without
 * retyping. Flags are shown as the portal marked them; nothing is interpreted.
 */
/** How each value was read, so a coded value can be told from one read off a page. */
const READ_BY = {
  'coded-entry': 'readByCodedEntry',
  adapter: 'readByAdapter',
  content: 'readByContent',
} as const;

export function StructuredSummary({ data }: { data: StructuredData }) {
  const t = useT();
  return (
    <section aria-labelledby="structured-heading" class="structured" data-testid="structured-summary">
      <h3 id="structured-heading">{t('structuredHeading')}</h3>
      {data.type === 'lab' ? (
        <>
          <p class="muted" dir="auto">
            {[
              data.panel.name,
              data.panel.collected && t('structuredCollected', [data.panel.collected]),
              data.panel.performingLab,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <div class="table-scroll" tabIndex={0} role="region" aria-label={data.panel.name}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('structuredTest')}</th>
                  <th scope="col">{t('structuredValue')}</th>
                  <th scope="col">{t('structuredRange')}</th>
                  <th scope="col">{t('structuredFlag')}</th>
                  <th scope="col">{t('structuredDate')}</th>
                  <th scope="col">{t('structuredReadBy')}</th>
                </tr>
              </thead>
              <tbody>
                {data.results.slice(0, 500).map((row, i) => (
                  <tr key={i} class={row.unparsed ? 'unparsed' : undefined}>
                    <td dir="auto">{row.test}</td>
                    <td dir="auto">
                      {row.value} {row.unit ?? ''}
                      {row.unparsed ? <span class="muted"> ({t('structuredUnparsed')})</span> : null}
                    </td>
                    <td dir="auto">{row.referenceRange ?? ''}</td>
                    <td class={row.flag && row.flag !== 'N' ? 'flag' : undefined}>{row.flag ?? ''}</td>
                    <td>{row.date?.slice(0, 10) ?? ''}</td>
                    <td class="muted">{row.readBy ? t(READ_BY[row.readBy]) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.results.length > 500 ? (
            <p class="muted">{t('structuredMoreRows', [data.results.length - 500])}</p>
          ) : null}
        </>
      ) : null}
      {data.type === 'report' ? (
        <dl>
          {data.sections.map((section, i) => (
            <div key={i}>
              <dt>{section.heading}</dt>
              <dd dir="auto" class="pre">
                {section.text}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {data.type === 'medications' ? (
        <ul>
          {data.medications.map((m, i) => (
            <li key={i} dir="auto">
              {[m.name, m.dose, m.route, m.frequency, m.status].filter(Boolean).join(' · ')}
            </li>
          ))}
        </ul>
      ) : null}
      {data.type === 'note' ? (
        <p class="muted" dir="auto">
          {[data.noteType, data.author].filter(Boolean).join(' · ')}{' '}
          {t('structuredParagraphs', [data.paragraphs.length])}
          {data.section ? (
            <span data-testid="structured-section">
              {' '}
              · {t('structuredSection', [data.section.title])}
              {data.section.code ? ` (LOINC ${data.section.code})` : ''}
            </span>
          ) : null}
        </p>
      ) : null}
      <StructuredList data={data} />
    </section>
  );
}
