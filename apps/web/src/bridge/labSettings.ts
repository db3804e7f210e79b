import type { FramingConfig } from '@playground/protocol';
import type { SocketKey } from './state.ts';

/** What the byte inspector shows of the selected socket. */
export type InspectorView = 'hex' | 'ribbon' | 'frames' | 'struct';

/** How a received message's payload is shown in the frames pane. */
export type PayloadView = 'text' | 'json' | 'struct';

/** The receiving side of the chunk lab, per socket: how its bytes are cut into messages and read. */
export interface ReceiveFraming {
  framing: FramingConfig;
  payload: PayloadView;
  /** Python struct format for `payload: 'struct'` and the struct view. */
  structFormat: string;
  /** Names for the unpacked values, as in a namedtuple: "temp, humidity, id". */
  structNames?: string;
}

/**
 * What the times of the log and the flow diagram count from: the session's start, the selected
 * connection's first event, or the row before.
 */
export type TimeOrigin = 'session' | 'connection' | 'previous';

export interface LabSettings {
  view: InspectorView;
  timeOrigin: TimeOrigin;
  /** Only sockets the learner configured; the others use `defaultReceiveFraming`. */
  framing: Record<SocketKey, ReceiveFraming>;
}

export const DEFAULT_STRUCT_FORMAT = '>iii';

export function emptyLabSettings(): LabSettings {
  return { view: 'hex', timeOrigin: 'session', framing: {} };
}

/** A framed-JSON server's connections start with the server's framing and JSON payloads; others raw. */
export function defaultReceiveFraming(info: { framing?: FramingConfig | undefined }): ReceiveFraming {
  return info.framing
    ? { framing: info.framing, payload: 'json', structFormat: DEFAULT_STRUCT_FORMAT }
    : { framing: { kind: 'raw' }, payload: 'text', structFormat: DEFAULT_STRUCT_FORMAT };
}
