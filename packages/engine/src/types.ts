import type { Behaviour, ErrorInfo, SocketEvent, SocketInfo } from '@playground/protocol';

/** The engine's events are the wire events with raw bytes instead of base64 and no separate size. */
type WithBytes<E> = E extends { data: string; size: number } ? Omit<E, 'data' | 'size'> & { data: Uint8Array } : E;
export type EngineEvent = WithBytes<SocketEvent>;
export type EngineEventType = EngineEvent['type'];

export type EventSink = (event: EngineEvent) => void;

export interface TcpListenOptions {
  host: string;
  port: number;
  backlog?: number;
  recvSize?: number;
  behaviour?: Behaviour;
}

export interface TcpConnectOptions {
  host: string;
  port: number;
  recvSize?: number;
  timeoutMs?: number;
}

export interface UdpBindOptions {
  host: string;
  port: number;
  recvSize?: number;
  behaviour?: Behaviour;
  remote?: { host: string; port: number };
}

export interface Target {
  host: string;
  port: number;
}

export type { ErrorInfo, SocketInfo };
