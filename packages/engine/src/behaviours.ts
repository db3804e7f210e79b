import type { Behaviour, Endpoint } from '@playground/protocol';

/** What a behaviour may do with the TCP connection it serves. */
export interface StreamPeer {
  readonly writable: boolean;
  /** One write; the connection itself pauses reading while the write is buffered beyond its limit. */
  writeBack(piece: Uint8Array): void;
  end(): void;
}

export interface DatagramPeer {
  sendBack(data: Uint8Array, to: Endpoint): void;
}

/** The application code running on an engine socket, as in the seeds' server loops. */
export interface StreamBehaviour {
  recv(conn: StreamPeer, piece: Uint8Array): void;
  fin(conn: StreamPeer): void;
}

export interface DatagramBehaviour {
  datagram(socket: DatagramPeer, data: Uint8Array, from: Endpoint): void;
}

const tcpEcho: StreamBehaviour = {
  // `data = conn.recv(N); conn.sendall(data)`: one write per piece, so recv(16) echoes as 16,16,16,8.
  recv: (conn, piece) => {
    if (conn.writable) conn.writeBack(piece);
  },
  // `if not data: break` then close: end() sends FIN only after the pending echoes are flushed.
  fin: (conn) => {
    if (conn.writable) conn.end();
  },
};

const udpEcho: DatagramBehaviour = {
  datagram: (socket, data, from) => socket.sendBack(data, from),
};

export const streamBehaviours: Record<Behaviour, StreamBehaviour | undefined> = { echo: tcpEcho, none: undefined };

export const datagramBehaviours: Record<Behaviour, DatagramBehaviour | undefined> = { echo: udpEcho, none: undefined };
