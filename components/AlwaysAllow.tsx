import { useT } from './i18n';

export interface AlwaysAllowProps {
  /** The portal's host pattern (`https://portal.example.org/*`). */
  pattern: string;
  onAllow: () => void;
}

/**
 * Standing access to one portal, asked for only when the patient chooses it: a clip works on the toolbar
 * click's grant, and this saves clicking the toolbar on every tab of the same portal.
 */
export function AlwaysAllow({ pattern, onAllow }: AlwaysAllowProps) {
  const t = useT();
  return (
    <p class="row" data-testid="always-allow">
      <span class="grow muted">{t('alwaysAllowExplain', [pattern.replace(/\/\*$/, '')])}</span>
      <button type="button" onClick={onAllow} data-testid="always-allow-button">
        {t('alwaysAllowButton')}
      </button>
    </p>
  );
}
