import { isServerSocket } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../bridge/context.tsx';
import { useCommand } from '../../bridge/useCommand.ts';
import type { SocketEntry } from '../../store/state.ts';
import { FormError } from '../../ui/form/FormError.tsx';
import { formatEndpoint } from '../../ui/format.ts';
import { ReadOnlyWorkspace } from '../replay/ReadOnlyWorkspace.tsx';
import { JoinsCard } from './JoinsCard.tsx';
import { useClassroom } from './model/classStore.ts';
import { QrCode } from './QrCode.tsx';
import { Roster } from './Roster.tsx';
import { useClassWatch } from './useClassWatch.ts';
import './classroom.css';

export function ClassView() {
  useClassWatch();
  const spotlight = useClassroom((s) => s.spotlight);
  return (
    <main
      id="work"
      tabIndex={-1}
      className={`class-page ${spotlight ? 'class-page--spotlight' : ''}`}
      data-testid="class-page"
    >
      <aside className="class-page__side" hidden={spotlight !== null}>
        <JoinCard />
        <SharedServers />
        <JoinsCard />
      </aside>
      <div className="class-page__main">{spotlight ? <SpotlightPanel /> : <Roster />}</div>
    </main>
  );
}

/** `K7Q X2M`: two groups of three are easier to read aloud and to copy from the back of the room. */
function spaced(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

function JoinCard() {
  const { t } = useTranslation();
  const code = useClassroom((s) => s.roster?.joinCode ?? null);
  const urls = useClassroom(useShallow((s) => s.roster?.joinUrls ?? []));
  const first = urls[0];
  return (
    <section className="panel class-card join-card" aria-labelledby="join-card-title">
      <h2 id="join-card-title">{t('classroom.join.title')}</h2>
      {code ? (
        <>
          <p className="join-card__step">{t('classroom.join.open')}</p>
          <ul className="join-card__urls">
            {urls.map((url) => (
              <li key={url} data-testid="join-url">
                {url}
              </li>
            ))}
          </ul>
          <p className="join-card__step">{t('classroom.join.type')}</p>
          <p className="join-card__code" data-testid="join-code">
            {spaced(code)}
          </p>
          {first && <QrCode text={`${first}#join=${code}`} label={t('classroom.join.qr', { url: first })} size={168} />}
        </>
      ) : (
        <p className="class-card__muted">{t('classroom.join.noCode')}</p>
      )}
    </section>
  );
}

/** The teacher's own servers, each one click from being shared with the class; and peer access. */
function SharedServers() {
  const { t } = useTranslation();
  const published = useClassroom(useShallow((s) => (s.roster?.published ?? []).map((p) => p.socketId)));
  const allowPeers = useClassroom((s) => s.roster?.allowPeers ?? false);
  const servers = usePlayground(
    useShallow((s) =>
      s.order
        .map((k) => s.sockets[k] as SocketEntry)
        .filter((e) => e.epoch === s.epoch && !e.stale && e.state !== 'closed' && isServerSocket(e.info)),
    ),
  );
  const command = useCommand();

  const startShared = async (kind: 'tcp' | 'udp') => {
    const result = await command.run(
      kind === 'tcp'
        ? { type: 'tcp.listen', host: '0.0.0.0', port: 0, recvSize: 1024, behaviour: 'echo' }
        : { type: 'udp.bind', host: '0.0.0.0', port: 0, recvSize: 1024, behaviour: 'echo' },
    );
    if (result?.socket) await command.run({ type: 'class.publish', socketId: result.socket.id, published: true });
  };

  return (
    <section className="panel class-card" aria-labelledby="shared-title" data-testid="shared-servers">
      <h2 id="shared-title">{t('classroom.shared.title')}</h2>
      <p className="class-card__muted">{t('classroom.shared.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--small button--primary"
          data-testid="start-shared-echo"
          disabled={command.pending}
          onClick={() => void startShared('tcp')}
        >
          {t('classroom.shared.startTcp')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={command.pending}
          onClick={() => void startShared('udp')}
        >
          {t('classroom.shared.startUdp')}
        </button>
      </div>
      {servers.length === 0 ? (
        <p className="class-card__muted">{t('classroom.shared.none')}</p>
      ) : (
        <ul className="shared-list">
          {servers.map((e) => {
            const on = published.includes(e.info.id);
            return (
              <li key={e.key} className="shared-list__item" data-testid="shared-server" data-socket-id={e.info.id}>
                <span>
                  <strong>{t(`sockets.kinds.${e.info.kind}`)}</strong> {e.info.id}
                  {e.info.local ? ` · ${formatEndpoint(e.info.local)}` : ''}
                  {e.info.behaviour ? ` · ${e.info.behaviour}` : ''}
                </span>
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={on}
                    data-testid="publish-toggle"
                    onChange={(ev) =>
                      void command.run({ type: 'class.publish', socketId: e.info.id, published: ev.target.checked })
                    }
                  />
                  {t('classroom.shared.publish')}
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <label className="toggle class-card__peers">
        <input
          type="checkbox"
          checked={allowPeers}
          data-testid="allow-peers"
          onChange={(ev) => void command.run({ type: 'class.allowPeers', allowed: ev.target.checked })}
        />
        {t('classroom.shared.allowPeers')}
      </label>
      <FormError error={command.error} />
    </section>
  );
}

function SpotlightPanel() {
  const { t } = useTranslation();
  const spotlight = useClassroom((s) => s.spotlight);
  const student = useClassroom((s) => s.roster?.students.find((x) => x.studentId === s.spotlight?.studentId));
  const command = useCommand();
  if (!spotlight) return null;
  const header = (
    <div className="spotlight__header">
      <h2 className="spotlight__title" data-testid="spotlight-title">
        {t('classroom.spotlight.title', { name: spotlight.name })}
      </h2>
      {student && (
        <span className={`presence presence--${student.presence}`}>
          <span className="presence__dot" aria-hidden="true" />
          {t(`classroom.presence.${student.presence}`)}
        </span>
      )}
      <span className="class-card__muted">{t('classroom.spotlight.readOnly')}</span>
      <button
        type="button"
        className="button button--small"
        data-testid="spotlight-close"
        onClick={() => void command.run({ type: 'class.spotlight', studentId: null })}
      >
        {t('classroom.spotlight.close')}
      </button>
    </div>
  );
  return (
    <div className="spotlight" data-testid="spotlight">
      <ReadOnlyWorkspace
        key={`${spotlight.studentId}:${spotlight.sessionId}`}
        store={spotlight.store}
        header={header}
        large
      />
    </div>
  );
}
