import type { WireSegment } from '@playground/protocol';
import { type AppendLog, logAt, logSize } from './appendLog.ts';
import type { LogEntry, LoggedEvent, SocketKey } from './state.ts';
import type { WireEntry } from './wireView.ts';

/**
 * Links between two witnesses of one connection: the application's reads and writes (log events)
 * and the segments the wire carried. TCP by byte ranges — a write's `offset`..`offset+size` and a
 * segment's `streamOffset`..`+length` in the same direction's stream — so retransmissions and
 * coalesced writes link correctly. UDP by order: each datagram written (or read) is the next
 * captured datagram of that socket with the same length, as datagrams are never merged or split.
 */

/** A log event by its socket key and sequence number: what the log highlights. */
export type EventRef = `${SocketKey}#${number}`;
export const eventRef = (key: SocketKey, seq: number): EventRef => `${key}#${seq}`;

const epochOf = (key: SocketKey): number => Number(key.slice(0, key.indexOf(':')));
const idOf = (key: SocketKey): string => key.slice(key.indexOf(':') + 1);

/** Half-open ranges [a, a+m) and [b, b+n) share a byte. */
const overlaps = (a: number, m: number, b: number, n: number) => a < b + n && b < a + m;

/** Slack between the two clocks' readings of one datagram (the engine reads its clock once per tick). */
const UDP_SLACK_MS = 5;

type Datagram = Extract<LoggedEvent, { type: 'datagram-out' } | { type: 'datagram-in' }>;

/** The captured segments that carried the bytes of one logged event (none for events without bytes). */
export function segmentsForEvent(
  entries: readonly WireEntry[],
  log: AppendLog<LogEntry>,
  logEntry: LogEntry,
): WireEntry[] {
  const { event, key } = logEntry;
  const epoch = epochOf(key);
  const id = idOf(key);
  if (event.type === 'send' || event.type === 'recv') {
    if (event.offset === undefined) return [];
    const end = event.type === 'send' ? 'from' : 'to';
    return entries.filter(
      ({ epoch: e, segment: s }) =>
        e === epoch &&
        s[end] === id &&
        s.length > 0 &&
        s.tcp?.streamOffset !== undefined &&
        overlaps(s.tcp.streamOffset, s.length, event.offset as number, event.size),
    );
  }
  if (event.type === 'datagram-out' || event.type === 'datagram-in') {
    const pairs = pairDatagrams(entries, log, key, event.type);
    const match = pairs.get(event.seq);
    return match ? [match] : [];
  }
  return [];
}

/** The logged reads and writes whose bytes one captured segment carried. */
export function eventsForSegment(
  log: AppendLog<LogEntry>,
  entries: readonly WireEntry[],
  entry: WireEntry,
): EventRef[] {
  const { segment, epoch } = entry;
  if (segment.length === 0) return [];
  const refs: EventRef[] = [];
  const ends = [
    ['from', segment.from],
    ['to', segment.to],
  ] as const;
  for (const [end, id] of ends) {
    if (id === undefined) continue;
    const key: SocketKey = `${epoch}:${id}`;
    if (segment.transport === 'tcp') {
      const start = segment.tcp?.streamOffset;
      if (start === undefined) continue;
      const type = end === 'from' ? 'send' : 'recv';
      forEachOf(log, key, (e) => {
        if (e.type === type && e.offset !== undefined && overlaps(start, segment.length, e.offset, e.size))
          refs.push(eventRef(key, e.seq));
      });
    } else {
      const type = end === 'from' ? 'datagram-out' : 'datagram-in';
      for (const [seq, match] of pairDatagrams(entries, log, key, type)) {
        if (match === entry) refs.push(eventRef(key, seq));
      }
    }
  }
  return refs;
}

function forEachOf(log: AppendLog<LogEntry>, key: SocketKey, visit: (event: LoggedEvent) => void): void {
  const size = logSize(log);
  for (let i = 0; i < size; i++) {
    const item = logAt(log, i) as LogEntry;
    if (item.key === key) visit(item.event);
  }
}

/**
 * Each datagram event of one socket (by seq) with the captured datagram it was: in order, the next
 * one of the same socket and direction, the same length, at about the same time.
 */
function pairDatagrams(
  entries: readonly WireEntry[],
  log: AppendLog<LogEntry>,
  key: SocketKey,
  type: Datagram['type'],
): Map<number, WireEntry> {
  const epoch = epochOf(key);
  const id = idOf(key);
  const events: Datagram[] = [];
  forEachOf(log, key, (e) => {
    if (e.type === type) events.push(e as Datagram);
  });
  const end = type === 'datagram-out' ? 'from' : 'to';
  const captured = entries.filter((w) => w.epoch === epoch && w.segment.transport === 'udp' && w.segment[end] === id);
  const pairs = new Map<number, WireEntry>();
  let next = 0;
  for (const event of events) {
    for (let i = next; i < captured.length; i++) {
      const candidate = captured[i] as WireEntry;
      if (fits(event, candidate.segment)) {
        pairs.set(event.seq, candidate);
        next = i + 1;
        break;
      }
      // A captured datagram well after this event cannot be an earlier event's: stop looking.
      if (candidate.segment.t > event.t + UDP_SLACK_MS && type === 'datagram-out') break;
    }
  }
  return pairs;
}

function fits(event: Datagram, segment: WireSegment): boolean {
  if (event.type === 'datagram-out') {
    return segment.length === event.size && segment.dst.port === event.to.port && segment.t >= event.t - UDP_SLACK_MS;
  }
  // recvfrom(N) kept `size` bytes and lost the rest: the wire carried all of them.
  return (
    segment.length === event.size + event.lost &&
    segment.src.port === event.from.port &&
    segment.t <= event.t + UDP_SLACK_MS
  );
}

/** The log entry of `key` with sequence number `seq`: the log is in (session, seq) order, so a binary search. */
export function findLogEntry(log: AppendLog<LogEntry>, key: SocketKey, seq: number): LogEntry | undefined {
  const epoch = epochOf(key);
  let lo = 0;
  let hi = logSize(log) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = logAt(log, mid) as LogEntry;
    const e = epochOf(item.key);
    const cmp = e !== epoch ? e - epoch : item.event.seq - seq;
    if (cmp === 0) return item.key === key ? item : undefined;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
