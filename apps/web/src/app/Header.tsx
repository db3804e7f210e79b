import { useTranslation } from 'react-i18next';
import { usePlayground } from '../bridge/context.tsx';
import { PageTabs } from '../features/netlab/PageTabs.tsx';
import { formatPolicy } from '../i18n/formatPolicy.ts';
import { usePresentation } from '../ui/shell/presentation.ts';
import { StatusPill } from '../ui/shell/StatusPill.tsx';
import { HeaderTools } from './HeaderTools.tsx';

export function Header() {
  const { t } = useTranslation();
  const sessionId = usePlayground((s) => s.connection.sessionId);
  const policy = usePlayground((s) => s.connection.targetPolicy);
  const presenting = usePresentation();
  return (
    <header className="app-header">
      {/* Presenting, the room knows which app this is: the title is for screen readers only. */}
      <div className={presenting ? 'visually-hidden' : 'app-header__brand'}>
        <h1>{t('app.title')}</h1>
        <p className="app-header__tagline">{t('app.tagline')}</p>
      </div>
      <PageTabs />
      <div className="app-header__meta">
        {policy && <span className="app-header__policy">{t('app.policy', { policy: formatPolicy(t, policy) })}</span>}
        {sessionId && (
          <span className="app-header__session" title={sessionId}>
            {t('app.session', { id: sessionId.slice(0, 8) })}
          </span>
        )}
        <StatusPill />
        <HeaderTools />
      </div>
    </header>
  );
}
