import { createServer, type Server, type Socket } from 'node:net';
import type { Behaviour, Concurrency, Endpoint, FramingConfig, SensorInfo, SocketInfo } from '@playground/protocol';
import { endpoint } from './endpoints.ts';
import { heldWithoutReuse, invalidState, refusedByQuota, toEngineError } from './errors.ts';
import type { Channel } from './event-stamper.ts';
import { bindConflicts } from './kernel/bind-conflicts.ts';
import { type ReadinessBus, WaitSlot } from './program-wait.ts';
import { type Registry, SocketHandle } from './socket-handle.ts';
import { acceptedSocket } from './socket-reading.ts';
import { TcpStream } from './tcp-stream.ts';

export interface ListenOptions {
  host: string;
  port: number;
  backlog: number;
  recvSize: number;
  behaviour: Behaviour;
  concurrency: Concurrency;
  /** framed-json: what each connection decodes and answers with. */
  framing?: FramingConfig | undefined;
  /** sensor: the records each connection decodes. */
  sensor?: SensorInfo | undefined;
  /** false: like a socket without SO_REUSEADDR, refuse a port that a connection still holds. */
  reuseAddress: boolean;
  /** A program in the page drives it: connections wait (`queued`) until its accept() takes them. */
  program?: ReadinessBus | undefined;
}

/** A listening socket: every accepted connection becomes a tcp-conn socket of the same engine. */
export class TcpServer extends SocketHandle {
  readonly #server: Server;
  readonly #registry: Registry;
  readonly #options: ListenOptions;
  readonly #conns = new Set<TcpStream>();
  /** One-at-a-time: the connection being served, and those the kernel connected that wait for accept(). */
  #serving: TcpStream | undefined;
  readonly #waiting: TcpStream[] = [];
  /** A program's server: connections the kernel completed that its accept() has not taken yet. */
  readonly #unaccepted: TcpStream[] = [];
  readonly #acceptCall: WaitSlot<TcpStream>;

  constructor(channel: Channel, registry: Registry, options: ListenOptions) {
    const { host, port, backlog, recvSize, behaviour } = options;
    super(channel, {
      local: endpoint(host, port),
      recvSize,
      behaviour,
      backlog,
      concurrency: options.concurrency,
      ...(options.reuseAddress ? {} : { reuseAddress: false }),
      ...(options.framing ? { framing: options.framing } : {}),
      ...(options.sensor ? { sensor: options.sensor } : {}),
      ...(options.program ? { manual: true } : {}),
    });
    this.#acceptCall = new WaitSlot(channel.socketId, 'accept');
    this.#registry = registry;
    this.#options = options;
    // Accepted sockets read nothing until acceptedSocket() has made them read into the engine's buffer.
    this.#server = createServer({ allowHalfOpen: true, pauseOnConnect: true });
    this.#server.on('error', (err) => {
      this.report(toEngineError(err, { host, port }));
      // A failed listen leaves nothing to serve; later errors (a failed accept) do not stop the server.
      if (this.state !== 'listening') this.#server.close();
    });
    this.#server.on('close', () => this.finish());
    void this.closed.then(() => {
      this.#acceptCall.fail(invalidState(this.id, 'is closed.'));
      options.program?.changed();
    });
    this.#server.on('connection', (socket: Socket) => this.#accept(socket));
    this.#server.on('listening', () => this.#listening());
  }

  protected begin(): void {
    const { host, port, reuseAddress } = this.#options;
    // Port 0 never conflicts: the kernel picks a port nothing holds.
    if (reuseAddress || port === 0) {
      this.#listen();
      return;
    }
    bindConflicts(host, port).then(
      (held) => {
        if (!this.open) return;
        const blocking = held?.find((s) => s.state === 'TIME_WAIT') ?? held?.[0];
        if (blocking === undefined) this.#listen();
        else {
          this.report(heldWithoutReuse(host, port, blocking));
          this.#server.close();
        }
      },
      (err: unknown) => this.#server.emit('error', err),
    );
  }

  #listen(): void {
    const { host, port, backlog } = this.#options;
    try {
      this.#server.listen({ host, port, backlog });
    } catch (err) {
      this.#server.emit('error', err);
    }
  }

  /** A program's accept(): the oldest connection waiting, or the next to come within `timeoutMs`. */
  accept(timeoutMs: number): Promise<SocketInfo> {
    if (!this.#options.program) throw invalidState(this.id, 'is not driven by a program, so it accepts by itself.');
    if (!this.open) throw invalidState(this.id, 'is closed.');
    const next = this.#unaccepted.shift();
    const conn = next ? Promise.resolve(next) : this.#acceptCall.wait(timeoutMs);
    return conn.then((c) => {
      this.channel.emit({
        type: 'accept',
        connId: c.id,
        remote: c.snapshot().remote ?? endpoint(undefined, undefined),
      });
      return c.snapshot();
    });
  }

  /** accept() would not block. */
  get readable(): boolean {
    return this.#unaccepted.length > 0 || !this.open;
  }

  close(): Promise<void> {
    if (this.open) this.#server.close();
    // Also after stopListening: closing a server closes the connections it accepted.
    for (const conn of this.#conns) void conn.close();
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
    const max = this.#registry.socketQuotaReached();
    if (max !== undefined) {
      // A reset tells the peer at once; the server itself is fine, so this is not its lastError.
      socket.on('error', () => {});
      socket.resetAndDestroy();
      this.channel.emit({ type: 'error', error: refusedByQuota(remote, max).toInfo() });
      return;
    }
    // One at a time: while a client is being served, the next waits for accept() with its bytes unread.
    const waits = this.#options.concurrency === 'one-at-a-time' && this.#serving !== undefined;
    const conn = this.#registry.adopt(
      'tcp-conn',
      (channel) =>
        new TcpStream(
          channel,
          (sink) => acceptedSocket(socket, sink),
          {
            parentId: this.id,
            local: endpoint(socket.localAddress, socket.localPort),
            remote,
            recvSize: this.info.recvSize,
            behaviour: this.#options.behaviour,
            ...(this.#options.framing ? { framing: this.#options.framing } : {}),
            ...(this.#options.sensor ? { sensor: this.#options.sensor } : {}),
          },
          this.#registry.readingPaused(),
          waits,
          this.#options.program,
        ),
    );
    this.#conns.add(conn);
    void conn.closed.then(() => this.#conns.delete(conn));
    if (this.#options.program) {
      this.#waitForProgram(conn, remote);
      return;
    }
    if (this.#options.concurrency === 'concurrent') {
      this.channel.emit({ type: 'accept', connId: conn.id, remote });
      return;
    }
    void conn.closed.then(() => this.#done(conn));
    if (waits) {
      this.#waiting.push(conn);
      this.channel.emit({ type: 'queued', connId: conn.id, remote, position: this.#waiting.length });
    } else this.#serve(conn, remote);
  }

  /**
   * The listening socket closes at once (new clients get ECONNREFUSED); the connections accepted so
   * far stay open. Node's server reports 'close' only after they end, so the socket is closed here.
   * Waiting clients were never accept()ed: as when a program closes its listening socket with
   * connections still in the kernel's queue, they are reset.
   */
  stopListening(): void {
    if (!this.open) throw invalidState(this.id, 'is not listening any more.');
    this.#server.close();
    for (const conn of [...this.#waiting.splice(0), ...this.#unaccepted.splice(0)]) {
      try {
        conn.reset();
      } catch {
        // Already closing: nothing to reset.
      }
    }
    this.finish();
  }

  /** The connection waits in the kernel's queue until the program's accept() takes it (or it closes first). */
  #waitForProgram(conn: TcpStream, remote: Endpoint): void {
    if (this.#acceptCall.waiting) {
      this.#acceptCall.settle(conn);
      return;
    }
    this.#unaccepted.push(conn);
    void conn.closed.then(() => {
      const at = this.#unaccepted.indexOf(conn);
      if (at >= 0) this.#unaccepted.splice(at, 1);
    });
    this.channel.emit({ type: 'queued', connId: conn.id, remote, position: this.#unaccepted.length });
    this.#options.program?.changed();
  }

  /** accept() returned: this connection is served now, and its bytes are read. */
  #serve(conn: TcpStream, remote: Endpoint): void {
    this.#serving = conn;
    conn.waitForAccept(false);
    this.channel.emit({ type: 'accept', connId: conn.id, remote });
  }

  /** The served client closed (or a waiting one gave up): the accept() loop takes the next in line. */
  #done(conn: TcpStream): void {
    const at = this.#waiting.indexOf(conn);
    if (at >= 0) this.#waiting.splice(at, 1);
    if (this.#serving !== conn) return;
    this.#serving = undefined;
    const next = this.#waiting.shift();
    if (next) this.#serve(next, next.snapshot().remote ?? endpoint(undefined, undefined));
  }
}
