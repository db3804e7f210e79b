import { useTranslation } from 'react-i18next';

/** What a part of the page shows while its code loads (the first time it is opened). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
