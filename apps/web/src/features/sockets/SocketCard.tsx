import type { SocketInfo } from '@playground/protocol';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../bridge/context.tsx';
import type { SocketEntry, SocketKey } from '../../store/state.ts';
import { formatEndpoint } from '../../ui/format.ts';
import { ReadControls } from '../lab/ReadControls.tsx';
import { CardLifecycle, KernelStateTag } from '../lifecycle/CardLifecycle.tsx';
import { peerOf } from '../lifecycle/connections.ts';
import { SocketHints } from '../trace/SocketHints.tsx';
import { CounterList } from './CounterList.tsx';
import { SendBox } from './SendBox.tsx';
import { SensorSummary } from './SensorSummary.tsx';
import { SocketActions } from './SocketActions.tsx';
import { gatherGroups, SocketGroup } from './SocketGroup.tsx';
import { LastError, ReachableNote } from './SocketNotes.tsx';
import { StateBadge } from './StateBadge.tsx';
import { useKeepFocus, useReveal } from './useReveal.ts';
import { ViaConditions } from './ViaConditions.tsx';
import './sockets.css';

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
  const ref = useRef<HTMLElement>(null);
  const arrived = useReveal(props.socketKey, ref, entry ? canSend(entry) : false);
  const open = entry ? entry.state !== 'closed' : false;
  useKeepFocus(ref, open);
  if (!entry) return null;
  const { info, state } = entry;
  // A traced program's socket: the playground only watches it, so it offers nothing to do with it.
  const program = info.program;
  const controls = open && !program;

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: clicking anywhere is a mouse shortcut; the title button is the keyboard path.
    <article
      ref={ref}
      className={`socket-card socket-card--${info.kind}${program ? ' socket-card--program' : ''} ${selected ? 'is-selected' : ''} ${open ? '' : 'is-closed'}${arrived ? ' is-new' : ''}`}
      data-testid="socket-card"
      data-socket-id={info.id}
      data-kind={info.kind}
      data-state={state}
      data-stale={entry.stale || undefined}
      // Remembered so that when this card's buttons go away with its socket, focus can stay on the card.
      onFocus={(event) => {
        if (event.currentTarget === (event.target as HTMLElement).closest('[data-testid="socket-card"]')) {
          event.currentTarget.dataset.hadFocus = '1';
        }
      }}
      onBlur={(event) => {
        // Focus went elsewhere on purpose; a button removed with its socket leaves no related target.
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) {
          delete event.currentTarget.dataset.hadFocus;
        }
      }}
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
        {program && (
          <span className="tag tag--program" data-testid="program-tag">
            {program.name} · {t('trace.program.pid', { pid: program.pid })}
          </span>
        )}
        {!program && info.recvSize > 0 && (
          <span className="socket-card__recv">
            {t(info.kind === 'udp' ? 'sockets.recvfromSize' : 'sockets.recvSize', { size: info.recvSize })}
          </span>
        )}
      </header>
      <p className="socket-card__explain">
        {entry.untraced ? t('trace.program.untraced') : t(`states.${state}.explain`)}
      </p>
      <Addresses info={info} />
      <ViaConditions info={info} epoch={entry.epoch} />
      <CounterList counters={entry.counters} />
      <SensorSummary entry={entry} />
      {entry.cut && (
        <p className="socket-card__lost" data-testid="lost-bytes">
          {t('sockets.cut', { count: entry.cut.datagrams, bytes: entry.cut.bytes })}
        </p>
      )}
      <ReachableNote info={info} open={open} />
      <LastError entry={entry} />
      <SocketHints entry={entry} />
      {controls && READERS.has(info.kind) && <ReadControls entry={entry} disabled={entry.stale} />}
      {controls && info.kind !== 'tcp-server' && <SendBox entry={entry} disabled={!canSend(entry)} />}
      <CardLifecycle entry={entry} />
      {controls && <SocketActions entry={entry} />}
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
  // Connections from the clients of one "Many clients" spawn fold into one card, as the clients do.
  const groups = usePlayground(useShallow((s) => children.map((k) => spawnGroupOf(s.sockets, k))));
  const items = gatherGroups(children, (key) => groups[children.indexOf(key)]);
  return (
    // A group named by its heading, not a landmark: every server card has one.
    // biome-ignore lint/a11y/useSemanticElements: a group of cards, not of form fields.
    <div className="connections" role="group" aria-labelledby={`${info.id}-connections`}>
      <h4 id={`${info.id}-connections`} className="connections__title">
        {t('sockets.connections')}
      </h4>
      {children.length === 0 ? (
        <p className="connections__empty">
          {t('sockets.noConnections', { address: info.local ? formatEndpoint(info.local) : info.id })}
        </p>
      ) : (
        items.map((item) =>
          'group' in item ? (
            <SocketGroup key={item.group} group={item.group} keys={item.keys} what="connections" card={card} />
          ) : (
            <SocketCard key={item.key} socketKey={item.key} />
          ),
        )
      )}
    </div>
  );
}

const card = (key: SocketKey) => <SocketCard socketKey={key} />;

/** The spawn group of the client at the other end of an accepted connection, if it has one. */
function spawnGroupOf(sockets: Record<SocketKey, SocketEntry>, key: SocketKey): string | undefined {
  const conn = sockets[key];
  return conn ? peerOf(sockets, conn)?.info.group : undefined;
}
