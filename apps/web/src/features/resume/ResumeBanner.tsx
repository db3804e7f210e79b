import './resume.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge, usePlayground, usePlaygroundStore } from '../../bridge/context.tsx';
import { countSetup, recreateSetup } from '../share/setupLink.ts';
import { useShare, useShareStore } from '../share/shareStore.ts';
import { useResume } from './model/resumeStore.ts';

/**
 * What happened to the session across a drop or a reload, in plain words: it is kept while the page
 * reconnects, it came back (and which sockets closed meanwhile), it had already ended, or another
 * tab took it over. Also the offer of a shared setup link.
 */
export function ResumeBanner() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const status = usePlayground((s) => s.connection.status);
  const grace = usePlayground((s) => s.connection.resumeGraceMs ?? 0);
  const resumed = useResume((s) => s.resumed);
  const previousLost = useResume((s) => s.previousLost);
  const fellBehind = useResume((s) => s.fellBehind);
  const dismissResumeNews = useResume((s) => s.dismiss);
  // A bridge that shut down keeps nothing: its own notice says so, and "sockets stay open" would not be true.
  const shutDown = usePlayground((s) => s.notices.some((n) => n.code === 'shutdown'));

  return (
    <>
      {status === 'reconnecting' && grace > 0 && !shutDown && (
        <div className="banner banner--warn" role="status" data-testid="session-kept">
          <p>{t('resume.kept', { seconds: Math.round(grace / 1000) })}</p>
        </div>
      )}
      {status === 'replaced' && (
        <div className="banner banner--warn" role="alert" data-testid="session-replaced">
          <p>{t('resume.replaced')}</p>
          <button type="button" className="button button--small" onClick={() => bridge.reconnectNow()}>
            {t('resume.startNew')}
          </button>
        </div>
      )}
      {resumed && (
        <div className="banner banner--ok" role="status" data-testid="session-resumed">
          <p>
            {resumed.reloaded ? t('resume.reloaded') : t('resume.resumed')}{' '}
            {resumed.closed.length > 0 &&
              t('resume.closedWhileAway', { count: resumed.closed.length, sockets: resumed.closed.join(', ') })}
          </p>
          <button type="button" className="button button--small" onClick={dismissResumeNews}>
            {t('banners.dismiss')}
          </button>
        </div>
      )}
      {previousLost && (
        <div className="banner banner--warn" role="alert" data-testid="session-ended">
          <p>{t('resume.ended', { count: previousLost.closed })}</p>
          <button type="button" className="button button--small" onClick={dismissResumeNews}>
            {t('banners.dismiss')}
          </button>
        </div>
      )}
      {fellBehind && (
        <div className="banner banner--warn" role="alert" data-testid="session-fell-behind">
          <p>{t('resume.fellBehind')}</p>
          <button type="button" className="button button--small" onClick={dismissResumeNews}>
            {t('banners.dismiss')}
          </button>
        </div>
      )}
      <SetupOffer />
    </>
  );
}

function SetupOffer() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = usePlaygroundStore();
  const connected = usePlayground((s) => s.connection.status === 'connected');
  const share = useShareStore();
  const offered = useShare((s) => s.offered);
  const moved = useShare((s) => s.moved);
  const [busy, setBusy] = useState(false);
  if (!offered) return moved.length > 0 ? <MovedPorts /> : null;
  const { servers, clients } = countSetup(offered);
  const what = [
    servers > 0 ? t('share.servers', { count: servers }) : '',
    clients > 0 ? t('share.clients', { count: clients }) : '',
  ];
  const create = async () => {
    setBusy(true);
    const result = await recreateSetup(offered, async (command) => {
      const reply = await bridge.send(command);
      if (reply.socket) store.getState().upsertSocket(reply.socket);
      return reply;
    });
    setBusy(false);
    share.setState({ offered: null, moved: result.moved });
    if (result.failed.length > 0)
      store.getState().pushAlert({ code: 'internal', message: t('share.someFailed', { count: result.failed.length }) });
  };
  return (
    <div className="banner banner--info" role="status" data-testid="setup-offer">
      <p>
        {t('share.offer', {
          what: what[0] && what[1] ? t('share.both', { servers: what[0], clients: what[1] }) : what[0] || what[1],
        })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={!connected || busy}
          data-testid="setup-create"
          onClick={() => void create()}
        >
          {t('share.create')}
        </button>
        <button type="button" className="button button--small" onClick={() => share.setState({ offered: null })}>
          {t('banners.dismiss')}
        </button>
      </div>
    </div>
  );
}

/** The link's servers that could not have their port (it was taken here) and the free ones they got. */
function MovedPorts() {
  const { t } = useTranslation();
  const share = useShareStore();
  const moved = useShare((s) => s.moved);
  const list = moved.map((m) => `${m.transport.toUpperCase()} ${m.from} → ${m.to}`).join(', ');
  return (
    <div className="banner banner--info" role="status" data-testid="setup-moved">
      <p>{t('share.moved', { count: moved.length, list })}</p>
      <button type="button" className="button button--small" onClick={() => share.setState({ moved: [] })}>
        {t('banners.dismiss')}
      </button>
    </div>
  );
}
