import { assertNever, type ProgramCall } from '@playground/protocol';
import type { AppendLog } from '../../store/appendLog.ts';
import type { Direction, LogEntry, SocketKey } from '../../store/state.ts';

export type Lane = 'client' | 'server';
export type Tone = 'handshake' | 'send' | 'recv' | 'fin' | 'rst' | 'error' | 'life' | 'wire';

/** What clicking a drawn step opens in the inspector. */
export interface PieceRef {
  key: SocketKey;
  direction: Direction;
  seq: number;
}

export interface FlowRow {
  t: number;
}

/** An arrow from one lane to the other; rows may be fractional when the far end is not an event we saw. */
export interface FlowArrow {
  id: string;
  from: { lane: Lane; row: number };
  to: { lane: Lane; row: number };
  tone: Tone;
  label: FlowLabel;
  /** The far end has not happened yet (bytes or FIN still unread by a playground socket). */
  pending: boolean;
  piece?: PieceRef;
}

/** A labelled point on one lane: a read, an error, accept(), closed. */
export interface FlowMark {
  id: string;
  lane: Lane;
  row: number;
  tone: Tone;
  label: FlowLabel;
  piece?: PieceRef;
}

export type FlowLabel =
  | { text: 'handshake' | 'accept' | 'queued' | 'fin' | 'finRead' | 'rst' | 'closed' | 'finSent' }
  | { text: 'write' | 'read'; no: number; size: number }
  /** A traced program's read or write: its call and line instead of a number. */
  | { text: 'call'; fn: string; line?: number; size: number }
  /** Bytes from a peer that is not one of the page's sockets: its writes are unseen, only their size. */
  | { text: 'inbound'; size: number }
  | { text: 'error'; code: string }
  | { text: 'segment'; flags: string; length: number };

/** A captured segment of the connection, for the optional wire lane: who sent it, when, what. */
export interface FlowSegment {
  id: string;
  t: number;
  from: Lane;
  /** `SYN, ACK`, `PSH, ACK`, or `UDP`. */
  flags: string;
  length: number;
}

export interface Flow {
  rows: FlowRow[];
  arrows: FlowArrow[];
  marks: FlowMark[];
  /** Steps left out beyond `maxRows`. */
  truncated: boolean;
}

export interface PairKeys {
  client: SocketKey | null;
  server: SocketKey | null;
  /** The listening server that accepted `server`, for its accept/queued events. */
  listener: SocketKey | null;
  /** The accepted connection's socket id, as named in the listener's events. */
  connId: string | null;
}

/** Positions in the log of the entries of one connection, extended as the log grows instead of rescanned. */
export interface PairScan {
  items: readonly LogEntry[];
  signature: string;
  scannedTo: number;
  positions: number[];
}

export function scanPair(previous: PairScan | null, log: AppendLog<LogEntry>, keys: PairKeys): PairScan {
  const signature = `${keys.client}|${keys.server}|${keys.listener}|${keys.connId}`;
  const scan =
    previous && previous.items === log.items && previous.signature === signature && previous.scannedTo <= log.tail
      ? previous
      : { items: log.items, signature, scannedTo: log.head, positions: [] };
  const positions = scan.positions.slice();
  for (let i = Math.max(scan.scannedTo, log.head); i < log.tail; i++) {
    const entry = log.items[i] as LogEntry;
    if (entry.key === keys.client || entry.key === keys.server) positions.push(i);
    else if (entry.key === keys.listener && keys.connId !== null) {
      const e = entry.event;
      if ((e.type === 'accept' || e.type === 'queued') && e.connId === keys.connId) positions.push(i);
    }
  }
  return { items: log.items, signature, scannedTo: log.tail, positions };
}

export function entriesOf(scan: PairScan, log: AppendLog<LogEntry>): LogEntry[] {
  return scan.positions.filter((p) => p >= log.head).map((p) => scan.items[p] as LogEntry);
}

function stepLabel(text: 'write' | 'read', no: number, size: number, call: ProgramCall | undefined): FlowLabel {
  if (!call) return { text, no, size };
  return call.line === undefined
    ? { text: 'call', fn: call.fn, size }
    : { text: 'call', fn: call.fn, line: call.line, size };
}

/** How far past its start a step whose other end we never saw is drawn (an outside peer). */
const SLANT = 0.6;

interface Stream {
  /** Writes in order: the stream offset of their first byte, with their row. */
  writes: { start: number; size: number; row: number; arrow: FlowArrow }[];
  /** Reads in order: the stream offset range they returned, with their row. */
  reads: { start: number; end: number; row: number }[];
  sent: number;
  read: number;
  finSent: { row: number; arrow: FlowArrow } | null;
  finReadRow: number | null;
  resetRow: { row: number; arrow: FlowArrow } | null;
  resetSeenRow: number | null;
}

const newStream = (): Stream => ({
  writes: [],
  reads: [],
  sent: 0,
  read: 0,
  finSent: null,
  finReadRow: null,
  resetRow: null,
  resetSeenRow: null,
});

const other = (lane: Lane): Lane => (lane === 'client' ? 'server' : 'client');

/**
 * A sequence diagram of one TCP connection from the events of both ends, in time order: one row
 * per step, the handshake as one step, each write an arrow to the read that returned its first
 * byte, each read with its size, FIN from each side to the read that returned b'', RST, errors.
 * An end outside the playground is a lane of its own whose events we only infer from ours.
 */
export function buildFlow(
  entries: readonly LogEntry[],
  keys: PairKeys,
  maxRows = 400,
  segments: readonly FlowSegment[] = [],
): Flow {
  const rows: FlowRow[] = [];
  const arrows: FlowArrow[] = [];
  const marks: FlowMark[] = [];
  const inPlayground: Record<Lane, boolean> = { client: keys.client !== null, server: keys.server !== null };
  // What each lane sent, as the other lane receives it.
  const streams: Record<Lane, Stream> = { client: newStream(), server: newStream() };
  let handshakeRow: number | null = null;
  let truncated = false;

  const laneOf = (entry: LogEntry): Lane | null => {
    if (entry.key === keys.client) return 'client';
    if (entry.key === keys.server || entry.key === keys.listener) return 'server';
    return null;
  };
  const addRow = (t: number): number | null => {
    if (rows.length >= maxRows) {
      truncated = true;
      return null;
    }
    rows.push({ t });
    return rows.length - 1;
  };
  const handshake = (t: number, seq: number): void => {
    if (handshakeRow !== null) return;
    const row = addRow(t);
    if (row === null) return;
    handshakeRow = row;
    arrows.push({
      id: `hs-${seq}`,
      from: { lane: 'client', row },
      to: { lane: 'server', row },
      tone: 'handshake',
      label: { text: 'handshake' },
      pending: false,
    });
  };

  // The wire lane: each captured segment an arrow of its own, on the same clock as the calls.
  let nextSegment = 0;
  const segmentsUntil = (t: number): void => {
    for (; nextSegment < segments.length && (segments[nextSegment] as FlowSegment).t < t; nextSegment++) {
      const segment = segments[nextSegment] as FlowSegment;
      const row = addRow(segment.t);
      if (row === null) return;
      arrows.push({
        id: `seg-${segment.id}`,
        from: { lane: segment.from, row },
        to: { lane: other(segment.from), row },
        tone: 'wire',
        label: { text: 'segment', flags: segment.flags, length: segment.length },
        pending: false,
      });
    }
  };

  // In time order: a traced program's calls reach the page a little after the playground's events.
  const ordered = [...entries].sort((a, b) => a.event.t - b.event.t);
  /** Draws one step. */
  const step = (entry: LogEntry): void => {
    const lane = laneOf(entry);
    if (lane === null) return;
    const e = entry.event;
    segmentsUntil(e.t);
    const peer = other(lane);
    switch (e.type) {
      case 'connected':
        handshake(e.t, e.seq);
        break;
      case 'opened':
        // The accepted connection exists once the kernel finished the handshake.
        if (lane === 'server' && entry.key === keys.server) handshake(e.t, e.seq);
        break;
      case 'accept':
      case 'queued': {
        // Concurrent servers accept at the handshake; a waiting client's accept() comes later, on its own row.
        const sameStep = e.type === 'accept' && handshakeRow !== null && rows.length - 1 === handshakeRow;
        const row = sameStep ? handshakeRow : addRow(e.t);
        if (row === null) break;
        marks.push({
          id: `m-${e.seq}`,
          lane: 'server',
          row,
          tone: 'life',
          label: { text: e.type === 'accept' ? 'accept' : 'queued' },
        });
        break;
      }
      case 'send': {
        const row = addRow(e.t);
        if (row === null) break;
        const stream = streams[lane];
        const arrow: FlowArrow = {
          id: `w-${e.seq}`,
          from: { lane, row },
          to: { lane: peer, row: row + SLANT },
          tone: 'send',
          label: stepLabel('write', e.writeNo, e.size, e.call),
          pending: inPlayground[peer],
          piece: { key: entry.key, direction: 'sent', seq: e.seq },
        };
        arrows.push(arrow);
        stream.writes.push({ start: stream.sent, size: e.size, row, arrow });
        stream.sent += e.size;
        break;
      }
      case 'recv': {
        const row = addRow(e.t);
        if (row === null) break;
        const from = streams[peer];
        const start = from.read;
        from.read += e.size;
        from.reads.push({ start, end: from.read, row });
        marks.push({
          id: `r-${e.seq}`,
          lane,
          row,
          tone: 'recv',
          label: stepLabel('read', e.readNo, e.size, e.call),
          piece: { key: entry.key, direction: 'received', seq: e.seq },
        });
        if (inPlayground[peer]) {
          // The first read holding a write's first byte is where that write's arrow lands.
          for (const w of from.writes) {
            if (w.arrow.pending && w.start >= start && w.start < from.read) {
              w.arrow.to = { lane, row };
              w.arrow.pending = false;
            }
          }
        } else {
          arrows.push({
            id: `in-${e.seq}`,
            from: { lane: peer, row: row - SLANT },
            to: { lane, row },
            tone: 'send',
            label: { text: 'inbound', size: e.size },
            pending: false,
            piece: { key: entry.key, direction: 'received', seq: e.seq },
          });
        }
        break;
      }
      case 'fin-sent': {
        const row = addRow(e.t);
        if (row === null) break;
        const arrow: FlowArrow = {
          id: `f-${e.seq}`,
          from: { lane, row },
          to: { lane: peer, row: row + SLANT },
          tone: 'fin',
          label: { text: 'fin' },
          pending: inPlayground[peer],
        };
        arrows.push(arrow);
        streams[lane].finSent = { row, arrow };
        break;
      }
      case 'fin-received': {
        const row = addRow(e.t);
        if (row === null) break;
        marks.push({ id: `fr-${e.seq}`, lane, row, tone: 'fin', label: { text: 'finRead' } });
        const fin = streams[peer].finSent;
        if (fin) {
          fin.arrow.to = { lane, row };
          fin.arrow.pending = false;
        } else if (!inPlayground[peer]) {
          arrows.push({
            id: `fin-in-${e.seq}`,
            from: { lane: peer, row: row - SLANT },
            to: { lane, row },
            tone: 'fin',
            label: { text: 'fin' },
            pending: false,
          });
        }
        break;
      }
      case 'reset-sent': {
        const row = addRow(e.t);
        if (row === null) break;
        const arrow: FlowArrow = {
          id: `rst-${e.seq}`,
          from: { lane, row },
          to: { lane: peer, row: row + SLANT },
          tone: 'rst',
          label: { text: 'rst' },
          pending: false,
        };
        arrows.push(arrow);
        streams[lane].resetRow = { row, arrow };
        break;
      }
      case 'error': {
        const row = addRow(e.t);
        if (row === null) break;
        marks.push({ id: `e-${e.seq}`, lane, row, tone: 'error', label: { text: 'error', code: e.error.code } });
        if (e.error.code === 'ECONNRESET') {
          const reset = streams[peer].resetRow;
          if (reset) reset.arrow.to = { lane, row };
          else if (!inPlayground[peer]) {
            arrows.push({
              id: `rst-in-${e.seq}`,
              from: { lane: peer, row: row - SLANT },
              to: { lane, row },
              tone: 'rst',
              label: { text: 'rst' },
              pending: false,
            });
          }
        }
        break;
      }
      case 'closed': {
        const row = addRow(e.t);
        if (row === null) break;
        marks.push({ id: `c-${e.seq}`, lane, row, tone: e.hadError ? 'error' : 'life', label: { text: 'closed' } });
        break;
      }
      case 'state':
      case 'listening':
      case 'datagram-in':
      case 'datagram-out':
      case 'recv-size':
      case 'no-delay':
      case 'reading':
      case 'conditions':
      case 'conditions-stats':
      case 'relay-flow':
      case 'sensor-data':
      case 'call':
      case 'hint':
        // Not a step of one TCP connection between its two ends.
        break;
      default:
        assertNever(e, 'socket event');
    }
  };

  // Causal order on top of time order: a read cannot come before the write of its bytes (nor a
  // b'' before the FIN). Witnesses stamp their events a little apart — the program's tracer when
  // the call returned, the playground when Node saw it — so a read that seems to precede its
  // write waits for it, and is drawn right after.
  const waiting: LogEntry[] = [];
  // `before` of the waiting ones come first: a lane's steps keep their own order.
  const early = (entry: LogEntry, before = waiting.length): boolean => {
    const lane = laneOf(entry);
    if (lane === null) return false;
    if (waiting.slice(0, before).some((w) => laneOf(w) === lane)) return true;
    if (!inPlayground[other(lane)]) return false;
    const from = streams[other(lane)];
    const e = entry.event;
    if (e.type === 'recv') return from.sent < from.read + e.size;
    return e.type === 'fin-received' && from.finSent === null;
  };
  for (const entry of ordered) {
    if (early(entry)) {
      waiting.push(entry);
      continue;
    }
    step(entry);
    for (let i = 0; i < waiting.length; ) {
      const next = waiting[i] as LogEntry;
      if (early(next, i)) i++;
      else {
        waiting.splice(i, 1);
        step(next);
      }
    }
  }
  // A write never seen (folded, or before the log's window): the read is drawn where it is.
  for (const entry of waiting) step(entry);
  segmentsUntil(Number.POSITIVE_INFINITY);
  return { rows, arrows, marks, truncated };
}
