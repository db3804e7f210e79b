import { toBase64 } from '@playground/codec';
import type { Counters, EventBatch, SocketEvent, SocketInfo, SocketKind } from '@playground/protocol';

/** Builds wire events the way the bridge sends them: numbered, timed, bytes in base64. */
export class Wire {
  private seq = 0;
  private t = 0;
  private readonly calls = new Map<string, number>();

  private stamp(socketId: string, kind: SocketKind) {
    this.seq += 1;
    this.t += 0.25;
    return { seq: this.seq, t: this.t, socketId, kind };
  }

  private nextCall(socketId: string, direction: 'in' | 'out'): number {
    const key = `${socketId}/${direction}`;
    const n = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, n);
    return n;
  }

  opened(socket: SocketInfo): SocketEvent {
    return { ...this.stamp(socket.id, socket.kind), type: 'opened', socket };
  }

  error(socketId: string, kind: SocketKind, error: Extract<SocketEvent, { type: 'error' }>['error']): SocketEvent {
    return { ...this.stamp(socketId, kind), type: 'error', error };
  }

  /** The server, the client and the connection the server accepted for it, as they open. */
  openedConnection(): SocketEvent[] {
    return [this.opened(server), this.opened(client), this.opened(conn)];
  }

  recv(socketId: string, bytes: Uint8Array, kind: SocketKind = 'tcp-conn'): SocketEvent {
    const readNo = this.nextCall(socketId, 'in');
    return { ...this.stamp(socketId, kind), type: 'recv', size: bytes.length, data: toBase64(bytes), readNo };
  }

  send(socketId: string, bytes: Uint8Array, kind: SocketKind = 'tcp-client'): SocketEvent {
    const writeNo = this.nextCall(socketId, 'out');
    return { ...this.stamp(socketId, kind), type: 'send', size: bytes.length, data: toBase64(bytes), writeNo };
  }

  datagramIn(socketId: string, bytes: Uint8Array, lost = 0): SocketEvent {
    const readNo = this.nextCall(socketId, 'in');
    const from = { address: '127.0.0.1', port: 50000, family: 'IPv4' as const };
    return {
      ...this.stamp(socketId, 'udp'),
      type: 'datagram-in',
      size: bytes.length,
      data: toBase64(bytes),
      from,
      lost,
      readNo,
    };
  }

  event<T extends SocketEvent['type']>(
    type: T,
    socketId: string,
    kind: SocketKind,
    extra: Omit<Extract<SocketEvent, { type: T }>, 'seq' | 't' | 'socketId' | 'kind' | 'type'>,
  ): SocketEvent {
    return { ...this.stamp(socketId, kind), type, ...extra } as SocketEvent;
  }
}

export const text = (s: string) => new TextEncoder().encode(s);

export function batch(events: SocketEvent[], counters: Record<string, Counters> = {}, folded = 0): EventBatch {
  return { type: 'events', events, folded, counters };
}

export const endpoint = (address: string, port: number) => ({
  address,
  port,
  family: address.includes(':') ? ('IPv6' as const) : ('IPv4' as const),
});

export const server: SocketInfo = {
  id: 's1',
  kind: 'tcp-server',
  local: endpoint('127.0.0.1', 65432),
  recvSize: 16,
  behaviour: 'echo',
  backlog: 128,
};

export const client: SocketInfo = {
  id: 's2',
  kind: 'tcp-client',
  local: endpoint('127.0.0.1', 51234),
  remote: endpoint('127.0.0.1', 65432),
  recvSize: 1024,
};

export const conn: SocketInfo = {
  id: 's3',
  kind: 'tcp-conn',
  parentId: 's1',
  local: endpoint('127.0.0.1', 65432),
  remote: endpoint('127.0.0.1', 51234),
  recvSize: 16,
};
