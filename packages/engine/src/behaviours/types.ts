import type { Endpoint, FramingConfig, SensorInfo } from '@playground/protocol';
import type { EventBody } from '../event-stamper.ts';

/** What a behaviour may do with the TCP connection it serves. */
export interface StreamPeer {
  readonly writable: boolean;
  /** Bytes handed to Node that the kernel has not taken yet: a generator waits while they pile up. */
  readonly buffered: number;
  /** One write; the connection itself pauses reading while the write is buffered beyond its limit. */
  writeBack(piece: Uint8Array): void;
  /** shutdown(SHUT_WR): FIN after the writes still buffered. */
  end(): void;
}

export interface DatagramPeer {
  sendBack(data: Uint8Array, to: Endpoint): void;
}

/**
 * The application code running on one accepted connection, as in the seeds' server loops. One
 * object per connection, so a behaviour may keep state (a frame decoder, a timer).
 */
export interface StreamBehaviour {
  /** The connection is established (RFC 865/867 servers speak first, then close). */
  open?(conn: StreamPeer): void;
  /** One recv(N) piece. */
  recv?(conn: StreamPeer, piece: Uint8Array): void;
  /** recv() returned b'': the peer sent FIN. */
  fin?(conn: StreamPeer): void;
  /** The socket is gone: stop timers. */
  close?(): void;
}

/** The application code of one UDP endpoint. */
export interface DatagramBehaviour {
  datagram(socket: DatagramPeer, data: Uint8Array, from: Endpoint): void;
  close?(): void;
}

export interface BehaviourOptions {
  /** The framing a framed-json server decodes and answers with. */
  framing?: FramingConfig | undefined;
  /** Injected clocks and randomness, so tests can pin what daytime, qotd and chargen say. */
  now?: () => Date;
  random?: () => number;
  /** For `sensor`: the record format the server decodes, and whether it acknowledges. */
  sensor?: SensorInfo | undefined;
  /** The peer of the connection a stream behaviour serves. */
  remote?: Endpoint | undefined;
  /** Reports an event of the behaviour's own on its socket (e.g. a sensor server's `sensor-data`). */
  emit?: ((event: EventBody) => void) | undefined;
}

/** Closes our side once the peer has: the `if not data: break` then close() of every seed server. */
export function endWhenPeerEnds(conn: StreamPeer): void {
  if (conn.writable) conn.end();
}

export const encodeText = (text: string): Uint8Array => new TextEncoder().encode(text);
