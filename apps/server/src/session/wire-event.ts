import { byteSize, type EngineEvent } from '@playground/engine';
import type { Counters, SocketEvent } from '@playground/protocol';

type DataEvent = Extract<EngineEvent, { data: Uint8Array }>;

/**
 * Turns an engine event into its wire form: bytes become a base64 preview of at most `previewBytes`.
 * The byte events, which are nearly all of a busy session's events, are built as one object literal
 * each: copying them with rest and spread went through V8's slow generic property copy, per event.
 */
export function toWireEvent(event: EngineEvent, previewBytes: number): SocketEvent {
  if (!('data' in event)) return event;
  const data = preview(event.data, previewBytes);
  const size = byteSize(event);
  const { seq, t, socketId, kind } = event;
  // A traced program's byte events carry the call behind them: built like the rarer events.
  if (event.witness !== undefined) return generic(event, size, data);
  switch (event.type) {
    case 'recv':
      return { seq, t, socketId, kind, type: 'recv', size, data, readNo: event.readNo };
    case 'send':
      return { seq, t, socketId, kind, type: 'send', size, data, writeNo: event.writeNo };
    default:
      return generic(event, size, data);
  }
}

/** The datagram events: rarer, with endpoints to carry along. */
function generic(event: DataEvent, size: number, data: string): SocketEvent {
  const { data: _bytes, ...rest } = event;
  return { ...rest, size, data } as SocketEvent;
}

function preview(bytes: Uint8Array, previewBytes: number): string {
  const length = Math.min(bytes.byteLength, previewBytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('base64');
}

export function isDataEvent(event: EngineEvent): event is DataEvent {
  return 'data' in event;
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
