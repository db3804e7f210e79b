import type { FramingConfig } from '@playground/protocol';
import type { SocketKey } from './socketKey.ts';

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
  /** The framing each socket last sent with: its replies most likely come back in it. */
  sentFraming: Record<SocketKey, FramingConfig>;
}

export const DEFAULT_STRUCT_FORMAT = '>iii';

export function emptyLabSettings(): LabSettings {
  return { view: 'hex', timeOrigin: 'session', framing: {}, sentFraming: {} };
}

/**
 * How a socket's bytes are cut into messages until the learner picks a framing: a framed-JSON
 * server's connections, and a client of such a server, use the server's framing and JSON payloads;
 * a socket that sent with a framing reads its replies with it; the others are raw.
 */
export function defaultReceiveFraming(
  info: { framing?: FramingConfig | undefined },
  hints: { server?: FramingConfig | undefined; sent?: FramingConfig | undefined } = {},
): ReceiveFraming {
  const json = info.framing ?? hints.server;
  if (json) return { framing: json, payload: 'json', structFormat: DEFAULT_STRUCT_FORMAT };
  if (hints.sent) return { framing: hints.sent, payload: 'text', structFormat: DEFAULT_STRUCT_FORMAT };
  return { framing: { kind: 'raw' }, payload: 'text', structFormat: DEFAULT_STRUCT_FORMAT };
}
