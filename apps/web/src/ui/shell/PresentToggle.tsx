import { useTranslation } from 'react-i18next';
import { presentation, usePresentation } from './presentation.ts';

/** The header's switch for presentation mode (large type, log and inspector first). */
export function PresentToggle() {
  const { t } = useTranslation();
  const presenting = usePresentation();
  return (
    <button
      type="button"
      className="button button--small button--on-dark present-toggle"
      aria-pressed={presenting}
      title={t('app.presentHint')}
      data-testid="present-toggle"
      onClick={() => presentation.set(!presenting)}
    >
      {t('app.present')}
    </button>
  );
}
