import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import {
  type Behaviour,
  type Endpoint,
  type Family,
  type FramingConfig,
  MAX_UDP_PAYLOAD,
  type SensorInfo,
} from '@playground/protocol';
import { type DatagramBehaviour, type DatagramPeer, datagramBehaviour } from './behaviours/index.ts';
import { endpoint, familyOf } from './endpoints.ts';
import { EngineError, invalidState, toEngineError } from './errors.ts';
import type { Channel } from './event-stamper.ts';
import { type ReadinessBus, WaitSlot } from './program-wait.ts';
import { SocketHandle } from './socket-handle.ts';
import type { DestinationCheck, Target } from './types.ts';

export interface BindOptions {
  host: string;
  port: number;
  recvSize: number;
  behaviour: Behaviour;
  remote?: Target;
  /** framed-json: how each datagram's message is framed. */
  framing?: FramingConfig | undefined;
  /** sensor: the records the server decodes. */
  sensor?: SensorInfo | undefined;
  /** Asked for every datagram to the default peer (`remote`): it was allowed when the socket was made. */
  checkDestination?: DestinationCheck | undefined;
  /** A program in the page drives it: datagrams wait in the queue until its recvfrom() takes one. */
  program?: ReadinessBus | undefined;
}

/** What one recvfrom(N) returned. */
export interface Datagram {
  data: Uint8Array;
  from: Endpoint;
  lost: number;
}

/**
 * While reading is paused, datagrams wait here as they would in the kernel's receive queue, up to
 * Linux's default receive buffer (net.core.rmem_default); beyond it they are dropped, as the
 * kernel drops them, silently.
 */
const PAUSED_QUEUE_BYTES = 212_992;

/**
 * A UDP socket. It ignores the engine's pauseReading: dgram cannot pause, and every datagram is
 * one bounded event, so there is no unbounded chunk to hold back.
 */
export class UdpEndpoint extends SocketHandle implements DatagramPeer {
  readonly #socket: Socket;
  readonly #options: BindOptions;
  readonly #behaviour: DatagramBehaviour | undefined;
  readonly #family: Family;
  #closing = false;
  /** Datagrams that arrived while the application was not reading (socket.pauseReading). */
  #paused: { msg: Buffer; rinfo: RemoteInfo }[] | undefined;
  #pausedBytes = 0;
  readonly #recv: WaitSlot<Datagram>;

  constructor(channel: Channel, options: BindOptions) {
    const { host, port, recvSize, behaviour, remote } = options;
    super(channel, {
      local: endpoint(host, port),
      remote: remote && endpoint(remote.host, remote.port),
      recvSize,
      behaviour,
      ...(options.framing ? { framing: options.framing } : {}),
      ...(options.sensor ? { sensor: options.sensor } : {}),
      ...(options.program ? { manual: true } : {}),
    });
    this.#options = options;
    this.#recv = new WaitSlot(channel.socketId, 'recv');
    // A program's socket keeps its datagrams in the queue until recvfrom() asks.
    if (options.program) this.#paused = [];
    this.#behaviour = datagramBehaviour(behaviour, {
      framing: options.framing,
      sensor: options.sensor,
      emit: (event) => this.channel.emit(event),
    });
    this.#family = familyOf(host);
    this.#socket = createSocket({ type: this.#family === 'IPv6' ? 'udp6' : 'udp4' });
    this.#socket.on('error', (err) => {
      this.report(toEngineError(err, { host, port }));
      if (this.state !== 'bound') this.#close();
    });
    this.#socket.on('close', () => {
      this.finish();
      this.#recv.fail(invalidState(this.id, 'is closed.'));
      this.#options.program?.changed();
      this.#behaviour?.close?.();
    });
    this.#socket.on('message', (msg, rinfo) => this.#receive(msg, rinfo));
    this.#socket.on('listening', () => this.#bound());
  }

  protected begin(): void {
    try {
      this.#socket.bind(this.#options.port, this.#options.host);
    } catch (err) {
      this.#socket.emit('error', err);
    }
  }

  /** One datagram; resolves once it has been handed to the kernel. */
  send(bytes: Uint8Array, to?: Target): Promise<number> {
    if (this.state !== 'bound' || this.#closing) throw invalidState(this.id, 'is not bound, so it cannot send.');
    const target = to ?? this.#options.remote;
    if (target === undefined) {
      throw invalidState(this.id, 'has no default destination; say where the datagram should go.');
    }
    const refusal = to === undefined ? this.#options.checkDestination?.(target, 'udp', 'default-peer') : undefined;
    if (refusal) throw new EngineError(refusal.code, refusal.message, refusal.params ? { params: refusal.params } : {});
    if (bytes.length > MAX_UDP_PAYLOAD) {
      throw toEngineError({ code: 'EMSGSIZE', syscall: 'send' }, { ...target, size: bytes.length });
    }
    // An IPv4 socket cannot send to an IPv6 address or the other way round; Node says only EINVAL.
    if (isIP(target.host) !== 0 && familyOf(target.host) !== this.#family) {
      throw toEngineError({ code: 'EAFNOSUPPORT', syscall: 'send' }, { ...target, size: bytes.length });
    }
    return new Promise((resolve, reject) => {
      this.#transmit(bytes, target.host, target.port, (err) =>
        err ? reject(toEngineError(err, { ...target, size: bytes.length })) : resolve(bytes.length),
      );
    });
  }

  sendBack(data: Uint8Array, to: Endpoint): void {
    if (this.state !== 'bound' || this.#closing) return;
    this.#transmit(data, to.address, to.port, (err) => {
      if (err) this.report(toEngineError(err, { host: to.address, port: to.port }));
    });
  }

  close(): Promise<void> {
    if (this.open) this.#close();
    return this.closed;
  }

  /** A program's recvfrom(max): the oldest datagram waiting (cut to `max`), or the next within `timeoutMs`. */
  recv(max: number, timeoutMs: number): Promise<Datagram> {
    if (!this.#options.program) throw invalidState(this.id, 'is not driven by a program, so it reads by itself.');
    if (this.state !== 'bound' || this.#closing) throw invalidState(this.id, 'is closed.');
    if (max !== this.info.recvSize) this.setRecvSize(max);
    const datagram = this.#recv.wait(timeoutMs);
    const next = this.#paused?.shift();
    if (next) {
      this.#pausedBytes -= next.msg.length;
      this.#receive(next.msg, next.rinfo);
    }
    return datagram;
  }

  /** recvfrom() would not block. */
  get readable(): boolean {
    return (this.#paused?.length ?? 0) > 0 || !this.open;
  }

  /** Stop (or resume) calling recvfrom(): datagrams queue up meanwhile and then arrive one by one, never merged. */
  pauseReading(paused: boolean): void {
    if (this.state !== 'bound' || this.#closing) throw invalidState(this.id, 'is not bound, so it reads nothing.');
    this.channel.emit({ type: 'reading', paused });
    if (paused) {
      this.#paused ??= [];
      return;
    }
    const queued = this.#paused ?? [];
    this.#paused = undefined;
    this.#pausedBytes = 0;
    for (const { msg, rinfo } of queued) this.#receive(msg, rinfo);
  }

  #bound(): void {
    if (this.#closing) return;
    const address = this.#socket.address();
    this.info.local = endpoint(address.address, address.port);
    this.channel.emit({ type: 'listening', local: this.info.local });
    this.setState('bound');
    this.markReady();
  }

  /**
   * Deliberate emulation of recvfrom(N) on Linux: a datagram longer than N yields its first N bytes
   * and the rest is gone. Node always reads whole datagrams, so the cut happens here and `lost`
   * says how much a real recvfrom(N) would have dropped.
   */
  #receive(msg: Buffer, rinfo: RemoteInfo): void {
    if (this.#closing) return;
    if (this.#paused && !this.#recv.waiting) {
      if (this.#pausedBytes + msg.length > PAUSED_QUEUE_BYTES) return;
      this.#pausedBytes += msg.length;
      this.#paused.push({ msg, rinfo });
      this.#options.program?.changed();
      return;
    }
    const size = this.info.recvSize;
    const data = msg.length > size ? msg.subarray(0, size) : msg;
    const from: Endpoint = { address: rinfo.address, port: rinfo.port, family: familyOf(rinfo.address) };
    const counters = this.counters;
    counters.reads++;
    counters.bytesIn += data.length;
    const lost = msg.length - data.length;
    this.channel.emit({ type: 'datagram-in', data, from, lost, readNo: counters.reads });
    this.#behaviour?.datagram(this, data, from);
    this.#recv.settle({ data, from, lost });
  }

  #transmit(data: Uint8Array, host: string, port: number, done: (err: Error | null) => void): void {
    const counters = this.counters;
    counters.writes++;
    counters.bytesOut += data.length;
    this.channel.emit({ type: 'datagram-out', data, to: endpoint(host, port), writeNo: counters.writes });
    try {
      this.#socket.send(data, port, host, done);
    } catch (err) {
      // Bad ports and the like throw synchronously; they belong to the same callback as network errors.
      done(err as Error);
    }
  }

  #close(): void {
    if (this.#closing) return;
    this.#closing = true;
    try {
      this.#socket.close();
    } catch {
      // Node refuses to close a socket whose handle is already gone; there is nothing left to release.
      this.finish();
    }
  }
}
