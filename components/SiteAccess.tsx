import { useT } from './i18n';

export interface SiteAccessProps {
  origins: string[];
  failed: string | null;
  onRevoke: (origin: string) => void;
}

/** The portals that have standing access, each revocable. */
export function SiteAccess({ origins, failed, onRevoke }: SiteAccessProps) {
  const t = useT();
  return (
    <section aria-labelledby="access-heading" class="card">
      <h2 id="access-heading">{t('siteAccessHeading')}</h2>
      {origins.length === 0 ? <p class="muted">{t('siteAccessNone')}</p> : null}
      <ul data-testid="site-access">
        {origins.map((origin) => (
          <li key={origin} class="row">
            <span class="grow">{origin}</span>
            <button type="button" onClick={() => onRevoke(origin)}>
              {t('siteAccessRevoke')}
            </button>
            {failed === origin ? <span class="error">{t('siteAccessRevokeFailed')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
