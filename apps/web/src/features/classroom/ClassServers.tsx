import type { ClassServer } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../bridge/useCommand.ts';
import { FormError } from '../../ui/form/FormError.tsx';
import { useClassroom } from './model/classStore.ts';
import './classroom.css';

/** A student's list of the servers of the class: the teacher's published ones, and classmates' when allowed. */
export function ClassServers() {
  const { t } = useTranslation();
  const info = useClassroom((s) => s.info);
  const command = useCommand();
  const connect = (server: ClassServer) =>
    void command.run(
      server.kind === 'tcp-server'
        ? { type: 'tcp.connect', host: server.host, port: server.port }
        : {
            type: 'udp.bind',
            host: server.host.includes(':') ? '::1' : '127.0.0.1',
            port: 0,
            remote: { host: server.host, port: server.port },
          },
    );
  const teacher = info?.servers.filter((s) => s.owner === 'teacher') ?? [];
  const peers = info?.servers.filter((s) => s.owner === 'student') ?? [];
  return (
    <section className="panel form class-servers" aria-labelledby="class-servers-title" data-testid="class-servers">
      <h2 id="class-servers-title">{t('classroom.servers.title')}</h2>
      <p className="form__intro">{t('classroom.servers.intro')}</p>
      {teacher.length === 0 ? (
        <p className="class-card__muted">{t('classroom.servers.none')}</p>
      ) : (
        <ServerList servers={teacher} onConnect={connect} pending={command.pending} />
      )}
      {info?.allowPeers && (
        <>
          <h3>{t('classroom.servers.peers')}</h3>
          {peers.length === 0 ? (
            <p className="class-card__muted">{t('classroom.servers.noPeers')}</p>
          ) : (
            <ServerList servers={peers} onConnect={connect} pending={command.pending} />
          )}
        </>
      )}
      <FormError error={command.error} />
    </section>
  );
}

function ServerList(props: { servers: ClassServer[]; onConnect: (s: ClassServer) => void; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="class-servers__list">
      {props.servers.map((s) => (
        <li
          key={`${s.owner}:${s.ownerName ?? ''}:${s.socketId}:${s.port}`}
          className="class-servers__item"
          data-testid="class-server"
          data-port={s.port}
        >
          <span>
            <strong>
              {s.owner === 'teacher'
                ? t('classroom.servers.teacher')
                : t('classroom.servers.peer', { name: s.ownerName ?? '?' })}
            </strong>
            <br />
            <span className="class-servers__addr">
              {s.kind === 'tcp-server' ? 'TCP' : 'UDP'} {s.host}:{s.port}
              {s.behaviour ? ` · ${s.behaviour}` : ''}
            </span>
          </span>
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="class-server-connect"
            disabled={props.pending}
            onClick={() => props.onConnect(s)}
          >
            {t('classroom.servers.connect')}
          </button>
        </li>
      ))}
    </ul>
  );
}
