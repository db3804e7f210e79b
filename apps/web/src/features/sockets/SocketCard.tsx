import type { SocketInfo } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import type { SocketEntry, SocketKey } from '../../bridge/state.ts';
import { formatEndpoint } from '../../ui/format.ts';
import { ViaConditions } from '../conditions/ViaConditions.tsx';
import { ReadControls } from '../lab/ReadControls.tsx';
import { CardLifecycle, KernelStateTag } from '../lifecycle/CardLifecycle.tsx';
import { CounterList } from './CounterList.tsx';
import { SendBox } from './SendBox.tsx';
import { SocketActions } from './SocketActions.tsx';
import { LastError, ReachableNote } from './SocketNotes.tsx';
import { StateBadge } from './StateBadge.tsx';

/** Sockets that recv(): connections, clients and UDP endpoints. */
const READERS = new Set<string>(['tcp-conn', 'tcp-client', 'udp']);

function canSend(entry: SocketEntry): boolean {
  if (entry.info.kind === 'udp') return entry.state === 'bound';
  return entry.state === 'established' || entry.state === 'fin-received';
}

export function SocketCard(props: { socketKey: SocketKey }) {
  const { t } = useTranslation();
  const entry = usePlayground((s) => s.sockets[props.socketKey]);
  const selected = usePlayground((s) => s.selection.key === props.socketKey);
  const select = usePlayground((s) => s.select);
  if (!entry) return null;
  const { info, state } = entry;
  const open = state !== 'closed';

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking anywhere is a mouse shortcut; the title button is the keyboard path.
    <article
      className={`socket-card socket-card--${info.kind} ${selected ? 'is-selected' : ''} ${open ? '' : 'is-closed'}`}
      data-testid="socket-card"
      data-socket-id={info.id}
      data-kind={info.kind}
      data-state={state}
      data-stale={entry.stale || undefined}
      onClick={(event) => {
        // Cards nest (connections inside their server): the innermost one wins.
        event.stopPropagation();
        select(props.socketKey);
      }}
    >
      <header className="socket-card__header">
        <button
          type="button"
          className="socket-card__title"
          aria-pressed={selected}
          title={t('sockets.actions.inspect')}
          onClick={() => select(props.socketKey)}
        >
          {t(`sockets.kinds.${info.kind}`)} <span className="socket-card__id">{info.id}</span>
        </button>
        <StateBadge state={state} />
        <KernelStateTag entry={entry} />
        {entry.stale && <span className="tag">{t('sockets.previousSession')}</span>}
        {info.recvSize > 0 && (
          <span className="socket-card__recv">{t('sockets.recvSize', { size: info.recvSize })}</span>
        )}
      </header>
      <p className="socket-card__explain">{t(`states.${state}.explain`)}</p>
      <Addresses info={info} />
      <ViaConditions info={info} epoch={entry.epoch} />
      <CounterList counters={entry.counters} />
      <ReachableNote info={info} open={open} />
      <LastError entry={entry} />
      {open && READERS.has(info.kind) && <ReadControls entry={entry} disabled={entry.stale} />}
      {open && info.kind !== 'tcp-server' && <SendBox entry={entry} disabled={!canSend(entry)} />}
      <CardLifecycle entry={entry} />
      {open && <SocketActions entry={entry} />}
      {info.kind === 'tcp-server' && <Connections server={entry} />}
    </article>
  );
}

function Addresses(props: { info: SocketInfo }) {
  const { t } = useTranslation();
  const { local, remote, kind } = props.info;
  return (
    <p className="socket-card__addresses">
      <span className="address" title={t('sockets.local')}>
        {local ? formatEndpoint(local) : '—'}
      </span>
      {kind !== 'tcp-server' && (
        <>
          <span aria-hidden="true"> ↔ </span>
          <span className="address" title={t('sockets.remote')}>
            {remote ? formatEndpoint(remote) : t('sockets.noRemote')}
          </span>
        </>
      )}
    </p>
  );
}

function Connections(props: { server: SocketEntry }) {
  const { t } = useTranslation();
  const { children, info } = props.server;
  return (
    <section className="connections" aria-label={t('sockets.connections')}>
      <h4 className="connections__title">{t('sockets.connections')}</h4>
      {children.length === 0 ? (
        <p className="connections__empty">
          {t('sockets.noConnections', { address: info.local ? formatEndpoint(info.local) : info.id })}
        </p>
      ) : (
        children.map((key) => <SocketCard key={key} socketKey={key} />)
      )}
    </section>
  );
}
