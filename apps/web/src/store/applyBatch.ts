import { fromBase64, toPythonBytes } from '@playground/codec';
import {
  assertNever,
  type EventBatch,
  type SocketEvent,
  type SocketId,
  type SocketInfo,
  type SocketKind,
  type SocketState,
} from '@playground/protocol';
import { appendAll } from './appendLog.ts';
import { appendPiece, EMPTY_BYTES } from './byteLog.ts';
import {
  DEFAULT_LIMITS,
  type LogEntry,
  type PlaygroundData,
  type SocketEntry,
  type SocketKey,
  type StoreLimits,
  socketKey,
  ZERO_COUNTERS,
} from './state.ts';

const NO_BYTES = new Uint8Array(0);

/** Hints kept per program socket: the latest ones (each distinct mistake and line comes once). */
const HINTS_PER_SOCKET = 8;

/** Bytes shown in a log row's preview; the inspector has the rest. */
const PREVIEW_BYTES = 32;

const INITIAL_STATE: Record<SocketKind, SocketState> = {
  // Node's server.listen() binds and listens in one call, so a TCP server is never seen merely bound.
  'tcp-server': 'listening',
  'tcp-client': 'connecting',
  'tcp-conn': 'established',
  udp: 'bound',
  relay: 'listening',
};

function newEntry(key: SocketKey, epoch: number, info: SocketInfo): SocketEntry {
  return {
    key,
    epoch,
    info,
    state: INITIAL_STATE[info.kind],
    counters: ZERO_COUNTERS,
    children: [],
    finSent: false,
    finReceived: false,
    resetSent: false,
    waitingForAccept: false,
    lastError: null,
    received: EMPTY_BYTES,
    sent: EMPTY_BYTES,
    stale: false,
  };
}

/**
 * Copy-on-first-write view of the sockets of one update: every socket an update touches is copied
 * once, however many events it gets, and untouched sockets keep their identity (no re-render).
 */
class SocketDraft {
  private readonly copied = new Set<SocketKey>();
  readonly sockets: Record<SocketKey, SocketEntry>;
  order: SocketKey[];

  constructor(
    state: PlaygroundData,
    readonly epoch: number,
  ) {
    this.sockets = { ...state.sockets };
    this.order = state.order;
  }

  has(id: SocketId): boolean {
    return socketKey(this.epoch, id) in this.sockets;
  }

  /** The socket, writable; created from `info` when the store has never seen it. */
  edit(id: SocketId, info: () => SocketInfo): SocketEntry {
    const key = socketKey(this.epoch, id);
    const existing = this.sockets[key];
    if (!existing) {
      const created = newEntry(key, this.epoch, info());
      this.sockets[key] = created;
      this.copied.add(key);
      this.order = [...this.order, key];
      if (created.info.parentId) this.adopt(created.info.parentId, key);
      return created;
    }
    if (this.copied.has(key)) return existing;
    const copy = { ...existing };
    this.sockets[key] = copy;
    this.copied.add(key);
    return copy;
  }

  private adopt(parentId: SocketId, child: SocketKey): void {
    const parentKey = socketKey(this.epoch, parentId);
    const parent = this.sockets[parentKey];
    if (!parent || parent.children.includes(child)) return;
    this.edit(parentId, () => parent.info).children = [...parent.children, child];
  }

  setInfo(id: SocketId, info: SocketInfo): void {
    const entry = this.edit(id, () => info);
    entry.info = { ...entry.info, ...info };
    if (info.parentId) this.adopt(info.parentId, entry.key);
  }

  accept(serverId: SocketId, connId: SocketId, remote: SocketInfo['remote']): void {
    const server = this.edit(serverId, () => ({ id: serverId, kind: 'tcp-server', recvSize: 0 }));
    // The accepted socket may be announced after the accept itself: sketch it from what we know.
    const conn = this.edit(connId, () => ({ id: connId, kind: 'tcp-conn', parentId: serverId, recvSize: 0, remote }));
    if (!conn.info.parentId) conn.info = { ...conn.info, parentId: serverId };
    if (!server.children.includes(conn.key)) server.children = [...server.children, conn.key];
  }
}

function applyEvent(draft: SocketDraft, event: SocketEvent, bytes: Uint8Array, limits: StoreLimits): void {
  const sketch = (): SocketInfo => ({ id: event.socketId, kind: event.kind, recvSize: 0 });
  if (event.type === 'opened') {
    draft.setInfo(event.socketId, event.socket);
    return;
  }
  if (event.type === 'accept' || event.type === 'queued') {
    draft.accept(event.socketId, event.connId, event.remote);
    // draft.accept() has just created or copied the connection, so this only sets the flag.
    draft.edit(event.connId, () => ({ id: event.connId, kind: 'tcp-conn', recvSize: 0 })).waitingForAccept =
      event.type === 'queued';
    return;
  }
  const entry = draft.edit(event.socketId, sketch);
  switch (event.type) {
    case 'state':
      entry.state = event.state;
      break;
    case 'listening':
      entry.info = { ...entry.info, local: event.local };
      entry.state = 'listening';
      break;
    case 'connected':
      entry.info = { ...entry.info, local: event.local, remote: event.remote };
      entry.state = 'established';
      break;
    case 'recv':
    case 'datagram-in': {
      const extra = event.type === 'datagram-in' ? { from: event.from, lost: event.lost } : {};
      const meta = { callNo: event.readNo, seq: event.seq, t: event.t, size: event.size, ...extra };
      entry.received = appendPiece(entry.received, bytes, meta, limits.bytesPerDirection);
      if (event.type === 'datagram-in' && event.lost > 0) {
        const cut = entry.cut ?? { datagrams: 0, bytes: 0 };
        entry.cut = { datagrams: cut.datagrams + 1, bytes: cut.bytes + event.lost };
      }
      break;
    }
    case 'send':
    case 'datagram-out': {
      const extra = event.type === 'datagram-out' ? { to: event.to } : {};
      const meta = { callNo: event.writeNo, seq: event.seq, t: event.t, size: event.size, ...extra };
      entry.sent = appendPiece(entry.sent, bytes, meta, limits.bytesPerDirection);
      break;
    }
    case 'fin-sent':
      entry.finSent = true;
      if (entry.state === 'established') entry.state = 'fin-sent';
      break;
    case 'fin-received':
      entry.finReceived = true;
      if (entry.state === 'established') entry.state = 'fin-received';
      break;
    case 'reset-sent':
      entry.resetSent = true;
      break;
    case 'recv-size':
      entry.info = { ...entry.info, recvSize: event.recvSize };
      break;
    case 'no-delay':
      entry.noDelay = event.noDelay;
      break;
    case 'reading':
      entry.readingPaused = event.paused;
      break;
    case 'error':
      entry.lastError = event.error;
      break;
    case 'sensor-data': {
      const sender = `${event.from.address}:${event.from.port}`;
      entry.sensor = {
        senders: { ...entry.sensor?.senders, [sender]: event.stats },
        last: event.records.at(-1) ?? entry.sensor?.last,
      };
      break;
    }
    case 'closed':
      entry.state = 'closed';
      if (event.untraced) entry.untraced = true;
      break;
    case 'hint':
      entry.hints = [...(entry.hints ?? []), event.hint].slice(-HINTS_PER_SOCKET);
      break;
    case 'conditions':
    case 'conditions-stats':
    case 'relay-flow':
      // The network lab reads these from the batch tap; a socket card has nothing to keep of them.
      break;
    case 'call':
      // A traced program's call: the log shows it; the card keeps what it did (its other events).
      break;
    default:
      assertNever(event, 'socket event');
  }
}

function toLogEntry(key: SocketKey, event: SocketEvent, bytes: Uint8Array): LogEntry {
  if (!('data' in event)) return { key, event };
  const { data: _base64, ...rest } = event;
  const shown = bytes.subarray(0, PREVIEW_BYTES);
  return { key, event: rest, preview: toPythonBytes(shown), previewCut: shown.length < event.size };
}

/** Applies one `events` message: sockets, byte buffers, log and exact counters, in a single new state. */
export function applyBatch(
  state: PlaygroundData,
  batch: EventBatch,
  limits: StoreLimits = DEFAULT_LIMITS,
): PlaygroundData {
  const draft = new SocketDraft(state, state.epoch);
  const entries: LogEntry[] = [];
  for (const event of batch.events) {
    const bytes = 'data' in event ? fromBase64(event.data) : NO_BYTES;
    applyEvent(draft, event, bytes, limits);
    entries.push(toLogEntry(socketKey(state.epoch, event.socketId), event, bytes));
  }
  for (const [id, counters] of Object.entries(batch.counters)) {
    // Counters alone cannot say what kind of socket this is; it will show up with its events.
    if (!draft.has(id)) continue;
    const current = draft.sockets[socketKey(state.epoch, id)] as SocketEntry;
    if (sameCounters(current.counters, counters)) continue;
    draft.edit(id, () => current.info).counters = counters;
  }
  return {
    ...state,
    sockets: draft.sockets,
    order: draft.order,
    log: appendAll(state.log, entries, limits.logEvents),
    folded: state.folded + batch.folded,
  };
}

/** A reply that created a socket: show it at once, before its first events arrive. */
export function applySocketInfo(state: PlaygroundData, info: SocketInfo): PlaygroundData {
  const draft = new SocketDraft(state, state.epoch);
  draft.setInfo(info.id, info);
  return { ...state, sockets: draft.sockets, order: draft.order };
}

function sameCounters(a: SocketEntry['counters'], b: SocketEntry['counters']): boolean {
  return a.bytesIn === b.bytesIn && a.bytesOut === b.bytesOut && a.reads === b.reads && a.writes === b.writes;
}
