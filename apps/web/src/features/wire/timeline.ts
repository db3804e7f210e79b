import { type AppendLog, logAt, logSize } from '../../store/appendLog.ts';
import type { LogEntry, SocketKey } from '../../store/state.ts';
import { segmentId, type WireEntry } from '../../store/wireView.ts';

/** One row of the wire view: a captured segment, or (interleaved, on the same clock) a socket call. */
export type WireRow = { kind: 'segment'; id: string; entry: WireEntry } | { kind: 'call'; id: string; log: LogEntry };

/** The socket calls shown between the segments: the ones a segment is the wire's side of. */
const CALLS = new Set([
  'send',
  'recv',
  'datagram-out',
  'datagram-in',
  'connected',
  'accept',
  'fin-sent',
  'fin-received',
  'reset-sent',
  'reading',
  'no-delay',
  'error',
]);
/** Calls interleaved at most: the newest, so a long session stays quick to draw. */
const MAX_CALLS = 5000;

export interface RowOptions {
  /** Interleave the application's calls (reads, writes, FIN…) with the segments. */
  calls: boolean;
  /** Only this socket's connection(s) (and what the wire view knows of their other end). */
  socket: SocketKey | null;
  /** When the capture began (the session clock): calls from then on are shown. Default: a second before the first segment. */
  since?: number;
}

/** Without a start time, calls this long before the first segment still show (the write that made it). */
const LEAD_MS = 1000;

/** Socket keys of the connections a socket took part in, as the wire saw them (both ends). */
function connectionOf(
  entries: readonly WireEntry[],
  socket: SocketKey,
): { keys: Set<string>; segments: Set<WireEntry> } {
  const connections = new Set<string>();
  for (const { epoch, segment } of entries) {
    const mine = `${epoch}:${segment.from}` === socket || `${epoch}:${segment.to}` === socket;
    if (mine)
      connections.add(
        `${epoch}:${segment.transport}:${segment.tcp?.connection ?? `${segment.src.port}-${segment.dst.port}`}`,
      );
  }
  const keys = new Set<string>([socket]);
  const segments = new Set<WireEntry>();
  for (const entry of entries) {
    const { epoch, segment } = entry;
    const key = `${epoch}:${segment.transport}:${segment.tcp?.connection ?? `${segment.src.port}-${segment.dst.port}`}`;
    if (!connections.has(key)) continue;
    segments.add(entry);
    if (segment.from) keys.add(`${epoch}:${segment.from}`);
    if (segment.to) keys.add(`${epoch}:${segment.to}`);
  }
  return { keys, segments };
}

/**
 * The wire view's rows in time order: the segments and, interleaved, the calls of the sockets the
 * segments belong to since the capture began (the session's clock is one for both witnesses).
 */
export function wireRows(entries: readonly WireEntry[], log: AppendLog<LogEntry>, options: RowOptions): WireRow[] {
  const only = options.socket === null ? null : connectionOf(entries, options.socket);
  const segments = only ? entries.filter((e) => only.segments.has(e)) : entries;
  const rows: WireRow[] = segments.map((entry) => ({ kind: 'segment', id: segmentId(entry), entry }));
  const first = segments[0];
  if (!options.calls || !first) return rows;
  const sockets =
    only?.keys ?? new Set(segments.flatMap(({ epoch, segment: s }) => [`${epoch}:${s.from}`, `${epoch}:${s.to}`]));
  const calls: WireRow[] = [];
  const since = Math.min(options.since ?? Number.POSITIVE_INFINITY, first.segment.t - LEAD_MS);
  // Newest first, back to when the capture began in the first segment's session.
  for (let i = logSize(log) - 1; i >= 0 && calls.length < MAX_CALLS; i--) {
    const item = logAt(log, i) as LogEntry;
    const epoch = Number(item.key.slice(0, item.key.indexOf(':')));
    if (epoch < first.epoch || (epoch === first.epoch && item.event.t < since)) break;
    if (CALLS.has(item.event.type) && sockets.has(item.key))
      calls.push({ kind: 'call', id: `${item.key}#${item.event.seq}`, log: item });
  }
  calls.reverse();
  return merge(rows, calls);
}

const epochOfRow = (row: WireRow) =>
  row.kind === 'segment' ? row.entry.epoch : Number(row.log.key.slice(0, row.log.key.indexOf(':')));
const timeOf = (row: WireRow) => (row.kind === 'segment' ? row.entry.segment.t : row.log.event.t);

/** Both lists are in (session, time) order; on a tie the call comes first (it caused the segment). */
function merge(segments: WireRow[], calls: WireRow[]): WireRow[] {
  const out: WireRow[] = [];
  let i = 0;
  let j = 0;
  while (i < segments.length || j < calls.length) {
    const s = segments[i];
    const c = calls[j];
    const takeCall =
      c !== undefined &&
      (s === undefined || epochOfRow(c) < epochOfRow(s) || (epochOfRow(c) === epochOfRow(s) && timeOf(c) <= timeOf(s)));
    if (takeCall) {
      out.push(c);
      j++;
    } else {
      out.push(s as WireRow);
      i++;
    }
  }
  return out;
}
