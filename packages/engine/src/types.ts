import type {
  Behaviour,
  Concurrency,
  ErrorInfo,
  FramingConfig,
  SensorServerConfigInput,
  SocketEvent,
  SocketInfo,
} from '@playground/protocol';

/**
 * The engine's events are the wire events with raw bytes instead of base64. `size` is absent for the
 * engine's own sockets (the bytes are all there); a traced program's event may carry only the first
 * bytes of a large call, and then says how many there were (see `byteSize`).
 */
type WithBytes<E> = E extends { data: string; size: number }
  ? Omit<E, 'data' | 'size'> & { data: Uint8Array; size?: number }
  : E;
export type EngineEvent = WithBytes<SocketEvent>;

/** How many bytes a byte event moved: all of them, even when `data` holds only the first ones. */
export function byteSize(event: { data: Uint8Array; size?: number }): number {
  return event.size ?? event.data.byteLength;
}
export type EngineEventType = EngineEvent['type'];

export type EventSink = (event: EngineEvent) => void;

export interface TcpListenOptions {
  host: string;
  port: number;
  backlog?: number;
  recvSize?: number;
  behaviour?: Behaviour;
  /** Serve every client at once (default), or one at a time like a plain accept() loop. */
  concurrency?: Concurrency;
  /** framed-json: how messages are framed (default: seed 002's length padded to 60). */
  framing?: FramingConfig;
  /** sensor: the record format each connection decodes, and whether it acknowledges. */
  sensor?: SensorServerConfigInput;
  /** false: refuse a port another connection still holds, as a socket without SO_REUSEADDR (the seeds') does. */
  reuseAddress?: boolean;
  /** A program in the page drives it: it reads (and accepts) only when that program calls recv (accept). */
  manual?: boolean;
}

export interface TcpConnectOptions {
  host: string;
  port: number;
  recvSize?: number;
  timeoutMs?: number;
  /** Clients opened together share a group name in their SocketInfo. */
  group?: string;
  /** A program in the page drives it: it reads (and accepts) only when that program calls recv (accept). */
  manual?: boolean;
}

export interface UdpBindOptions {
  host: string;
  port: number;
  recvSize?: number;
  behaviour?: Behaviour;
  remote?: { host: string; port: number };
  /** framed-json: how each datagram's message is framed. */
  framing?: FramingConfig;
  /** sensor: the record format each datagram carries, and whether it acknowledges. */
  sensor?: SensorServerConfigInput;
  /** A program in the page drives it: it reads (and accepts) only when that program calls recv (accept). */
  manual?: boolean;
}

export interface Target {
  host: string;
  port: number;
}

/**
 * Asked right before a socket reaches a peer that no command named just now: each connection a
 * conditions relay opens to its target, each datagram a UDP relay forwards, each datagram to a UDP
 * socket's default peer. What was allowed when the relay or the default was set up may not be any
 * more (the server closed, or is no longer shared). Undefined: go ahead; otherwise why not.
 */
export type DestinationCheck = (
  target: Target,
  transport: 'tcp' | 'udp',
  via: 'relay' | 'default-peer',
) => ErrorInfo | undefined;

export type { ErrorInfo, SocketInfo };
