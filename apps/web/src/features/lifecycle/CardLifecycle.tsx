import type { Endpoint } from '@playground/protocol';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePlayground } from '../../bridge/context.tsx';
import { useCommand } from '../../bridge/useCommand.ts';
import type { TimelineState } from '../../store/kernelView.ts';
import type { SocketEntry } from '../../store/state.ts';
import { FormError } from '../../ui/form/FormError.tsx';
import { formatEndpoint } from '../../ui/format.ts';
import { socketLabel } from '../../ui/socketLabel.ts';
import { peerOf } from './connections.ts';
import { KernelStateBadge } from './KernelStateBadge.tsx';
import { placeAt, usePeerPlace } from './peerPlace.ts';
import './lifecycle.css';

const shortLabel = (t: Parameters<typeof socketLabel>[0], entry: SocketEntry) =>
  socketLabel(t, { info: { ...entry.info, remote: undefined } });

/** What the card adds about the connection's life: the wait for accept(), what this side and the other observed. */
export function CardLifecycle(props: { entry: SocketEntry }) {
  const { entry } = props;
  const kind = entry.info.kind;
  if (kind === 'tcp-server') {
    return (
      <>
        <WaitingQueue server={entry} />
        <StoppedNote server={entry} />
      </>
    );
  }
  if (kind !== 'tcp-client' && kind !== 'tcp-conn') return null;
  return (
    <>
      {entry.waitingForAccept && <WaitingNote conn={entry} />}
      {entry.finReceived && <ObservedFin />}
      <KernelForgot entry={entry} />
      <PeerStatus entry={entry} />
    </>
  );
}

/** The kernel dropped the connection while the program, not reading or writing, has not noticed. */
function KernelForgot(props: { entry: SocketEntry }) {
  const { t } = useTranslation();
  const state = useKernelState(props.entry);
  if (state !== 'gone' || props.entry.state === 'closed') return null;
  return (
    <p className="observed observed--gone" data-testid="kernel-forgot">
      {t('lifecycle.kernelForgot')}
    </p>
  );
}

/**
 * The socket's state as the kernel reports it, while the OS view is open; `gone` when its row left
 * the kernel's table (a reset removes both ends of a connection at once) though the socket is open.
 */
function useKernelState(entry: SocketEntry): TimelineState | undefined {
  return usePlayground((s) => {
    const k = s.kernel;
    if (!k.watching || k.snapshotEpoch !== entry.epoch || !k.snapshot) return undefined;
    const row = k.snapshot.rows.find((r) => r.socketId === entry.info.id)?.state;
    if (row || entry.info.kind === 'tcp-server') return row;
    const gone = Object.values(k.timelines).some((tl) => tl.socket === entry.key && tl.steps.at(-1)?.state === 'gone');
    return gone ? 'gone' : undefined;
  });
}

export function KernelStateTag(props: { entry: SocketEntry }) {
  const { t } = useTranslation();
  const { entry } = props;
  const state = useKernelState(entry);
  if (!state) return null;
  return (
    <span className="kernel-tag" data-testid="card-kernel-state" data-state={state}>
      <span className="kernel-tag__label">{t('lifecycle.kernelState')}</span>
      <KernelStateBadge state={state} />
    </span>
  );
}

function WaitingNote(props: { conn: SocketEntry }) {
  const { t } = useTranslation();
  const position = usePlayground((s) => {
    const parentKey = props.conn.info.parentId ? `${props.conn.epoch}:${props.conn.info.parentId}` : null;
    const server = parentKey ? s.sockets[parentKey] : undefined;
    if (!server) return 1;
    const waiting = server.children.filter((k) => s.sockets[k]?.waitingForAccept);
    return Math.max(1, waiting.indexOf(props.conn.key) + 1);
  });
  return (
    <div className="lifecycle-note lifecycle-note--waiting" data-testid="waiting-note" data-position={position}>
      <p className="lifecycle-note__title">{t('lifecycle.waiting', { position })}</p>
      <p>{t('lifecycle.waitingExplain')}</p>
    </div>
  );
}

function WaitingQueue(props: { server: SocketEntry }) {
  const { t } = useTranslation();
  const waiting = usePlayground(
    useShallow((s) =>
      props.server.children.flatMap((k) => {
        const e = s.sockets[k];
        return e?.waitingForAccept ? [e] : [];
      }),
    ),
  );
  if (waiting.length === 0) return null;
  const list = waiting
    .map((e) => `${e.info.id}${e.info.remote ? ` ← ${formatEndpoint(e.info.remote)}` : ''}`)
    .join(', ');
  return (
    <div className="lifecycle-note lifecycle-note--waiting" data-testid="waiting-queue" data-count={waiting.length}>
      <p className="lifecycle-note__title">{t('lifecycle.queue', { list })}</p>
      <p>{t('lifecycle.queueHint')}</p>
    </div>
  );
}

/** A server that stopped listening with connections still open: say so, and offer to close them too. */
function StoppedNote(props: { server: SocketEntry }) {
  const { t } = useTranslation();
  const command = useCommand();
  const open = usePlayground((s) => props.server.children.filter((k) => s.sockets[k]?.state !== 'closed').length);
  if (props.server.state !== 'closed' || props.server.stale || open === 0) return null;
  return (
    <div className="lifecycle-note" data-testid="stopped-note">
      <p>{t('lifecycle.stopped', { count: open })}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          title={t('sockets.actionHints.closeAll')}
          disabled={command.pending}
          onClick={() => void command.run({ type: 'socket.close', socketId: props.server.info.id })}
        >
          {t('sockets.actions.closeAll')}
        </button>
      </div>
      <FormError error={command.error} action={t('sockets.actions.closeAll')} />
    </div>
  );
}

function ObservedFin() {
  const { t } = useTranslation();
  return (
    <p className="observed observed--fin" data-testid="observed-fin">
      {t('lifecycle.observed.finReceived')}
    </p>
  );
}

type PeerView = 'open' | 'waiting' | 'finRead' | 'finBoth' | 'reset' | 'closed';

function peerView(peer: SocketEntry): PeerView {
  if (peer.lastError?.code === 'ECONNRESET') return 'reset';
  if (peer.waitingForAccept) return 'waiting';
  if (peer.finReceived) return peer.finSent ? 'finBoth' : 'finRead';
  if (peer.state === 'closed') return 'closed';
  return 'open';
}

/** "Each action shows what the other side observed": the peer's view of this connection, live. */
function PeerStatus(props: { entry: SocketEntry }) {
  const { t } = useTranslation();
  const { entry } = props;
  const peer = usePlayground((s) => peerOf(s.sockets, entry));
  const select = usePlayground((s) => s.select);
  if (!peer) {
    if (!entry.info.remote || entry.state === 'connecting') return null;
    return <ElsewherePeer entry={entry} remote={entry.info.remote} />;
  }
  const view = peerView(peer);
  return (
    <p
      className={`peer-status peer-status--${view}`}
      data-testid="peer-status"
      data-peer={view}
      data-peer-id={peer.info.id}
    >
      <span className="peer-status__label">{t('lifecycle.peer.label')}</span>{' '}
      <button
        type="button"
        className="peer-status__link"
        onClick={(event) => {
          event.stopPropagation();
          select(peer.key);
        }}
      >
        {t(`lifecycle.peer.${view}`, { socket: shortLabel(t, peer) })}
      </button>
    </p>
  );
}

/** The other end is not one of this page's sockets: a relay, a server of the class, or outside the playground. */
function ElsewherePeer(props: { entry: SocketEntry; remote: Endpoint }) {
  const { t } = useTranslation();
  const place = usePeerPlace(props.entry, props.remote);
  return (
    <p className="peer-status peer-status--outside" data-testid="peer-status" data-peer={place.place}>
      <span className="peer-status__label">{t('lifecycle.peer.label')}</span> {placeAt(t, place, props.remote)}
    </p>
  );
}
