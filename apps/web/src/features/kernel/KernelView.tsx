import type { KernelRow, KernelWatchScope } from '@playground/protocol';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { type KernelTimeline, rowKey, type TimelineState } from '../../store/kernelView.ts';
import { type PlaygroundData, type SocketEntry, socketKey } from '../../store/state.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatEndpoint } from '../../ui/format.ts';
import { formatFixed } from '../../ui/numbers.ts';
import { socketLabel } from '../../ui/socketLabel.ts';
import { useClassroom } from '../classroom/model/classStore.ts';
import { sameEndpoint } from '../lifecycle/connections.ts';
import { KernelStateBadge, kernelStateText } from '../lifecycle/KernelStateBadge.tsx';
import { type PlaceContext, peerPlace, placeName } from '../lifecycle/peerPlace.ts';
import { useNetLab } from '../netlab/model/labStore.ts';
import { TcpInternals } from './TcpInternals.tsx';
import { useKernelWatch } from './useKernelWatch.ts';
import './kernel.css';
import { SegmentedToggle } from '../../ui/ChoiceGroup.tsx';

/** A few times a second: fast enough to catch FIN_WAIT2 and CLOSE_WAIT, cheap enough to leave open. */
export const KERNEL_POLL_MS = 250;
const SCOPES: KernelWatchScope[] = ['playground', 'ports'];
/** Timelines listed at once; older ones scroll out of the list (the store keeps a few hundred). */
const SHOWN_TIMELINES = 60;

/** Netstat's order of the life of a connection, for the legend. */
const STATE_ORDER: TimelineState[] = [
  'LISTEN',
  'SYN_SENT',
  'SYN_RECV',
  'NEW_SYN_RECV',
  'ESTABLISHED',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'CLOSING',
  'TIME_WAIT',
  'CLOSE_WAIT',
  'LAST_ACK',
  'CLOSE',
  'gone',
];

function entryOf(
  sockets: PlaygroundData['sockets'],
  epoch: number,
  socketId: string | undefined,
): SocketEntry | undefined {
  return socketId === undefined ? undefined : sockets[socketKey(epoch, socketId)];
}

/**
 * "client s2", or for a row that is not this page's but whose peer is, who it is: "your teacher’s
 * server · peer of client s2", "outside the playground · peer of conn s3".
 */
function whose(
  t: TFunction,
  row: KernelRow,
  entry: SocketEntry | undefined,
  peer: SocketEntry | undefined,
  places: PlaceContext,
): string {
  if (entry) return socketLabel(t, { info: { ...entry.info, remote: undefined } });
  if (peer) {
    const who = placeName(t, peerPlace(peer, row.local, places));
    return t('kernel.peerOf', { who, socket: socketLabel(t, { info: { ...peer.info, remote: undefined } }) });
  }
  return t('peers.outside');
}

/**
 * Listening sockets first, then each connection's two ends side by side (same pair of ports), the
 * server's end first: the kernel lists rows in hash order, which is hard to read.
 */
function sortRows(rows: readonly KernelRow[]): KernelRow[] {
  const listening = new Set(rows.filter((r) => r.state === 'LISTEN').map((r) => r.local.port));
  const pair = (r: KernelRow) => [Math.min(r.local.port, r.remote.port), Math.max(r.local.port, r.remote.port)];
  const clientEnd = (r: KernelRow) => Number(!listening.has(r.local.port));
  return [...rows].sort((a, b) => {
    const listen = Number(b.state === 'LISTEN') - Number(a.state === 'LISTEN');
    if (listen !== 0) return listen;
    const [a1, a2] = pair(a) as [number, number];
    const [b1, b2] = pair(b) as [number, number];
    return a1 - b1 || a2 - b2 || clientEnd(a) - clientEnd(b) || a.local.port - b.local.port;
  });
}

/** The OS view: the kernel's own TCP table for the playground's sockets, live, with each connection's states. */
export function KernelView() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<KernelWatchScope>('playground');
  useKernelWatch(scope, KERNEL_POLL_MS);
  const epoch = usePlayground((s) => s.epoch);
  const kernel = usePlayground((s) => s.kernel);
  const snapshot = kernel.snapshotEpoch === epoch ? kernel.snapshot : null;

  return (
    <div className="kernel" data-testid="kernel-view">
      <div className="kernel__bar">
        <SegmentedToggle
          className="kernel__scope"
          label={t('kernel.scope.label')}
          value={scope}
          onChange={setScope}
          options={SCOPES.map((s) => ({
            value: s,
            label: t(`kernel.scope.${s}`),
            hint: t(`kernel.scopeHints.${s}`),
            testId: `kernel-scope-${s}`,
          }))}
        />
      </div>
      {!snapshot ? (
        <EmptyState>{t('kernel.reading')}</EmptyState>
      ) : !snapshot.available ? (
        <div data-testid="kernel-unavailable">
          <EmptyState title={t('kernel.unavailable')}>
            {snapshot.reason} {t('kernel.unavailableHint')}
          </EmptyState>
        </div>
      ) : (
        <>
          <p className="kernel__intro">
            {t(`kernel.scopeHints.${scope}`)}{' '}
            {t('kernel.intro', {
              source: snapshot.source ?? '/proc/net/tcp',
              perSecond: Math.round(1000 / KERNEL_POLL_MS),
            })}
          </p>
          <KernelTable rows={snapshot.rows} epoch={epoch} somaxconn={snapshot.somaxconn} />
          {snapshot.truncated > 0 && (
            <p className="kernel__note">
              {t('kernel.truncated', { shown: snapshot.rows.length, count: snapshot.truncated })}
            </p>
          )}
          <TcpInternals rows={snapshot.rows} status={snapshot.tcpInfo} epoch={epoch} />
          <Legend states={snapshot.rows.map((r) => r.state)} />
          <Timelines timelines={kernel.order.map((k) => kernel.timelines[k] as KernelTimeline)} epoch={epoch} />
          <BacklogHelp somaxconn={snapshot.somaxconn} />
        </>
      )}
    </div>
  );
}

/** What naming a row that is not the page's own needs: its sockets, relays and the class's servers. */
function usePlaces(): PlaceContext {
  const sockets = usePlayground((s) => s.sockets);
  const order = usePlayground((s) => s.order);
  const relayFlows = useNetLab((s) => s.relays);
  const classServers = useClassroom((s) => s.info?.servers);
  return { sockets, order, relayFlows, classServers: classServers ?? [] };
}

function KernelTable(props: { rows: KernelRow[]; epoch: number; somaxconn: number | undefined }) {
  const { t } = useTranslation();
  const places = usePlaces();
  const { sockets } = places;
  const select = usePlayground((s) => s.select);
  const byTuple = useMemo(() => {
    const map = new Map<string, KernelRow>();
    for (const row of props.rows) if (row.socketId) map.set(rowKey(row), row);
    return map;
  }, [props.rows]);

  if (props.rows.length === 0) {
    return <EmptyState title={t('kernel.empty.title')}>{t('kernel.empty.body')}</EmptyState>;
  }
  const rows = sortRows(props.rows);
  return (
    <div className="kernel__table-wrap">
      <table className="kernel__table" aria-label={t('kernel.tableLabel')} data-testid="kernel-table">
        <thead>
          <tr>
            <th scope="col" className="num" title={t('kernel.columnHints.recvQ')}>
              {t('kernel.columns.recvQ')}
            </th>
            <th scope="col" className="num" title={t('kernel.columnHints.sendQ')}>
              {t('kernel.columns.sendQ')}
            </th>
            <th scope="col">{t('kernel.columns.local')}</th>
            <th scope="col">{t('kernel.columns.remote')}</th>
            <th scope="col">{t('kernel.columns.state')}</th>
            <th scope="col">{t('kernel.columns.socket')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const entry = entryOf(sockets, props.epoch, row.socketId);
            const peerRow = entry ? undefined : byTuple.get(rowKey({ local: row.remote, remote: row.local }));
            const peer = entryOf(sockets, props.epoch, peerRow?.socketId);
            const listen = row.state === 'LISTEN';
            const backlog = listen ? entry?.info.backlog : undefined;
            // What the queues mean for this row, in words, under the socket's name.
            const notes = [
              listen && row.recvQueue > 0 && t('kernel.listenQueue', { count: row.recvQueue }),
              !listen && row.recvQueue > 0 && t('kernel.unread', { count: row.recvQueue }),
              backlog !== undefined &&
                (props.somaxconn !== undefined && backlog > props.somaxconn
                  ? t('kernel.backlogCapped', { backlog, cap: props.somaxconn })
                  : t('kernel.backlog', { backlog })),
            ].filter(Boolean);
            return (
              <tr
                key={`${row.inode}-${rowKey(row)}`}
                className={entry ? 'is-ours' : 'is-outside'}
                data-testid="kernel-row"
                data-socket-id={row.socketId}
                data-state={row.state}
                data-local-port={row.local.port}
                data-remote-port={row.remote.port}
                data-recv-q={row.recvQueue}
              >
                <td className={`num mono${row.recvQueue > 0 ? ' kernel__q--busy' : ''}`}>{row.recvQueue}</td>
                <td className={`num mono${row.sendQueue > 0 ? ' kernel__q--busy' : ''}`}>{row.sendQueue}</td>
                <td className="mono">{formatEndpoint(row.local)}</td>
                <td className="mono">{listen ? '*:*' : formatEndpoint(row.remote)}</td>
                <td>
                  <KernelStateBadge state={row.state} />
                </td>
                <td>
                  {entry ? (
                    <button type="button" className="kernel__socket" onClick={() => select(entry.key)}>
                      {whose(t, row, entry, peer, places)}
                    </button>
                  ) : (
                    <span className="kernel__outside">{whose(t, row, entry, peer, places)}</span>
                  )}
                  {notes.map((note) => (
                    <span key={note as string} className="kernel__q-note">
                      {note}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Legend(props: { states: TimelineState[] }) {
  const { t } = useTranslation();
  const present = STATE_ORDER.filter((s) => props.states.includes(s));
  if (present.length === 0) return null;
  return (
    <section className="kernel__legend" aria-label={t('kernel.legend')}>
      <h3 className="kernel__h">{t('kernel.legend')}</h3>
      <dl>
        {present.map((state) => (
          <div key={state} className="kernel__legend-item">
            <dt>
              <KernelStateBadge state={state} />
            </dt>
            <dd>{kernelStateText(t, state).explain}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Timelines(props: { timelines: KernelTimeline[]; epoch: number }) {
  const { t } = useTranslation();
  const places = usePlaces();
  const { sockets } = places;
  /** A row that is not ours but whose other end is: who it is (a relay, the teacher's server…). */
  const elsewhere = (row: KernelRow): string => {
    const peer = Object.values(sockets).find(
      (e) =>
        e.epoch === props.epoch && sameEndpoint(e.info.local, row.remote) && sameEndpoint(e.info.remote, row.local),
    );
    return peer ? placeName(t, peerPlace(peer, row.local, places)) : t('peers.outside');
  };
  // Listening sockets have a one-state life; the connections are what the timeline is about.
  const shown = props.timelines.filter((tl) => tl.row.state !== 'LISTEN').slice(-SHOWN_TIMELINES);
  return (
    <section className="kernel__timelines" aria-label={t('kernel.timeline.title')}>
      <h3 className="kernel__h">{t('kernel.timeline.title')}</h3>
      <p className="kernel__note">{t('kernel.timeline.intro', { interval: KERNEL_POLL_MS })}</p>
      {shown.length === 0 ? (
        <p className="kernel__note">{t('kernel.timeline.empty')}</p>
      ) : (
        <ol className="kernel__timeline-list">
          {shown.map((tl) => {
            const entry = tl.socket ? sockets[tl.socket] : undefined;
            const name = entry ? socketLabel(t, { info: { ...entry.info, remote: undefined } }) : elsewhere(tl.row);
            return (
              <li
                key={tl.key}
                className="kernel__timeline"
                data-testid="kernel-timeline"
                data-socket-id={entry?.info.id}
                data-states={tl.steps.map((s) => s.state).join(' ')}
              >
                <div className="kernel__timeline-who">
                  <span className="kernel__timeline-name">{name}</span>
                  <span className="mono kernel__timeline-tuple">
                    {formatEndpoint(tl.row.local)} → {formatEndpoint(tl.row.remote)}
                  </span>
                </div>
                <ol className="kernel__steps" aria-label={t('kernel.timeline.label', { socket: name })}>
                  {tl.steps.map((step, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: steps only ever append.
                    <li key={i} className="kernel__step">
                      <KernelStateBadge
                        state={step.state}
                        time={t('kernel.timeline.at', { time: formatFixed(step.t, 1) })}
                      />
                    </li>
                  ))}
                </ol>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function BacklogHelp(props: { somaxconn: number | undefined }) {
  const { t } = useTranslation();
  return (
    <details className="kernel__help" data-testid="backlog-help">
      <summary>{t('kernel.backlogHelp.title')}</summary>
      <p>{t('kernel.backlogHelp.queue')}</p>
      <p>
        {props.somaxconn === undefined
          ? t('kernel.backlogHelp.recvQUnknown')
          : t('kernel.backlogHelp.recvQ', { somaxconn: props.somaxconn })}
      </p>
      <p>{t('kernel.backlogHelp.full')}</p>
      <p>{t('kernel.backlogHelp.node')}</p>
    </details>
  );
}
