import { PROTOCOL_VERSION } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../bridge/context.tsx';
import { ResumeBanner } from '../features/resume/ResumeBanner.tsx';
import { formatNotice } from '../i18n/formatError.ts';

/** Page-wide news from the bridge: it is shutting down, the session dropped, versions do not match. */
export function Banners() {
  const { t, i18n } = useTranslation();
  const notices = usePlayground((s) => s.notices);
  const sessionLost = usePlayground((s) => s.sessionLost);
  const connection = usePlayground((s) => s.connection);
  const dismissNotice = usePlayground((s) => s.dismissNotice);
  const dismissSessionLost = usePlayground((s) => s.dismissSessionLost);

  return (
    <div className="banners">
      <ResumeBanner />
      {connection.status === 'incompatible' && (
        <div className="banner banner--error" role="alert">
          <p>{t('status.incompatibleHelp', { server: connection.serverVersion, client: PROTOCOL_VERSION })}</p>
        </div>
      )}
      {sessionLost && (
        <div className="banner banner--warn" role="alert">
          <p>{t('banners.sessionLost', { count: sessionLost.closed })}</p>
          <button type="button" className="button button--small" onClick={dismissSessionLost}>
            {t('banners.dismiss')}
          </button>
        </div>
      )}
      {notices.map((notice) => (
        <div key={`${notice.code}:${notice.message}`} className="banner banner--warn" role="alert">
          <p>{formatNotice(i18n, notice)}</p>
          <button type="button" className="button button--small" onClick={() => dismissNotice(notice)}>
            {t('banners.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
