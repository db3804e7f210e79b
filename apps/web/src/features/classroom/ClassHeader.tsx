import { useTranslation } from 'react-i18next';
import { HeaderTools } from '../../app/HeaderTools.tsx';
import { StatusPill } from '../../app/StatusPill.tsx';

/** The class page's header: no workspace tabs, just who is connected and the teacher's tools. */
export function ClassHeader() {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <h1>{t('app.title')}</h1>
        <p className="app-header__tagline">{t('classroom.tagline')}</p>
      </div>
      <div className="app-header__meta">
        <StatusPill />
        <HeaderTools />
      </div>
    </header>
  );
}
