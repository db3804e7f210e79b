import type { EngineEvent } from '@playground/engine';
import type { SocketEvent } from '@playground/protocol';

/** Turns an engine event into its wire form: bytes become a base64 preview of at most `previewBytes`. */
export function toWireEvent(event: EngineEvent, previewBytes: number): SocketEvent {
  if (!('data' in event)) return event;
  const { data, ...rest } = event;
  const shown = data.byteLength > previewBytes ? data.subarray(0, previewBytes) : data;
  const base64 = Buffer.from(shown.buffer, shown.byteOffset, shown.byteLength).toString('base64');
  return { ...rest, size: data.byteLength, data: base64 } as SocketEvent;
}

export function isDataEvent(event: EngineEvent): event is Extract<EngineEvent, { data: Uint8Array }> {
  return 'data' in event;
}
