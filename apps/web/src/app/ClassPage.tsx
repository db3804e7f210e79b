import { useTranslation } from 'react-i18next';
import { ClassView } from '../features/classroom/ClassView.tsx';
import { SkipLink } from '../ui/shell/SkipLink.tsx';
import { StatusPill } from '../ui/shell/StatusPill.tsx';
import { Alerts } from './Alerts.tsx';
import { Banners } from './Banners.tsx';
import { HeaderTools } from './HeaderTools.tsx';
import './classPage.css';

/** The teacher's page on the projector: who joined, what they run, the shared servers, the spotlight. */
export function ClassPage() {
  const { t } = useTranslation();
  return (
    <div className="app class-app">
      <SkipLink target="work" />
      {/* No workspace tabs here: just who is connected and the teacher's tools. */}
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
      <Banners />
      <ClassView />
      <Alerts />
    </div>
  );
}
