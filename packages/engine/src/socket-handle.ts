import type { Counters, SocketInfo, SocketKind, SocketState } from '@playground/protocol';
import { Deferred } from './deferred.ts';
import { type EngineError, invalidState } from './errors.ts';
import type { Channel, EventBody } from './event-stamper.ts';

/** What a socket needs from the engine that owns it. */
export interface Registry {
  /** Gives the new socket an id, registers it, then starts it, so a sink reacting to 'opened' finds it. */
  adopt<T extends SocketHandle>(kind: SocketKind, make: (channel: Channel) => T): T;
  readingPaused(): boolean;
  /** The engine's socket quota when it is reached (a new connection must be refused), else undefined. */
  socketQuotaReached(): number | undefined;
}

/** The life cycle every socket shares: opened → states → closed, once. */
export abstract class SocketHandle {
  state: SocketState | undefined;
  readonly counters: Counters = { bytesIn: 0, bytesOut: 0, reads: 0, writes: 0 };
  /** Settles once the socket is usable (listening, connected, bound), or rejects if it closed before. */
  readonly ready = new Deferred<SocketInfo>();
  protected readonly info: SocketInfo;
  protected lastError: EngineError | undefined;
  readonly #closed = new Deferred<void>();

  constructor(
    protected readonly channel: Channel,
    info: Omit<SocketInfo, 'id' | 'kind'>,
  ) {
    this.info = { id: channel.socketId, kind: channel.kind, ...info };
  }

  get id(): string {
    return this.channel.socketId;
  }

  get kind(): SocketKind {
    return this.channel.kind;
  }

  get open(): boolean {
    return this.state !== 'closed';
  }

  /** Resolves once the socket is closed and its handle released. */
  get closed(): Promise<void> {
    return this.#closed.promise;
  }

  /** A copy: emitted events must not change when the socket does. */
  snapshot(): SocketInfo {
    return { ...this.info };
  }

  start(): void {
    this.channel.emit({ type: 'opened', socket: this.snapshot() });
    this.begin();
  }

  protected abstract begin(): void;

  /** What a program in the page did on this socket beyond its events: a call, a hint (docs/python.md). */
  note(body: Extract<EventBody, { type: 'call' | 'hint' }>): void {
    this.channel.emit(body);
  }

  abstract close(): Promise<void>;

  setRecvSize(recvSize: number): void {
    if (!this.open) throw invalidState(this.id, 'is closed, so it reads nothing any more.');
    this.info.recvSize = recvSize;
    this.channel.emit({ type: 'recv-size', recvSize });
  }

  protected setState(state: SocketState): void {
    if (state === this.state) return;
    this.state = state;
    this.channel.emit({ type: 'state', state });
  }

  protected markReady(): void {
    this.ready.resolve(this.snapshot());
  }

  protected report(error: EngineError): void {
    this.lastError = error;
    this.channel.emit({ type: 'error', error: error.toInfo() });
  }

  /** No longer the engine's to report on, without a `closed` event (see ExternalSocket.release). */
  protected forget(): void {
    this.state = 'closed';
    this.#closed.resolve();
  }

  /** Called from the handle's 'close' event: the OS resource is gone. */
  protected finish(): void {
    if (this.state === 'closed') return;
    this.setState('closed');
    this.channel.emit({ type: 'closed', hadError: this.lastError !== undefined });
    this.ready.reject(this.lastError ?? invalidState(this.id, 'was closed before it was ready.'));
    this.#closed.resolve();
  }
}
