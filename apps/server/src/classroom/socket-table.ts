import type { EngineEvent } from '@playground/engine';
import {
  assertNever,
  type Counters,
  type ErrorInfo,
  isServerSocket,
  MAX_ROSTER_SOCKETS,
  MAX_SNAPSHOT_SOCKETS,
  type RosterSocket,
  type RosterStudent,
  type SocketInfo,
  type SocketKind,
  type SocketSnapshot,
  type SocketState,
} from '@playground/protocol';
import { countBytes } from '../events/wire-event.ts';

interface Row {
  info: SocketInfo;
  state: SocketState;
  counters: Counters;
  finSent: boolean;
  finReceived: boolean;
  lastError?: ErrorInfo;
}

/** Until a state event says otherwise; kinds not listed here start as `bound`. */
const INITIAL_STATE: Partial<Record<SocketKind, SocketState>> = {
  'tcp-server': 'listening',
  'tcp-client': 'connecting',
  'tcp-conn': 'established',
  udp: 'bound',
};

/** Characters of an error's sentence the roster carries (the page words it from its code anyway). */
const MAX_ERROR_TEXT = 200;

/** Closed sockets remembered for snapshots and the roster; older ones are forgotten. */
const KEPT_CLOSED = 50;

/**
 * Where each socket of one session stands (kind, addresses, state, exact counters), kept from the
 * engine's events as the page's store keeps it. A resumed page, the teacher's roster and the
 * spotlight start from it. Bounded: open sockets (a session has at most maxSockets) and the last
 * KEPT_CLOSED closed ones.
 */
export class SocketTable {
  private readonly rows = new Map<string, Row>();
  /** Ids of closed sockets, oldest first (a `state` event may say `closed` before the `closed` event). */
  private readonly closed: string[] = [];
  private readonly closedIds = new Set<string>();

  observe(event: EngineEvent): void {
    if (event.type === 'opened') {
      const row = this.row(event.socketId, event.kind, event.socket);
      row.info = { ...row.info, ...event.socket };
      return;
    }
    if (event.type === 'accept' || event.type === 'queued') {
      const conn = this.row(event.connId, 'tcp-conn');
      conn.info = { ...conn.info, parentId: event.socketId, remote: event.remote };
      return;
    }
    const row = this.row(event.socketId, event.kind);
    switch (event.type) {
      case 'state':
        row.state = event.state;
        break;
      case 'listening':
        row.info = { ...row.info, local: event.local };
        row.state = 'listening';
        break;
      case 'connected':
        row.info = { ...row.info, local: event.local, remote: event.remote };
        row.state = 'established';
        break;
      case 'fin-sent':
        row.finSent = true;
        if (row.state === 'established') row.state = 'fin-sent';
        break;
      case 'fin-received':
        row.finReceived = true;
        if (row.state === 'established') row.state = 'fin-received';
        break;
      case 'recv-size':
        row.info = { ...row.info, recvSize: event.recvSize };
        break;
      case 'error':
        row.lastError = event.error;
        break;
      case 'closed':
        row.state = 'closed';
        if (!this.closedIds.has(event.socketId)) {
          this.closedIds.add(event.socketId);
          this.closed.push(event.socketId);
          while (this.closed.length > KEPT_CLOSED) {
            const old = this.closed.shift() as string;
            this.closedIds.delete(old);
            this.rows.delete(old);
          }
        }
        break;
      case 'recv':
      case 'send':
      case 'datagram-in':
      case 'datagram-out':
        // In place: this runs for every byte event, and snapshot and roster hand out copies.
        countBytes(row.counters, event);
        break;
      case 'reset-sent':
      case 'no-delay':
      case 'reading':
      case 'conditions':
      case 'conditions-stats':
      case 'relay-flow':
      case 'sensor-data':
      case 'call':
      case 'hint':
        // Nothing a snapshot or the roster shows.
        break;
      default:
        assertNever(event, 'engine event');
    }
  }

  /** Open sockets first (oldest first), then the most recently closed. */
  snapshot(max = MAX_SNAPSHOT_SOCKETS): SocketSnapshot[] {
    return this.ordered()
      .slice(0, max)
      .map(({ info, state, counters, finSent, finReceived }) => ({
        socket: info,
        state,
        counters: { ...counters },
        finSent,
        finReceived,
      }));
  }

  roster(max = MAX_ROSTER_SOCKETS): {
    sockets: RosterSocket[];
    more: number;
    totals: RosterStudent['totals'];
  } {
    const all = this.ordered();
    const totals = { bytesIn: 0, bytesOut: 0, openSockets: 0 };
    for (const { counters, state } of all) {
      totals.bytesIn += counters.bytesIn;
      totals.bytesOut += counters.bytesOut;
      if (state !== 'closed') totals.openSockets++;
    }
    const sockets = all.slice(0, max).map(({ info, state, counters, lastError }) => {
      const s: RosterSocket = { id: info.id, kind: info.kind, state, counters: { ...counters } };
      // Why it closed: the error that closed it, its sentence bounded so forty of them stay small.
      if (lastError && state === 'closed')
        s.error = { ...lastError, message: lastError.message.slice(0, MAX_ERROR_TEXT) };
      if (info.local) s.local = info.local;
      if (info.remote) s.remote = info.remote;
      if (info.parentId) s.parentId = info.parentId;
      if (info.behaviour) s.behaviour = info.behaviour;
      return s;
    });
    return { sockets, more: all.length - sockets.length, totals };
  }

  get(id: string): { info: SocketInfo; state: SocketState } | undefined {
    return this.rows.get(id);
  }

  /** Listening TCP servers and bound UDP endpoints: what classmates may connect to. */
  servers(): SocketInfo[] {
    const out: SocketInfo[] = [];
    for (const row of this.rows.values()) {
      if (row.state === 'closed' || !row.info.local) continue;
      // A UDP endpoint with a default peer is a client; without one it is a server.
      if (isServerSocket(row.info)) out.push(row.info);
    }
    return out;
  }

  get openCount(): number {
    return this.rows.size - this.closed.length;
  }

  private ordered(): Row[] {
    const open: Row[] = [];
    for (const [id, row] of this.rows) if (!this.closedIds.has(id)) open.push(row);
    const closed = this.closed.map((id) => this.rows.get(id) as Row).reverse();
    return [...open, ...closed];
  }

  private row(id: string, kind: SocketKind, info?: SocketInfo): Row {
    let row = this.rows.get(id);
    if (!row) {
      row = {
        info: info ?? { id, kind, recvSize: 1 },
        state: INITIAL_STATE[kind] ?? 'bound',
        counters: { bytesIn: 0, bytesOut: 0, reads: 0, writes: 0 },
        finSent: false,
        finReceived: false,
      };
      this.rows.set(id, row);
    }
    return row;
  }
}
