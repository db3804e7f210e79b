import { createServer, type Server, type Socket } from 'node:net';
import type { Behaviour } from '@playground/protocol';
import { endpoint } from './endpoints.ts';
import { toEngineError } from './errors.ts';
import type { Channel } from './event-stamper.ts';
import { type Registry, SocketHandle } from './socket-handle.ts';
import { TcpStream } from './tcp-stream.ts';

export interface ListenOptions {
  host: string;
  port: number;
  backlog: number;
  recvSize: number;
  behaviour: Behaviour;
}

/** A listening socket: every accepted connection becomes a tcp-conn socket of the same engine. */
export class TcpServer extends SocketHandle {
  readonly #server: Server;
  readonly #registry: Registry;
  readonly #options: ListenOptions;
  readonly #conns = new Set<TcpStream>();

  constructor(channel: Channel, registry: Registry, options: ListenOptions) {
    const { host, port, backlog, recvSize, behaviour } = options;
    super(channel, { local: endpoint(host, port), recvSize, behaviour, backlog });
    this.#registry = registry;
    this.#options = options;
    this.#server = createServer({ allowHalfOpen: true });
    this.#server.on('error', (err) => {
      this.report(toEngineError(err, { host, port }));
      // A failed listen leaves nothing to serve; later errors (a failed accept) do not stop the server.
      if (this.state !== 'listening') this.#server.close();
    });
    this.#server.on('close', () => this.finish());
    this.#server.on('connection', (socket: Socket) => this.#accept(socket));
    this.#server.on('listening', () => this.#listening());
  }

  protected begin(): void {
    const { host, port, backlog } = this.#options;
    try {
      this.#server.listen({ host, port, backlog });
    } catch (err) {
      this.#server.emit('error', err);
    }
  }

  close(): Promise<void> {
    if (this.open) {
      this.#server.close();
      for (const conn of this.#conns) void conn.close();
    }
    return Promise.all([this.closed, ...Array.from(this.#conns, (c) => c.closed)]).then(() => undefined);
  }

  #listening(): void {
    // A host name is looked up before listening, so close() may have come first.
    if (!this.open) {
      this.#server.close();
      return;
    }
    const address = this.#server.address();
    if (address !== null && typeof address === 'object') this.info.local = endpoint(address.address, address.port);
    this.channel.emit({ type: 'listening', local: this.info.local ?? endpoint(undefined, undefined) });
    this.setState('listening');
    this.markReady();
  }

  #accept(socket: Socket): void {
    const remote = endpoint(socket.remoteAddress, socket.remotePort);
    const conn = this.#registry.adopt(
      'tcp-conn',
      (channel) =>
        new TcpStream(
          channel,
          socket,
          {
            parentId: this.id,
            local: endpoint(socket.localAddress, socket.localPort),
            remote,
            recvSize: this.info.recvSize,
            behaviour: this.#options.behaviour,
          },
          this.#registry.readingPaused(),
        ),
    );
    this.#conns.add(conn);
    void conn.closed.then(() => this.#conns.delete(conn));
    this.channel.emit({ type: 'accept', connId: conn.id, remote });
  }
}
