import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../bridge/context.tsx';
import { type SocketEntry, socketKey } from '../../store/state.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { formatEndpoint } from '../../ui/format.ts';
import { socketLabel } from '../../ui/socketLabel.ts';
import { useClassroom } from '../classroom/model/classStore.ts';
import { type ConnectionPair, connectionPairs, pairOf } from '../lifecycle/connections.ts';
import { type PlaceContext, peerPlace, placeName } from '../lifecycle/peerPlace.ts';
import { useTimeReference } from '../log/TimeOriginPicker.tsx';
import { timeLabel } from '../log/timeLabels.ts';
import { isLabSocket, useNetLab } from '../netlab/model/labStore.ts';
import { useWireWatch } from '../wire/useWireWatch.ts';
import { buildFlow, entriesOf, type Lane, type PairKeys, type PairScan, scanPair } from './buildFlow.ts';
import { downloadPng, downloadSvg } from './exportFlow.ts';
import { FlowDiagram, type LaneTitle } from './FlowDiagram.tsx';
import { pairSegments } from './pairSegments.ts';
import './flow.css';

/** "server s4 · conn s9": an accepted connection named with the server that accepted it. */
function ownName(t: TFunction, own: SocketEntry, sockets: PlaceContext['sockets']): string {
  const name = socketLabel(t, { info: { ...own.info, remote: undefined } });
  const parent = own.info.parentId ? sockets[socketKey(own.epoch, own.info.parentId)] : undefined;
  return parent ? t('flow.connOf', { server: socketLabel(t, parent), conn: name }) : name;
}

/** Who the other end is when it is not one of the page's sockets: a relay, a class server, outside. */
function elsewhereName(t: TFunction, peer: SocketEntry | null, places: PlaceContext): string {
  const remote = peer?.info.remote;
  return placeName(t, peer && remote ? peerPlace(peer, remote, places) : { place: 'outside' });
}

function laneTitle(t: TFunction, own: SocketEntry | null, peer: SocketEntry | null, places: PlaceContext): LaneTitle {
  if (own) {
    const { local } = own.info;
    return { name: ownName(t, own, places.sockets), address: local ? formatEndpoint(local) : '', outside: false };
  }
  const address = peer?.info.remote;
  return { name: elsewhereName(t, peer, places), address: address ? formatEndpoint(address) : '', outside: true };
}

function pairLabel(t: TFunction, pair: ConnectionPair, places: PlaceContext): string {
  const client = pair.client ? socketLabel(t, pair.client) : elsewhereName(t, pair.server, places);
  const server = pair.server ? ownName(t, pair.server, places.sockets) : elsewhereName(t, pair.client, places);
  return t('flow.option', { client, server });
}

/** Captures the session's packets while the wire lane is shown. */
function WireWatch() {
  useWireWatch();
  return null;
}

/** The Flow view: one connection as a live sequence diagram, exportable for slides. */
export function FlowView() {
  const { t } = useTranslation();
  const id = useId();
  const sockets = usePlayground((s) => s.sockets);
  const order = usePlayground((s) => s.order);
  const log = usePlayground((s) => s.log);
  const selection = usePlayground((s) => s.selection);
  const select = usePlayground((s) => s.select);
  const pairs = useMemo(() => connectionPairs(sockets, order), [sockets, order]);
  const relayFlows = useNetLab((s) => s.relays);
  const classServers = useClassroom((s) => s.info?.servers);
  const places: PlaceContext = { sockets, order, relayFlows, classServers: classServers ?? [] };
  const [chosen, setChosen] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const scanRef = useRef<PairScan | null>(null);
  const [wireLane, setWireLane] = useState(false);
  const wireEntries = usePlayground((s) => s.wire.entries);

  // Selecting a socket anywhere (card, log, inspector) shows its connection.
  const selectedPair = pairOfSelection(pairs, selection.key)?.id;
  useEffect(() => {
    if (selectedPair) setChosen(selectedPair);
  }, [selectedPair]);

  const labKeys = useNetLab((s) => s.labKeys);
  const pair = pairs.find((p) => p.id === chosen) ?? defaultPair(pairs, selection.key, labKeys);
  const listener = pair?.server?.info.parentId ? socketKey(pair.server.epoch, pair.server.info.parentId) : null;
  const clientKey = pair?.client?.key ?? null;
  const serverKey = pair?.server?.key ?? null;
  const connId = pair?.server?.info.id ?? null;
  const flow = useMemo(() => {
    const keys: PairKeys = { client: clientKey, server: serverKey, listener, connId };
    const scan = scanPair(scanRef.current, log, keys);
    scanRef.current = scan;
    const segments = wireLane ? pairSegments(wireEntries, keys) : [];
    return buildFlow(entriesOf(scan, log), keys, 400, segments);
  }, [log, clientKey, serverKey, listener, connId, wireLane, wireEntries]);

  // The same origin and digits as the log; "the connection's first event" is this diagram's first row.
  const { origin } = useTimeReference();
  const times = useMemo(
    () =>
      flow.rows.map((row, i) =>
        timeLabel(origin, row.t, origin === 'previous' ? (flow.rows[i - 1]?.t ?? null) : (flow.rows[0]?.t ?? null)),
      ),
    [flow, origin],
  );

  if (!pair) {
    return (
      <div className="flow" data-testid="flow-view">
        <EmptyState title={t('flow.empty.title')}>{t('flow.empty.body')}</EmptyState>
      </div>
    );
  }

  const lanes: Record<Lane, LaneTitle> = {
    client: laneTitle(t, pair.client, pair.server, places),
    server: laneTitle(t, pair.server, pair.client, places),
  };
  const title = t('flow.figure', { client: lanes.client.name, server: lanes.server.name });
  const fileName = `flow-${[pair.client?.info.id ?? 'outside', pair.server?.info.id ?? 'outside'].join('-')}`;
  const exportAs = async (format: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    setExportError(null);
    try {
      if (format === 'svg') downloadSvg(svg, fileName);
      else await downloadPng(svg, fileName);
    } catch (error) {
      setExportError(t('flow.export.failed', { reason: (error as Error).message }));
    }
  };

  return (
    <div className="flow" data-testid="flow-view">
      <div className="flow__toolbar">
        <label htmlFor={`${id}-pair`} className="flow__choose">
          {t('flow.choose')}
        </label>
        <select
          id={`${id}-pair`}
          value={pair.id}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="flow-pair"
          className="flow__select"
        >
          {pairs.map((p) => (
            <option key={p.id} value={p.id}>
              {pairLabel(t, p, places)}
            </option>
          ))}
        </select>
        <label className="toggle" title={t('flow.wireLaneHint')}>
          <input
            type="checkbox"
            checked={wireLane}
            onChange={(e) => setWireLane(e.target.checked)}
            data-testid="flow-wire-lane"
          />
          {t('flow.wireLane')}
        </label>
        {wireLane && <WireWatch />}
        <div className="button-row flow__export">
          <button type="button" className="button button--small" onClick={() => void exportAs('svg')}>
            {t('flow.export.svg')}
          </button>
          <button type="button" className="button button--small" onClick={() => void exportAs('png')}>
            {t('flow.export.png')}
          </button>
        </div>
      </div>
      <p className="flow__hint">{t('flow.hint')}</p>
      {exportError && <p className="inline-error">{exportError}</p>}
      <div className="flow__canvas">
        <FlowDiagram
          ref={svgRef}
          flow={flow}
          times={times}
          timeTitle={t(`log.timeHeads.${origin}`)}
          title={title}
          lanes={lanes}
          selected={{ key: selection.key, seq: selection.pieceSeq }}
          onSelect={(piece) => select(piece.key, { direction: piece.direction, seq: piece.seq })}
        />
      </div>
      {flow.truncated && <p className="flow__hint">{t('flow.truncated', { count: flow.rows.length })}</p>}
    </div>
  );
}

/**
 * The connection the view opens on when none was picked: the selected socket's; for a selected
 * server, its newest connection; else the newest of the learner's own (not the network lab's).
 */
export function defaultPair(
  pairs: readonly ConnectionPair[],
  selected: string | null,
  labKeys: Record<string, true>,
): ConnectionPair | undefined {
  const followed = pairOfSelection(pairs, selected);
  if (followed) return followed;
  const learner = (e: SocketEntry | null) => e !== null && !isLabSocket(labKeys, e);
  return [...pairs].reverse().find((p) => learner(p.client) || learner(p.server)) ?? pairs.at(-1);
}

/** The selected socket's connection, or for a selected server its newest accepted one. */
function pairOfSelection(pairs: readonly ConnectionPair[], selected: string | null): ConnectionPair | undefined {
  return pairOf(pairs, selected) ?? [...pairs].reverse().find((p) => p.server && selected === listenerKey(p.server));
}

const listenerKey = (conn: SocketEntry) => (conn.info.parentId ? socketKey(conn.epoch, conn.info.parentId) : null);
