import { type Counters, MAX_RECV_SIZE, MIN_RECV_SIZE, type SocketInfo, type SocketKind } from '@playground/protocol';
import { EngineError, unknownSocket, wrongKind } from './errors.ts';
import { Channel, EventStamper } from './event-stamper.ts';
import type { Registry, SocketHandle } from './socket-handle.ts';
import { TcpClient } from './tcp-client.ts';
import { TcpServer } from './tcp-server.ts';
import { TcpStream } from './tcp-stream.ts';
import type { EventSink, Target, TcpConnectOptions, TcpListenOptions, UdpBindOptions } from './types.ts';
import { UdpEndpoint } from './udp-endpoint.ts';

export interface EngineOptions {
  /** Called synchronously for every event; it must not throw. */
  onEvent: EventSink;
  now?: () => number;
}

/** Closed sockets stay answerable (info, counters, invalid_state) until this many more have closed. */
const RETAINED_CLOSED = 1000;
const DEFAULT_RECV_SIZE = 1024;

/** The sockets of one browser session: ids, event numbering and the commands on them. */
export class Engine {
  readonly #stamper: EventStamper;
  readonly #all = new Map<string, SocketHandle>();
  readonly #live = new Set<SocketHandle>();
  readonly #retired: string[] = [];
  #lastId = 0;
  #readingPaused = false;
  readonly #registry: Registry = {
    adopt: <T extends SocketHandle>(kind: SocketKind, make: (channel: Channel) => T) => this.#adopt(kind, make),
    readingPaused: () => this.#readingPaused,
  };

  constructor(options: EngineOptions) {
    this.#stamper = new EventStamper(options.onEvent, options.now ?? (() => performance.now()));
  }

  async tcpListen(o: TcpListenOptions): Promise<SocketInfo> {
    const options = {
      host: o.host,
      port: o.port,
      backlog: o.backlog ?? 128,
      recvSize: checkRecvSize(o.recvSize),
      behaviour: o.behaviour ?? 'echo',
    };
    return this.#adopt('tcp-server', (channel) => new TcpServer(channel, this.#registry, options)).ready.promise;
  }

  async tcpConnect(o: TcpConnectOptions): Promise<SocketInfo> {
    const target = { host: o.host, port: o.port, timeoutMs: o.timeoutMs ?? 5000 };
    const recvSize = checkRecvSize(o.recvSize);
    return this.#adopt('tcp-client', (channel) => new TcpClient(channel, target, recvSize, this.#readingPaused)).ready
      .promise;
  }

  async udpBind(o: UdpBindOptions): Promise<SocketInfo> {
    const options = {
      host: o.host,
      port: o.port,
      recvSize: checkRecvSize(o.recvSize),
      behaviour: o.behaviour ?? 'none',
      remote: o.remote,
    };
    return this.#adopt('udp', (channel) => new UdpEndpoint(channel, options)).ready.promise;
  }

  async send(id: string, bytes: Uint8Array, to?: Target): Promise<number> {
    const socket = this.#get(id);
    if (socket instanceof UdpEndpoint) return socket.send(bytes, to);
    if (!(socket instanceof TcpStream)) {
      throw wrongKind(id, socket.kind, 'it only accepts connections; send on one of those instead.');
    }
    if (to !== undefined) {
      throw wrongKind(id, socket.kind, 'a TCP connection always sends to its peer, so it takes no destination.');
    }
    return socket.send(bytes);
  }

  end(id: string): void {
    this.#stream(id, 'only TCP connections can be half-closed.').end();
  }

  reset(id: string): void {
    this.#stream(id, 'only TCP connections can be reset.').reset();
  }

  async close(id: string): Promise<void> {
    await this.#get(id).close();
  }

  setRecvSize(id: string, recvSize: number): void {
    this.#get(id).setRecvSize(checkRecvSize(recvSize));
  }

  info(id: string): SocketInfo | undefined {
    return this.#all.get(id)?.snapshot();
  }

  sockets(): SocketInfo[] {
    const open: SocketInfo[] = [];
    for (const socket of this.#live) if (socket.open) open.push(socket.snapshot());
    return open;
  }

  counters(id: string): Counters | undefined {
    const socket = this.#all.get(id);
    return socket && { ...socket.counters };
  }

  pauseReading(): void {
    this.#holdReading(true);
  }

  resumeReading(): void {
    this.#holdReading(false);
  }

  async closeAll(): Promise<void> {
    await Promise.all(Array.from(this.#live, (socket) => socket.close()));
    // Servers and UDP sockets report 'close' before libuv has released their handle, which happens in
    // the loop's close phase; two check phases later it has run, so no handle is left behind.
    await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
  }

  #adopt<T extends SocketHandle>(kind: SocketKind, make: (channel: Channel) => T): T {
    const socket = make(new Channel(this.#stamper, `s${++this.#lastId}`, kind));
    this.#all.set(socket.id, socket);
    this.#live.add(socket);
    void socket.closed.then(() => this.#retire(socket));
    socket.start();
    return socket;
  }

  #retire(socket: SocketHandle): void {
    this.#live.delete(socket);
    this.#retired.push(socket.id);
    if (this.#retired.length > RETAINED_CLOSED) this.#all.delete(this.#retired.shift()!);
  }

  #get(id: string): SocketHandle {
    const socket = this.#all.get(id);
    if (socket === undefined) throw unknownSocket(id);
    return socket;
  }

  #stream(id: string, why: string): TcpStream {
    const socket = this.#get(id);
    if (!(socket instanceof TcpStream)) throw wrongKind(id, socket.kind, why);
    return socket;
  }

  #holdReading(hold: boolean): void {
    if (this.#readingPaused === hold) return;
    this.#readingPaused = hold;
    for (const socket of this.#live) if (socket instanceof TcpStream) socket.holdReading(hold);
  }
}

function checkRecvSize(recvSize = DEFAULT_RECV_SIZE): number {
  if (Number.isInteger(recvSize) && recvSize >= MIN_RECV_SIZE && recvSize <= MAX_RECV_SIZE) return recvSize;
  throw new EngineError(
    'bad_command',
    `The receive size must be a whole number of bytes from ${MIN_RECV_SIZE} to ${MAX_RECV_SIZE}, not ${recvSize}.`,
    { params: { recvSize } },
  );
}
