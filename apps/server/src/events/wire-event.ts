import { byteSize, type EngineEvent } from '@playground/engine';
import type { Counters, SocketEvent } from '@playground/protocol';

export type DataEvent = Extract<EngineEvent, { data: Uint8Array }>;

/**
 * Turns an engine event into its wire form: bytes become a base64 preview of at most `previewBytes`;
 * a TCP `recv` or `send` carries its stream `offset` when given. The byte events, which are nearly
 * all of a busy session's events, are built as one object literal each: copying them with rest and
 * spread went through V8's slow generic property copy, per event.
 */
export function toWireEvent(event: EngineEvent, previewBytes: number, offset?: number): SocketEvent {
  if (!('data' in event)) return event;
  const data = preview(event.data, previewBytes);
  const size = byteSize(event);
  const { seq, t, socketId, kind } = event;
  // A program's byte events (traced, or in the page) carry the call behind them: built like the rarer events.
  if (event.witness !== undefined || event.call !== undefined) return generic(event, size, data, offset);
  switch (event.type) {
    case 'recv':
      return offset === undefined
        ? { seq, t, socketId, kind, type: 'recv', size, data, readNo: event.readNo }
        : { seq, t, socketId, kind, type: 'recv', size, data, readNo: event.readNo, offset };
    case 'send':
      return offset === undefined
        ? { seq, t, socketId, kind, type: 'send', size, data, writeNo: event.writeNo }
        : { seq, t, socketId, kind, type: 'send', size, data, writeNo: event.writeNo, offset };
    default:
      return generic(event, size, data);
  }
}

/** The datagram events and a traced program's: rarer, with endpoints or a call to carry along. */
function generic(event: DataEvent, size: number, data: string, offset?: number): SocketEvent {
  const { data: _bytes, ...rest } = event;
  return (offset === undefined ? { ...rest, size, data } : { ...rest, size, data, offset }) as SocketEvent;
}

function preview(bytes: Uint8Array, previewBytes: number): string {
  const length = Math.min(bytes.byteLength, previewBytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('base64');
}

export function isDataEvent(event: EngineEvent): event is DataEvent {
  return 'data' in event;
}

/**
 * Where a TCP `recv`'s or `send`'s bytes begin in their direction's stream, from the totals that
 * already count it; undefined for datagrams, whose boundaries the wire keeps.
 */
export function streamOffset(counters: Counters, event: DataEvent): number | undefined {
  if (event.type === 'recv') return counters.bytesIn - byteSize(event);
  if (event.type === 'send') return counters.bytesOut - byteSize(event);
  return undefined;
}

/**
 * Adds one byte event to a socket's running totals. The outbox (what the page shows) and the
 * classroom's socket table (what the teacher's roster shows) both count with it, so they agree.
 */
export function countBytes(counters: Counters, event: DataEvent): void {
  if (event.type === 'recv' || event.type === 'datagram-in') {
    counters.bytesIn += byteSize(event);
    counters.reads++;
  } else {
    counters.bytesOut += byteSize(event);
    counters.writes++;
  }
}
