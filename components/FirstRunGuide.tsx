import { useT } from './i18n';

export interface FirstRunGuideProps {
  onDismiss: () => void;
}

/** Three steps for someone who is not a clinician, shown once and again from Help. */
export function FirstRunGuide({ onDismiss }: FirstRunGuideProps) {
  const t = useT();
  return (
    <section aria-labelledby="guide-heading" class="card" data-testid="first-run-guide">
      <h2 id="guide-heading">{t('guideHeading')}</h2>
      <ol>
        <li>{t('guideStepPortal')}</li>
        <li>{t('guideStepClip')}</li>
        <li>{t('guideStepExport')}</li>
      </ol>
      <button type="button" onClick={onDismiss} data-testid="guide-dismiss">
        {t('guideDismiss')}
      </button>
    </section>
  );
}
