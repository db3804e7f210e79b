import { framingProblems } from '@playground/codec';
import {
  type Behaviour,
  type ConditionsSettings,
  type Counters,
  type FramingConfig,
  MAX_RECV_SIZE,
  MIN_RECV_SIZE,
  type SocketInfo,
  type SocketKind,
  type Witness,
} from '@playground/protocol';
import { DEFAULT_SERVER_FRAMING } from './behaviours/index.ts';
import {
  type ConditionsCreateOptions,
  checkSettings,
  Relay,
  type RelayOptions,
  randomSeed,
  TcpRelay,
  UdpRelay,
} from './conditions/index.ts';
import { catalogued, invalidState, unknownSocket, wrongKind } from './errors.ts';
import { Channel, EventStamper } from './event-stamper.ts';
import { ExternalSocket } from './external-socket.ts';
import { ReadinessBus, waitUntilReady } from './program-wait.ts';
import { type SensorStartOptions, SensorTcpClient, SensorUdpClient, sensorPlan, serverSensor } from './sensor/index.ts';
import type { Registry, SocketHandle } from './socket-handle.ts';
import { type SplitPlan, sendSplit } from './split-send.ts';
import { TcpClient } from './tcp-client.ts';
import { TcpServer } from './tcp-server.ts';
import { TcpStream } from './tcp-stream.ts';
import type {
  DestinationCheck,
  EventSink,
  Target,
  TcpConnectOptions,
  TcpListenOptions,
  UdpBindOptions,
} from './types.ts';
import { type Datagram, UdpEndpoint } from './udp-endpoint.ts';

export interface EngineOptions {
  /** Called synchronously for every event; it must not throw. */
  onEvent: EventSink;
  now?: () => number;
  /** The `now()` reading that events call `t` 0, so another witness can share the clock (default: now). */
  origin?: number;
  /**
   * Connections a server accepts while this many sockets are open are reset at once and reported
   * as a `quota` error event on the server, which keeps listening. Commands are the caller's to limit.
   */
  maxSockets?: number;
  /** The target policy at the moment a relay or a UDP default peer is used (see DestinationCheck). */
  checkDestination?: DestinationCheck;
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
    socketQuotaReached: () => this.#socketQuotaReached(),
  };
  readonly #maxSockets: number | undefined;
  readonly #checkDestination: DestinationCheck | undefined;
  /** Wakes a program's select() when one of its sockets may be ready. */
  readonly #program = new ReadinessBus();

  constructor(options: EngineOptions) {
    const now = options.now ?? (() => performance.now());
    this.#stamper = new EventStamper(options.onEvent, now, options.origin ?? now());
    this.#maxSockets = options.maxSockets;
    this.#checkDestination = options.checkDestination;
  }

  async tcpListen(o: TcpListenOptions): Promise<SocketInfo> {
    const options = {
      host: o.host,
      port: o.port,
      backlog: o.backlog ?? 128,
      recvSize: checkRecvSize(o.recvSize),
      behaviour: o.behaviour ?? 'echo',
      concurrency: o.concurrency ?? 'concurrent',
      reuseAddress: o.reuseAddress ?? true,
      framing: serverFraming(o.behaviour ?? 'echo', o.framing),
      sensor: serverSensor(o.behaviour ?? 'echo', o.sensor),
      program: o.manual ? this.#program : undefined,
    };
    return this.#adopt('tcp-server', (channel) => new TcpServer(channel, this.#registry, options)).ready.promise;
  }

  async tcpConnect(o: TcpConnectOptions): Promise<SocketInfo> {
    const target = { host: o.host, port: o.port, timeoutMs: o.timeoutMs ?? 5000 };
    const recvSize = checkRecvSize(o.recvSize);
    return this.#adopt(
      'tcp-client',
      (channel) =>
        new TcpClient(channel, target, recvSize, this.#readingPaused, o.group, o.manual ? this.#program : undefined),
    ).ready.promise;
  }

  async udpBind(o: UdpBindOptions): Promise<SocketInfo> {
    const options = {
      host: o.host,
      port: o.port,
      recvSize: checkRecvSize(o.recvSize),
      behaviour: o.behaviour ?? 'none',
      remote: o.remote,
      framing: serverFraming(o.behaviour ?? 'none', o.framing),
      sensor: serverSensor(o.behaviour ?? 'none', o.sensor),
      checkDestination: this.#checkDestination,
      program: o.manual ? this.#program : undefined,
    };
    return this.#adopt('udp', (channel) => new UdpEndpoint(channel, options)).ready.promise;
  }

  /**
   * A network conditions stage (a `relay` socket) in front of `target`: clients reach the relay's
   * `local` address instead, and their traffic goes through the settings (conditions/).
   */
  async conditionsCreate(o: ConditionsCreateOptions): Promise<SocketInfo> {
    const options: RelayOptions = {
      transport: o.transport,
      host: o.host ?? '127.0.0.1',
      port: o.port ?? 0,
      target: o.target,
      settings: checkSettings(o.settings ?? {}),
      seed: o.seed === undefined ? randomSeed() : o.seed >>> 0,
      guards: {
        quotaReached: (sockets) => this.#socketQuotaReached(sockets),
        ...(this.#checkDestination ? { checkDestination: this.#checkDestination } : {}),
      },
    };
    const relay = (channel: Channel) =>
      options.transport === 'tcp' ? new TcpRelay(channel, options) : new UdpRelay(channel, options);
    return this.#adopt('relay', relay).ready.promise;
  }

  /**
   * A socket of another process that someone watches for this session (a traced program's): it
   * gets an id and counts in the socket quota; the watcher reports its events (`announce`, then
   * `observe`). Refused with a `quota` error when the session holds the most sockets allowed.
   */
  external(kind: SocketKind, info: Omit<SocketInfo, 'id' | 'kind'>, witness: Witness): ExternalSocket {
    const max = this.#socketQuotaReached();
    if (max !== undefined) {
      throw catalogued('quota.maxSockets', { limit: 'maxSockets', max });
    }
    return this.#adopt(kind, (channel) => new ExternalSocket(channel, info, witness));
  }

  /** Milliseconds on the session's clock now: the clock every event's `t` counts on. */
  clock(): number {
    return this.#stamper.clock();
  }

  /** Changes a relay's settings while traffic flows. */
  conditionsUpdate(id: string, patch: Partial<ConditionsSettings>): SocketInfo {
    const socket = this.#get(id);
    if (!(socket instanceof Relay)) throw wrongKind(id, socket.kind, 'only a conditions relay has network conditions.');
    return socket.update(patch);
  }

  /** A sensor client (sensor/): a TCP client or UDP endpoint sending random struct records at a rate. */
  async sensorStart(o: SensorStartOptions): Promise<SocketInfo> {
    const plan = sensorPlan(o);
    const recvSize = checkRecvSize(o.recvSize);
    if (o.transport === 'tcp') {
      return this.#adopt(
        'tcp-client',
        (channel) => new SensorTcpClient(channel, { ...o, recvSize }, plan, this.#readingPaused),
      ).ready.promise;
    }
    return this.#adopt(
      'udp',
      (channel) => new SensorUdpClient(channel, { ...o, recvSize }, plan, this.#checkDestination),
    ).ready.promise;
  }

  /** One write (one datagram), or with `split` several: see sendSplit. Resolves with the bytes written. */
  async send(id: string, bytes: Uint8Array, to?: Target, split?: SplitPlan): Promise<number> {
    const socket = this.#get(id);
    if (socket instanceof UdpEndpoint) {
      return split ? sendSplit(bytes, split, (piece) => socket.send(piece, to)) : socket.send(bytes, to);
    }
    if (!(socket instanceof TcpStream)) {
      throw wrongKind(id, socket.kind, 'it only accepts connections; send on one of those instead.');
    }
    if (to !== undefined) {
      throw wrongKind(id, socket.kind, 'a TCP connection always sends to its peer, so it takes no destination.');
    }
    return split ? sendSplit(bytes, split, (piece) => socket.send(piece)) : socket.send(bytes);
  }

  /** A program's recv(max) / recvfrom(max) on one of its (`manual`) sockets. */
  recv(id: string, max: number, timeoutMs: number): Promise<Datagram | { data: Uint8Array }> {
    const socket = this.#get(id);
    const size = checkRecvSize(max);
    if (socket instanceof UdpEndpoint) return socket.recv(size, timeoutMs);
    if (!(socket instanceof TcpStream)) throw wrongKind(id, socket.kind, 'it only accepts connections; use accept().');
    return socket.recv(size, timeoutMs).then((data) => ({ data }));
  }

  /** A program's accept() on its (`manual`) TCP server. */
  accept(id: string, timeoutMs: number): Promise<SocketInfo> {
    const socket = this.#get(id);
    if (!(socket instanceof TcpServer)) throw wrongKind(id, socket.kind, 'only a listening TCP server accepts.');
    return socket.accept(timeoutMs);
  }

  /** A program's select() over its sockets: those whose recv() or accept() would not block now, or soon. */
  select(ids: string[], timeoutMs: number): Promise<string[]> {
    const sockets = ids.map((id) => this.#get(id));
    const ready = () =>
      sockets
        .filter((s) => (s instanceof TcpStream || s instanceof UdpEndpoint || s instanceof TcpServer) && s.readable)
        .map((s) => s.id);
    return waitUntilReady(this.#program, ready, timeoutMs);
  }

  /** TCP_NODELAY on a connection: true sends small writes at once instead of letting Nagle gather them. */
  setNoDelay(id: string, noDelay: boolean): void {
    this.#stream(id, "only TCP connections have Nagle's algorithm.").setNoDelay(noDelay);
  }

  /** The application stops (or resumes) calling recv() on a connection or UDP endpoint. */
  setReadingPaused(id: string, paused: boolean): void {
    const socket = this.#get(id);
    if (socket.snapshot().manual)
      throw invalidState(id, 'is read by its program: it reads when the program calls recv().');
    if (socket instanceof TcpStream || socket instanceof UdpEndpoint) {
      socket.pauseReading(paused);
      return;
    }
    throw wrongKind(id, socket.kind, 'it only accepts connections; pause the reading of one of those instead.');
  }

  end(id: string): void {
    this.#stream(id, 'only TCP connections can be half-closed.').end();
  }

  /** The server's listening socket closes; the connections it accepted stay open. */
  stopListening(id: string): void {
    const socket = this.#get(id);
    if (!(socket instanceof TcpServer)) {
      throw wrongKind(id, socket.kind, 'only a TCP server listens, so only a server can stop listening.');
    }
    socket.stopListening();
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

  /** A call or hint of the program in the page on its socket (open, or closed a moment ago). */
  note(id: string, body: Parameters<SocketHandle['note']>[0]): void {
    const socket = this.#all.get(id);
    if (socket && !(socket instanceof ExternalSocket)) socket.note(body);
  }

  info(id: string): SocketInfo | undefined {
    return this.#all.get(id)?.snapshot();
  }

  /**
   * Every socket this session holds open, relays' own included (a TCP relay holds two per client,
   * a UDP relay one): what the socket quota counts.
   */
  socketCount(): number {
    let open = 0;
    for (const socket of this.#live) {
      if (!socket.open) continue;
      open++;
      if (socket instanceof Relay) open += socket.flowSockets;
    }
    return open;
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

  /** A socket a command may act on: one of the engine's own, never a watched program's. */
  #get(id: string): SocketHandle {
    const socket = this.#all.get(id);
    if (socket === undefined) throw unknownSocket(id);
    if (socket instanceof ExternalSocket) throw socket.refusal();
    return socket;
  }

  #stream(id: string, why: string): TcpStream {
    const socket = this.#get(id);
    if (!(socket instanceof TcpStream)) throw wrongKind(id, socket.kind, why);
    return socket;
  }

  /** The socket quota when `more` sockets would go past it, else undefined. */
  #socketQuotaReached(more = 1): number | undefined {
    const max = this.#maxSockets;
    if (max === undefined) return undefined;
    return this.socketCount() + more > max ? max : undefined;
  }

  #holdReading(hold: boolean): void {
    if (this.#readingPaused === hold) return;
    this.#readingPaused = hold;
    for (const socket of this.#live) if (socket instanceof TcpStream) socket.holdReading(hold);
  }
}

/** A framed-json server needs a framing (seed 002's by default); other behaviours ignore it. */
function serverFraming(behaviour: Behaviour, framing: FramingConfig | undefined): FramingConfig | undefined {
  if (behaviour !== 'framed-json') return undefined;
  const chosen = framing ?? DEFAULT_SERVER_FRAMING;
  const problems = framingProblems(chosen);
  if (problems.length > 0) {
    throw catalogued('bad_command.framing', { problems: problems.join(' ') });
  }
  return chosen;
}

function checkRecvSize(recvSize = DEFAULT_RECV_SIZE): number {
  if (Number.isInteger(recvSize) && recvSize >= MIN_RECV_SIZE && recvSize <= MAX_RECV_SIZE) return recvSize;
  throw catalogued('bad_command.recvSize', { recvSize, min: MIN_RECV_SIZE, max: MAX_RECV_SIZE });
}
