import { useState } from 'preact/hooks';
import { portalLabel, type Provenance } from '../lib/core/model';
import { useT } from './i18n';

export interface PortalNameProps {
  provenance: Provenance;
  /** Names the portal for every record from its origin (and later clips). */
  onName: (name: string) => void;
}

/** The portal a record came from, by name beside its origin; the patient can name one no adapter knows. */
export function PortalName({ provenance, onName }: PortalNameProps) {
  const t = useT();
  const [name, setName] = useState(provenance.portalName ?? '');
  return (
    <form
      class="row"
      data-testid="portal-name"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onName(name.trim());
      }}
    >
      <span class="grow" data-testid="portal-label">
        {t('recordPortal', [portalLabel(provenance)])}
      </span>
      <label>
        {t('portalNameLabel')}{' '}
        <input
          value={name}
          maxLength={200}
          onInput={(e) => setName(e.currentTarget.value)}
          data-testid="portal-name-input"
        />
      </label>
      <button type="submit" data-testid="portal-name-save">
        {t('portalNameSave')}
      </button>
    </form>
  );
}
